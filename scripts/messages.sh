#!/usr/bin/env bash
# Extract and compile interface translations (fi, sv, en).
# Each domain app keeps its own catalogue in <app>/locale/, covering its Python code and its
# templates in templates/<app>/ (linked in while extracting); the project catalogue in locale/
# covers cms/ and the shared templates. Separate catalogues keep apps out of each other's files.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="$(pwd)/.venv/bin/python"
MANAGE="$(pwd)/manage.py"
LANGS=(-l fi -l sv -l en)
APPS=(editorial home members pilots coordination reports events search airegister)
ignores=(--ignore=.venv --ignore=static_collected --ignore=tests --ignore=bench --ignore=node_modules)
for app in "${APPS[@]}"; do ignores+=(--ignore="$app" --ignore="templates/$app"); done
"$PY" "$MANAGE" makemessages "${LANGS[@]}" "${ignores[@]}"
for app in "${APPS[@]}"; do
  [ -d "$app" ] || continue
  (
    cd "$app"
    mkdir -p locale
    [ -d "../templates/$app" ] && ln -sfn "../templates/$app" _templates
    trap 'rm -f _templates' EXIT
    "$PY" "$MANAGE" makemessages "${LANGS[@]}" --symlinks --ignore=migrations
  )
done
"$PY" "$MANAGE" compilemessages --ignore=.venv
