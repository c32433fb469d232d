import redis
from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    """Liveness: the process answers. Checks nothing else, so a database outage does not get
    healthy web containers restarted."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request):
    """Readiness: the database answers, and Redis too when the site is configured to use it."""
    checks = {"database": _database_answers()}
    if settings.REDIS_URL:
        checks["redis"] = _redis_answers(settings.REDIS_URL)
    ready = all(state == "ok" for state in checks.values())
    return JsonResponse({"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503)


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception as error:  # noqa: BLE001 - any failure means "not ready"
        return f"error: {error.__class__.__name__}"


def _redis_answers(url):
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        client.ping()
        return "ok"
    except redis.RedisError as error:
        return f"error: {error.__class__.__name__}"
