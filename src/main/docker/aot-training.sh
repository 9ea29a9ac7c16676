#!/bin/sh
# Training run for the JDK AOT cache, executed while the JVM image is built (Dockerfile.jvm):
# starts the packaged service with -XX:AOTCacheOutput and the runtime flags, waits until
# POST /validate answers, sends 300 reviews of the three kinds' sample, and stops it with
# SIGTERM; the JVM writes the cache on exit. A throwaway certificate is made for the run only.
#   usage: aot-training.sh APP_DIR CACHE_FILE REVIEW_JSON MAKE_CERTS_SH
#   environment: JAVA_OPTS (the runtime flags, which the cache must match), PORT (8443) and
#   MPORT (9000) for the webhook and management ports of the run; `java` on PATH is the JVM.
set -eu
app=$1; cache=$2; review=$3; make_certs=$4
port=${PORT:-8443}; mport=${MPORT:-9000}
work=$(mktemp -d)
sh "$make_certs" --out "$work" >/dev/null 2>&1

# shellcheck disable=SC2086
(cd "$app" && exec java $JAVA_OPTS -XX:AOTCacheOutput="$cache" \
    -Didms.tls.cert="$work/tls.crt" -Didms.tls.key="$work/tls.key" -Didms.cluster-checks=off \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.management.host=127.0.0.1 \
    -Dquarkus.http.ssl-port="$port" -Dquarkus.management.port="$mport" -jar quarkus-run.jar) &
pid=$!
post() { curl -s -o /dev/null -w '%{http_code}' --cacert "$work/ca.crt" -H 'Content-Type: application/json' \
    --data-binary @"$review" https://127.0.0.1:$port/validate 2>/dev/null || true; }
tries=0
until [ "$(post)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "aot-training: the service exited before it was ready" >&2; exit 1; }
    tries=$((tries + 1)); [ $tries -lt 1200 ] || { echo "aot-training: not ready in 120 s" >&2; kill "$pid"; exit 1; }
    sleep 0.1
done
i=0
while [ $i -lt 300 ]; do post >/dev/null; i=$((i + 1)); done
kill -TERM "$pid"
wait "$pid" || true
rm -rf "$work"
[ -s "$cache" ] || { echo "aot-training: no AOT cache written to $cache" >&2; exit 1; }
echo "aot-training: wrote $cache ($(wc -c <"$cache") bytes)"
