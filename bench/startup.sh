#!/bin/sh
# Start-to-ready and RSS of the packaged webhook (target/quarkus-app) under several JVM setups.
#
#   ./mvnw -B package -DskipTests && sh bench/startup.sh [RUNS]      (default 5 runs per variant)
#
# Ready = the first POST /validate over HTTPS that is answered 200, polled every ~10 ms with curl
# from the moment the JVM is launched. RSS = VmRSS of the JVM at that moment and again after 300
# more reviews. Variants run interleaved (one run of each, RUNS times) so that load from other
# processes on the machine falls on all of them alike; the table gives medians and the ratio of
# each median to plain `java -jar` on JDK 17. Archives (AppCDS, JDK 25 AOT cache) are made first
# by a training run: start, 300 reviews, SIGTERM; the image's (variant j) by the image's own
# training script with the image's flags (the ARG IMAGE_JAVA_OPTS line of src/main/docker/Dockerfile.jvm),
# as the image build makes it. Everything binds 127.0.0.1 and is stopped.
#
# JDK17 and JDK25 select the JVMs (defaults: the Debian JDK 17 and Temurin 25 on the dev machine).
set -eu

runs=${1:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
app="$here/target/quarkus-app"
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
review="$here/src/test/resources/golden/idms-allowed.request.json"
port=${PORT:-18443}
mport=${MPORT:-19001}
image_opts="$(sed -n 's/^ARG IMAGE_JAVA_OPTS="\(.*\)"$/\1/p' "$here/src/main/docker/Dockerfile.jvm" | head -n 1)"

[ -f "$app/quarkus-run.jar" ] || { echo "startup.sh: $app/quarkus-run.jar missing; run ./mvnw package -DskipTests first" >&2; exit 1; }
for j in "$JDK17" "$JDK25"; do [ -x "$j/bin/java" ] || { echo "startup.sh: no JVM at $j (set JDK17/JDK25)" >&2; exit 1; }; done
command -v curl >/dev/null || { echo "startup.sh: curl is required" >&2; exit 1; }

work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT INT TERM
sh "$here/certs/make-certs.sh" --out "$work/certs" >/dev/null 2>&1

# The service itself, as in a pod but on loopback, with cluster checks off (no cluster here).
props="-Didms.tls.cert=$work/certs/tls.crt -Didms.tls.key=$work/certs/tls.key -Dquarkus.http.host=127.0.0.1 \
 -Dquarkus.management.host=127.0.0.1 -Dquarkus.http.ssl-port=$port -Dquarkus.management.port=$mport \
 -Didms.cluster-checks=off -Dquarkus.log.console.json.enabled=false"

post() { curl -s -o /dev/null -w '%{http_code}' --cacert "$work/certs/ca.crt" -H 'Content-Type: application/json' \
    --data-binary @"$review" "https://127.0.0.1:$port/validate" 2>/dev/null || true; }
# 300 reviews on one connection (curl reuses it for repeated URLs).
load() {
    set --; i=0; while [ $i -lt 300 ]; do set -- "$@" "https://127.0.0.1:$port/validate"; i=$((i + 1)); done
    curl -s --cacert "$work/certs/ca.crt" -H 'Content-Type: application/json' --data-binary @"$review" "$@" >/dev/null || true
}
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; }

# run JAVA_HOME FLAGS... : prints "ready_ms rss_ready_kb rss_after_kb"
run() {
    jh=$1; shift
    t0=$(date +%s%N)
    # shellcheck disable=SC2086
    (cd "$app" && exec "$jh/bin/java" "$@" $props -jar quarkus-run.jar) >"$work/app.log" 2>&1 &
    pid=$!
    while [ "$(post)" != 200 ]; do
        if ! kill -0 "$pid" 2>/dev/null; then echo "startup.sh: the JVM exited; log:" >&2; tail -20 "$work/app.log" >&2; exit 1; fi
        t=$(date +%s%N); [ $(( (t - t0) / 1000000000 )) -lt 120 ] || { echo "startup.sh: not ready in 120 s" >&2; exit 1; }
        sleep 0.01
    done
    t1=$(date +%s%N)
    r1=$(rss_kb "$pid")
    load
    r2=$(rss_kb "$pid")
    stop
    echo "$(( (t1 - t0) / 1000000 )) $r1 $r2"
}

# Training runs: start, load, SIGTERM; the JVM writes the archive on exit.
train() {
    jh=$1; shift
    (cd "$app" && exec "$jh/bin/java" "$@" $props -jar quarkus-run.jar) >"$work/train.log" 2>&1 &
    pid=$!
    while [ "$(post)" != 200 ]; do kill -0 "$pid" 2>/dev/null || { tail -20 "$work/train.log" >&2; exit 1; }; sleep 0.05; done
    load
    stop
}
echo "training: AppCDS on JDK 17, AOT cache on JDK 25" >&2
train "$JDK17" -XX:ArchiveClassesAtExit="$work/app-cds-17.jsa"
train "$JDK25" -XX:AOTCacheOutput="$work/app-25.aot"
JAVA_OPTS="$image_opts" PORT=$port MPORT=$mport "$JDK25/bin/java" "$here/src/main/docker/AotTraining.java" \
    "$app" "$work/app-25-image.aot" "$here/deploy/samples/admission-review-idms.json" >&2
ls -l "$work/app-cds-17.jsa" "$work/app-25.aot" "$work/app-25-image.aot" >&2

fast="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
small="-Xms16m -Xmx128m -XX:ReservedCodeCacheSize=64m"
# VARIANTS picks some (a, the baseline, is always run): VARIANTS="d j" sh bench/startup.sh
variants="a ${VARIANTS:-b c d e f g h i j}"
variants="$(echo "$variants" | tr " " "\n" | awk "!seen[\$0]++" | tr "\n" " ")"
label() {
    case $1 in
        a) echo "JDK 17, java -jar (baseline)" ;;
        b) echo "JDK 17 + AppCDS (dynamic archive)" ;;
        c) echo "JDK 17 + AppCDS + C1 only + SerialGC" ;;
        d) echo "JDK 25, java -jar" ;;
        e) echo "JDK 25 + AOT cache (JEP 483/514/515)" ;;
        f) echo "JDK 25 + AOT cache + C1 only + SerialGC" ;;
        g) echo "JDK 25 + AOT cache + SerialGC" ;;
        h) echo "JDK 25 + AOT cache + C1 only + SerialGC + small heap (fastest start)" ;;
        i) echo "JDK 17 + AppCDS + C1 only + SerialGC + small heap" ;;
        j) echo "JDK 25 + the image's AOT cache and flags (the image)" ;;
    esac
}
launch() {
    # shellcheck disable=SC2086
    case $1 in
        a) run "$JDK17" ;;
        b) run "$JDK17" -XX:SharedArchiveFile="$work/app-cds-17.jsa" ;;
        c) run "$JDK17" -XX:SharedArchiveFile="$work/app-cds-17.jsa" $fast ;;
        d) run "$JDK25" ;;
        e) run "$JDK25" -XX:AOTCache="$work/app-25.aot" ;;
        f) run "$JDK25" -XX:AOTCache="$work/app-25.aot" $fast ;;
        g) run "$JDK25" -XX:AOTCache="$work/app-25.aot" -XX:+UseSerialGC ;;
        h) run "$JDK25" -XX:AOTCache="$work/app-25.aot" $fast $small ;;
        i) run "$JDK17" -XX:SharedArchiveFile="$work/app-cds-17.jsa" $fast $small ;;
        j) run "$JDK25" $image_opts -XX:AOTCache="$work/app-25-image.aot" ;;
    esac
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
: >"$work/results"
r=1
while [ $r -le "$runs" ]; do
    for v in $variants; do
        echo "$v $(launch "$v")" >>"$work/results"
    done
    echo "round $r of $runs done (load $(cut -d' ' -f1 /proc/loadavg))" >&2
    r=$((r + 1))
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# Medians per variant and the ratio to variant a.
for v in $variants; do echo "$v|$(label "$v")"; done >"$work/labels"
python3 - "$work/results" "$work/labels" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
labels = dict(l.rstrip("\n").split("|", 1) for l in open(sys.argv[2]))
by = {}
for v, ms, r1, r2 in rows:
    by.setdefault(v, []).append((int(ms), int(r1), int(r2)))
base = statistics.median(m for m, _, _ in by["a"])
print("| variant | ready ms (median) | runs (ms) | ratio to a | RSS at ready MB | RSS after 300 reviews MB |")
print("|---|---:|---|---:|---:|---:|")
for v in labels:
    xs = by[v]
    med = statistics.median(m for m, _, _ in xs)
    print(f"| {v}. {labels[v]} | {med:.0f} | {' '.join(str(m) for m, _, _ in xs)} | {med / base:.2f} | "
          f"{statistics.median(r for _, r, _ in xs) / 1024:.0f} | {statistics.median(r for _, _, r in xs) / 1024:.0f} |")
PY
