"""The rule for tests that need real services: they skip with the reason on a laptop without
the service, and fail under CI=true."""

import os

import pytest
import redis
from django.conf import settings

IN_CI = os.environ.get("CI", "").lower() == "true"


def require(available, reason):
    if available:
        return
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: a missing service is a failure, not a skip)")
    pytest.skip(reason)


def redis_answers():
    if not settings.REDIS_URL:
        return False
    try:
        return redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False
