"""Media on S3-compatible object storage (django-storages), chosen when AWS_STORAGE_BUCKET_NAME
is set; without it media stay in the local MEDIA_ROOT folder. The README's "Media on object
storage" section says how the bucket must be set up."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured


def s3_media_storage(env):
    """STORAGES["default"] for the bucket the environment names, or None for local files."""
    bucket = env.str("AWS_STORAGE_BUCKET_NAME", default="")
    if not bucket:
        return None
    endpoint = env.str("AWS_S3_ENDPOINT_URL", default="")
    if endpoint and urlsplit(endpoint).scheme not in ("http", "https"):
        raise ImproperlyConfigured(f"AWS_S3_ENDPOINT_URL must start with http:// or https://, not {endpoint!r}.")
    domain = env.str("AWS_S3_CUSTOM_DOMAIN", default="")
    if "://" in domain:
        raise ImproperlyConfigured(
            f"AWS_S3_CUSTOM_DOMAIN is a host (and path), e.g. media.example.org, not {domain!r}; "
            "the scheme goes in AWS_S3_URL_PROTOCOL."
        )
    protocol = env.str("AWS_S3_URL_PROTOCOL", default="https:")
    if protocol not in ("http:", "https:"):
        raise ImproperlyConfigured(f"AWS_S3_URL_PROTOCOL must be https: or http:, not {protocol!r}.")
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            # Empty values fall back to boto3's own lookup (an instance role, ~/.aws).
            "endpoint_url": endpoint or None,
            "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "custom_domain": domain or None,
            "url_protocol": protocol,
            # No per-object ACL: what anonymous visitors may read is the bucket policy's alone
            # (renditions under images/, nothing else), so a document uploaded into the private
            # collection is never readable from the bucket.
            "default_acl": None,
            # Rendition URLs stay the same from one request to the next, so pages holding them
            # can be cached; documents never get a bucket URL (WAGTAILDOCS_SERVE_METHOD).
            "querystring_auth": False,
            "file_overwrite": False,
            # As long as nginx keeps local renditions (docker/nginx/default.conf).
            "object_parameters": {"CacheControl": "max-age=2592000"},
        },
    }


def media_origin(storage):
    """The origin the browser fetches renditions from, for the Content-Security-Policy."""
    options = storage["OPTIONS"]
    if options["custom_domain"]:
        host = options["custom_domain"].split("/", 1)[0]
        return f"{options['url_protocol']}//{host}"
    if options["endpoint_url"]:
        parts = urlsplit(options["endpoint_url"])
        return f"{parts.scheme}://{parts.netloc}"
    return f"https://{options['bucket_name']}.s3.amazonaws.com"
