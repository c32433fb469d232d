import os
import subprocess
import sys
from pathlib import Path

import pytest

from wsi.checks import cache_is_shared
from wsi.settings import DEV_SECRET_KEY

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_VARIABLES = (
    "SECRET_KEY",
    "SECRET_KEY_FALLBACKS",
    "MAILINGLIST_HASH_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "EMAIL_URL",
)
A_KEY = "k3y-" + "x7Qp" * 15
PROPER = {
    "SECRET_KEY": A_KEY,
    "MAILINGLIST_HASH_KEY": "h4sh-" + "Zr8w" * 15,
    "ALLOWED_HOSTS": "wsi.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://wsi.example.org",
    "EMAIL_URL": "smtp+tls://wsi.example.org:587",
}


def _django_setup(settings_module, code="", **env):
    environment = {key: value for key, value in os.environ.items() if key not in PRODUCTION_VARIABLES}
    environment.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _env_file_value(name, variable):
    for line in (ROOT / "docker" / "env" / name).read_text().splitlines():
        if line.startswith(f"{variable}="):
            return line.partition("=")[2]
    raise AssertionError(f"{variable} is not in docker/env/{name}")


def _refusal(result):
    assert result.returncode != 0
    return result.stderr.strip().splitlines()[-1]


def test_production_settings_start_with_a_proper_environment():
    result = _django_setup("wsi.settings.production", **PROPER)

    assert result.returncode == 0, result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    environment = {key: value for key, value in PROPER.items() if key != "SECRET_KEY"}

    result = _django_setup("wsi.settings.production", **environment)

    assert "Set SECRET_KEY: production has no default" in _refusal(result)


@pytest.mark.parametrize("variable", ["ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "EMAIL_URL"])
@pytest.mark.parametrize("missing", ["unset", "empty"])
def test_production_settings_name_each_missing_address(variable, missing):
    environment = {key: value for key, value in PROPER.items() if key != variable}
    if missing == "empty":
        environment[variable] = ""

    result = _django_setup("wsi.settings.production", **environment)

    assert f"Set {variable}: production has no default" in _refusal(result)


@pytest.mark.parametrize(
    "key",
    [
        pytest.param(DEV_SECRET_KEY, id="dev settings"),
        pytest.param(_env_file_value("production.env", "SECRET_KEY"), id="production.env"),
        pytest.param("compose-local-only-change-me-0123456789abcdefghijklmnopqrstuvwxyz", id="old .env.example"),
    ],
)
def test_production_settings_refuse_an_example_secret_key(key):
    result = _django_setup("wsi.settings.production", **{**PROPER, "SECRET_KEY": key})

    assert "SECRET_KEY is an example value: set a random one of your own." in _refusal(result)


def test_production_settings_refuse_a_short_secret_key():
    result = _django_setup("wsi.settings.production", **{**PROPER, "SECRET_KEY": "x" * 49})

    assert "SECRET_KEY is too short: it needs 50 characters or more." in _refusal(result)


@pytest.mark.parametrize("missing", ["unset", "empty"])
def test_production_settings_refuse_to_start_without_a_mailing_list_hash_key(missing):
    environment = {key: value for key, value in PROPER.items() if key != "MAILINGLIST_HASH_KEY"}
    if missing == "empty":
        environment["MAILINGLIST_HASH_KEY"] = ""

    result = _django_setup("wsi.settings.production", **environment)

    assert "Set MAILINGLIST_HASH_KEY: production has no default" in _refusal(result)


def test_production_settings_refuse_a_mailing_list_hash_key_equal_to_the_secret_key():
    result = _django_setup("wsi.settings.production", **{**PROPER, "MAILINGLIST_HASH_KEY": A_KEY})

    assert "MAILINGLIST_HASH_KEY must differ from SECRET_KEY" in _refusal(result)


def test_former_secret_keys_are_read_from_the_environment():
    old, older = "old-" + "a1" * 30, "older-" + "b2" * 30
    code = "from django.conf import settings; print(settings.SECRET_KEY_FALLBACKS)"

    result = _django_setup("wsi.settings.production", code, **PROPER, SECRET_KEY_FALLBACKS=f"{old},{older}")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str([old, older])


def test_production_settings_refuse_the_example_mailing_list_hash_key():
    example = _env_file_value("production.env", "MAILINGLIST_HASH_KEY")
    result = _django_setup("wsi.settings.production", **{**PROPER, "MAILINGLIST_HASH_KEY": example})

    assert "MAILINGLIST_HASH_KEY is an example value" in _refusal(result)


def test_the_local_compose_environment_starts_on_development_settings():
    local = {}
    for line in (ROOT / "docker" / "env" / "local.env").read_text().splitlines():
        key, equals, value = line.partition("=")
        if equals and not key.startswith("#"):
            local[key] = value
    settings_module = local.pop("DJANGO_SETTINGS_MODULE")
    # The Compose service names do not resolve here, and setup() connects to neither.
    result = _django_setup(settings_module, **local)

    assert settings_module == "wsi.settings.dev"
    assert result.returncode == 0, result.stderr


def test_check_deploy_warns_when_each_process_would_keep_its_own_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [warning.id for warning in cache_is_shared(None)] == ["wsi.W002"]

    settings.CACHES = {"default": {"BACKEND": "wsi.cache.ForgivingRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}}
    assert cache_is_shared(None) == []


def test_the_embedded_default_migrates_on_sqlite(tmp_path):
    """`make run` starts on SQLite whatever CI runs on: every migration must apply there too."""
    environment = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "REDIS_URL")}
    environment.update(DJANGO_SETTINGS_MODULE="wsi.settings.dev", DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")

    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert result.returncode == 0, result.stderr[-3000:]
