from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Empty the site's cache (menus, the library's index stamp, rate limits), e.g. after a restore. "
        "Only the site's keys go: Celery's queue in the same Redis database stays."
    )

    def handle(self, **options):
        cache = caches["default"]
        if not isinstance(cache, RedisCache):
            cache.clear()
            return
        client = cache._cache.get_client(write=True)
        keys = list(client.scan_iter(match=cache.make_key("*"), count=1000))
        for start in range(0, len(keys), 1000):
            client.delete(*keys[start : start + 1000])
        self.stdout.write(f"{len(keys)} cached entries deleted.")
