# The key of dev settings; production refuses it (and every key of docker/env/*.env).
DEV_SECRET_KEY = "dev-only-not-secret-0123456789abcdefghijklmnopqrstuvwxyz"
