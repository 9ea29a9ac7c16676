#!/bin/sh
# Runs the webhook on the embedded default: HTTPS on 127.0.0.1:8443, health on
# http://127.0.0.1:9000, no cluster (cross-object checks off; IDMS_CLUSTER_CHECKS=auto or on uses
# the current kubeconfig instead). Makes development certificates
# under certs/dev/ when they are absent and builds first, so it works from a fresh clone.
# Extra arguments go to the JVM (e.g. -Dquarkus.log.level=DEBUG). Stop with Ctrl-C.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if [ ! -e certs/dev/tls.crt ] || [ ! -e certs/dev/tls.key ]; then
    sh certs/make-certs.sh --out certs/dev >/dev/null
fi
# Maven's progress stays visible: the first build of a fresh clone takes minutes.
./mvnw -B package -DskipTests
exec java -Dquarkus.http.host=127.0.0.1 -Dquarkus.management.host=127.0.0.1 \
    -Didms.cluster-checks="${IDMS_CLUSTER_CHECKS:-off}" -Dquarkus.log.console.json.enabled=false "$@" -jar target/quarkus-app/quarkus-run.jar
