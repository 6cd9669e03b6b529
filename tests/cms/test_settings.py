"""Production settings are safe: no secret, no start; with one, `check --deploy` is clean."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    skip = {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}  # the test process sets the last
    full_env = {k: v for k, v in os.environ.items() if k not in skip}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=full_env, capture_output=True, text=True
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="cms.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_passes_check_deploy():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="x" * 20 + "production-like-secret-key-for-the-check-only-0123456789",
        ALLOWED_HOSTS="sotetekoaly.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_debug_is_off_unless_dev():
    from cms.settings import base

    assert base.DEBUG is False or os.environ.get("DEBUG")


def test_trusted_proxy_count_comes_from_the_environment():
    code = "from django.conf import settings; print(settings.TRUSTED_PROXY_COUNT)"
    for value, expected in (("", "0"), ("1", "1"), ("2", "2")):
        result = run_manage(
            "shell",
            "-c",
            code,
            DJANGO_SETTINGS_MODULE="cms.settings.test",
            TRUSTED_PROXY_COUNT=value,
        )
        assert result.stdout.strip().splitlines()[-1] == expected, result.stderr
