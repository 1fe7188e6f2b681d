#!/usr/bin/env bash
# Serves a copy of dist/ under /ntm/ with the configurations of docs/hosting/ (nginx and
# Apache, where installed) and checks them with scripts/check-hosting.mjs: the README's hosting
# section is what is tested. Skips a server that is not installed.
#   scripts/check-hosting.sh [dist]
set -euo pipefail
cd "$(dirname "$0")/.."
dist="$(realpath "${1:-dist}")"
# Outside the repository: nginx's workers run as another user (www-data), who must be able to
# walk to the files (a clone in a mktemp folder is closed to others).
work="$(mktemp -d /tmp/ntm-hosting-XXXXXX)"
chmod 755 "$work"
mkdir -p "$work/www/ntm"
cp -r "$dist"/. "$work/www/ntm/"
chmod -R a+rX "$work/www"
status=0
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

if command -v nginx >/dev/null && [ -e /etc/nginx/mime.types ]; then
  mkdir -p "$work/nginx/logs"
  brotli=""
  so=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
  [ -e "$so" ] && brotli="load_module $so;"
  location="$(cat docs/hosting/nginx-location.conf)"
  [ -n "$brotli" ] || location="$(grep -v 'brotli_static' docs/hosting/nginx-location.conf)"
  cat >"$work/nginx/nginx.conf" <<CONF
$brotli
daemon off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path $work/nginx/t1; proxy_temp_path $work/nginx/t2; fastcgi_temp_path $work/nginx/t3;
  uwsgi_temp_path $work/nginx/t4; scgi_temp_path $work/nginx/t5;
  include $(pwd)/docs/hosting/nginx-http.conf;
  server {
    listen 127.0.0.1:4640;
    root $work/www;
    $location
  }
}
CONF
  nginx -t -q -c "$work/nginx/nginx.conf" -p "$work/nginx" || { echo "nginx: the configuration is refused"; exit 1; }
  nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" & pids+=($!)
  sleep 1
  echo "nginx$( [ -n "$brotli" ] && echo " (with brotli_static)"):"
  node scripts/check-hosting.mjs --url http://127.0.0.1:4640/ntm/ --dist "$dist" || status=1
else
  echo "nginx: not installed (Debian layout), skipped"
fi

if command -v apache2 >/dev/null && [ -e /usr/lib/apache2/modules/mod_rewrite.so ]; then
  mkdir -p "$work/apache"
  cp docs/hosting/ntm.htaccess "$work/www/ntm/.htaccess"
  cat >"$work/apache/httpd.conf" <<CONF
ServerRoot /etc/apache2
LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
LoadModule rewrite_module /usr/lib/apache2/modules/mod_rewrite.so
LoadModule headers_module /usr/lib/apache2/modules/mod_headers.so
Listen 127.0.0.1:4641
PidFile $work/apache/httpd.pid
ErrorLog $work/apache/error.log
ServerName localhost
TypesConfig /etc/mime.types
DocumentRoot $work/www
DirectoryIndex index.html
<Directory $work/www>
  Options FollowSymLinks
  AllowOverride All
  Require all granted
</Directory>
CONF
  apache2 -f "$work/apache/httpd.conf" -DFOREGROUND & pids+=($!)
  sleep 1
  echo "Apache:"
  node scripts/check-hosting.mjs --url http://127.0.0.1:4641/ntm/ --dist "$dist" || status=1
else
  echo "Apache: not installed (Debian layout), skipped"
fi
exit $status
