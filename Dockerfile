# The image behind every Compose service (web, worker, beat, migrate): the same code and entry
# points as `make run` and CI, with production settings.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=wsi.settings.production

RUN useradd --create-home --uid 1000 wsi
WORKDIR /app

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY --chown=wsi:wsi . .
# Static files are part of the image. The variables only let production settings load; the key
# is thrown away and signs nothing.
RUN SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    ALLOWED_HOSTS=build CSRF_TRUSTED_ORIGINS=https://build EMAIL_URL=consolemail:// \
    python manage.py collectstatic --noinput \
    && mkdir -p var/media \
    && chown -R wsi:wsi var staticfiles

USER wsi
EXPOSE 8000
CMD ["gunicorn", "wsi.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
