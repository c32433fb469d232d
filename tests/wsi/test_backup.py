"""`make backup` and `make restore` (bin/backup): a database of its own is filled, backed up,
dropped and made again empty, its media folder deleted, and the restore brings back the same
pages, images (their files too) and subscribers."""

import json
import os
import shutil
import subprocess
import sys

import psycopg
import pytest
import redis
import yaml
from django.conf import settings
from django.db import connection

from tests.helpers.processes import PrivateRedis
from tests.helpers.services import require

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

BACKUP = [str(settings.BASE_DIR / "bin" / "backup")]


class Database:
    """A throwaway database beside the test database, with its tables (copied from it, faster
    than migrating) and no rows."""

    def __init__(self):
        db = connection.settings_dict
        self.name = f"{db['NAME']}_backup_{os.getpid()}"
        self.server = {"host": db["HOST"] or "127.0.0.1", "port": db["PORT"] or 5432, "user": db["USER"]}
        origin = f"postgres://{self.server['user']}@{self.server['host']}:{self.server['port']}"
        self.url = f"{origin}/{self.name}"
        self.tests_url = f"{origin}/{db['NAME']}"

    def sql(self, statement):
        with psycopg.connect(**self.server, dbname="postgres", autocommit=True) as server:
            server.execute(statement)

    def create(self):
        self.drop()
        self.sql(f'CREATE DATABASE "{self.name}"')

    def drop(self):
        self.sql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def copy_tables(self):
        schema = subprocess.run(
            ["pg_dump", "--schema-only", "--no-owner", "--no-acl", self.tests_url], capture_output=True, check=True
        ).stdout
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", self.url], input=schema, capture_output=True, check=True)


@pytest.fixture
def database():
    require(shutil.which("pg_dump") and shutil.which("pg_restore"), "needs pg_dump: apt-get install postgresql-client")
    database = Database()
    database.create()
    database.copy_tables()
    yield database
    database.drop()


def run(command, env, **kwargs):
    result = subprocess.run(
        command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=300, **kwargs
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def django(code, env):
    return run([sys.executable, "-c", f"import django; django.setup(); {code}"], env)


def test_a_restore_brings_back_the_pages_images_and_subscribers(database, tmp_path):
    env = {
        **{key: value for key, value in os.environ.items() if key != "REDIS_URL"},
        "DJANGO_SETTINGS_MODULE": "wsi.settings.dev",
        "DATABASE_URL": database.url,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "EMAIL_URL": "consolemail://",
        "CONN_MAX_AGE": "0",
        "PYTHON": sys.executable,
    }
    django("from tests.helpers import backup_content; backup_content.load()", env)
    before = json.loads(django("from tests.helpers import backup_content; backup_content.snapshot()", env))

    printed = run([*BACKUP, "create", str(tmp_path / "backups")], env)
    (backup,) = (tmp_path / "backups").iterdir()
    assert printed == f"Backup written to {backup}\n"
    database.create()
    shutil.rmtree(tmp_path / "media")
    run([*BACKUP, "restore", str(backup)], env)

    after = json.loads(django("from tests.helpers import backup_content; backup_content.snapshot()", env))
    assert after == before
    assert [title for _path, title, *_ in before["pages"]] == ["Root", "Home", "Who We Are", "A draft", "Board papers"]
    assert [title for title, _name, _hash in before["images"]] == ["Trainees at work"]
    assert [email for email, *_ in before["subscribers"]] == ["ana@example.org", "ben@example.org", "cy@example.org"]


@pytest.mark.parametrize(
    ("arguments", "database_url", "message"),
    [
        (["create"], "sqlite:///var/db.sqlite3", "DATABASE_URL is not a PostgreSQL database"),
        (["create"], "", "DATABASE_URL is not set"),
        (["restore"], "postgres://postgres@127.0.0.1/x", "name the backup folder"),
        (["restore", "/nonexistent"], "postgres://postgres@127.0.0.1/x", "does not hold database.dump and media.tar"),
    ],
)
def test_a_backup_that_cannot_be_made_says_why(tmp_path, arguments, database_url, message):
    env = {**os.environ, "DATABASE_URL": database_url, "BACKUP_DIR": str(tmp_path)}

    result = subprocess.run([*BACKUP, *arguments], env=env, capture_output=True, text=True, timeout=60)

    assert result.returncode == 1
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_compose_services_the_script_uses_exist():
    """No container engine here: the Compose file, as docker-compose reads it, has the services
    bin/backup calls, and the db service names its user and database in its environment."""
    require(shutil.which("docker-compose"), "needs docker-compose: apt-get install docker-compose")
    result = subprocess.run(["docker-compose", "config"], cwd=settings.BASE_DIR, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    services = yaml.safe_load(result.stdout)["services"]

    assert {"db", "web", "worker", "beat"} <= set(services)
    assert {"POSTGRES_USER", "POSTGRES_DB"} <= set(services["db"]["environment"])
    assert any("/app/var/media" in str(volume) for volume in services["web"]["volumes"])


@pytest.mark.redis
def test_after_a_restore_the_sites_cache_is_emptied_and_celerys_queue_kept():
    server = PrivateRedis().start()
    try:
        client = redis.Redis.from_url(server.url)
        client.set("wsi:1:wsi:menu-tree:1", "the menus of the database before the restore")
        client.lpush("celery", "a signup's confirmation mail")
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "wsi.settings.dev", "REDIS_URL": server.url}

        printed = run([sys.executable, "manage.py", "clear_site_cache"], env)

        assert printed == "1 cached entries deleted.\n"
        assert client.keys() == [b"celery"]
    finally:
        server.stop()
