#!/usr/bin/env bash
# `nginx -t` on docker/nginx/default.conf outside Compose: the config is wrapped in a minimal
# nginx.conf in a temporary prefix, and the Compose host "web" is replaced by 127.0.0.1 so
# that the check does not depend on Docker's DNS; the access log goes to the temporary prefix.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
mkdir -p "$prefix/logs" "$prefix/srv/media"
sed -e 's/server web:8000;/server 127.0.0.1:8000;/' -e "s|/var/log/nginx/access.log|$prefix/logs/access.log|" \
  "$here/default.conf" > "$prefix/site.conf"
cat > "$prefix/nginx.conf" <<CONF
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    access_log off;
    include $prefix/site.conf;
}
CONF
nginx -t -q -e "$prefix/logs/error.log" -p "$prefix" -c "$prefix/nginx.conf"
echo "nginx config OK: docker/nginx/default.conf"
