#!/usr/bin/env bash
# Compiles docker/varnish/default.vcl outside Compose (`varnishd -C`): the Compose host "nginx"
# is replaced by 127.0.0.1, so that the check does not depend on Docker's DNS.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT
sed -e 's/\.host = "nginx";/.host = "127.0.0.1";/' "$here/default.vcl" > "$workdir/default.vcl"
varnishd -C -j none -n "$workdir/n" -f "$workdir/default.vcl" > "$workdir/compiled" 2>&1 || { cat "$workdir/compiled" >&2; exit 1; }
echo "Varnish VCL OK: docker/varnish/default.vcl"
