#!/usr/bin/env bash
# `manage.py check --deploy` with production settings must report no warnings.
set -euo pipefail
PY="${1:-.venv/bin/python}"
SECRET_KEY="check-deploy-$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')" \
ALLOWED_HOSTS=sotetekoaly.example \
DJANGO_SETTINGS_MODULE=cms.settings.production \
  "$PY" manage.py check --deploy --fail-level WARNING
