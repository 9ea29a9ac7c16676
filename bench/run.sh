#!/usr/bin/env bash
# The side-by-side benchmark of idms-webhook (issue 8): one command starts the Java service, the
# Go standard-library peer and an nginx static-response ceiling on loopback, drives them in turn
# with wrk over TLS with keep-alive, and prints a Markdown table with the ratios java/go.
# Ratios from one run are the result; absolute figures from different runs do not compare.
#
#   bench/run.sh [--duration 10s] [--warmup 10s] [--targets "java go nginx"] [--bodies "..."]
#                [--cpu-only] [--aot | --no-aot] [--jfr] [--no-profile] [--nmt] [--build] [--scale | --scale-only] [--keep]
#   BASE_APP_DIR=<another build's target/quarkus-app> bench/run.sh   (adds target "base")
#
# See bench/README.md for what is measured and how to read it.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
peers="${PEERS_DIR:-$root/../shared/peers}"
# A worktree sits one level deeper than a clone; look next to both.
[ -d "$peers" ] || peers="$root/../../shared/peers"

duration="${DURATION:-10s}"
warmup="${WARMUP:-10s}"
targets="${TARGETS:-java${BASE_APP_DIR:+ base} go nginx}"
bodies_wanted="${BODIES:-typical conflict invalid large ocmirror-2500 ocmirror-10000}"
java_port="${JAVA_PORT:-8443}"
mgmt_port="${MGMT_PORT:-9000}"
go_port="${GO_PORT:-9443}"
nginx_port="${NGINX_PORT:-9445}"
# BASE_APP_DIR names another build of the service (a fast-jar directory, e.g. of an older commit)
# that runs beside this one as target "base", with the same java and flags, so a change's cost per
# review is measured before and after in one run.
base_app_dir="${BASE_APP_DIR:-}"
base_port="${BASE_PORT:-8444}"
base_mgmt_port="${BASE_MGMT_PORT:-9001}"
# The image's flags, read from src/main/docker/Dockerfile.jvm so the two cannot drift apart, and
# the image's Java major (Temurin 25) when a JDK of it is installed: the service is measured as it
# ships. JAVA names another java binary; JAVA_OPTS replaces the flags; JAVA_ENV (NAME=VALUE
# words) is the environment of the java process alone.
image_opts="$(sed -n 's/^ARG IMAGE_JAVA_OPTS="\(.*\)"$/\1/p' "$root/src/main/docker/Dockerfile.jvm" | head -n 1)"
# JAVA_OPTS= (set, empty) runs the JVM on its defaults.
java_opts="${JAVA_OPTS-$image_opts}"
java_env="${JAVA_ENV:-}"
if [ -z "${JAVA:-}" ]; then
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*-25-*/bin/java /usr/lib/jvm/*25*/bin/java; do
        [ -x "$candidate" ] && { JAVA="$candidate"; break; }
    done
fi
java_bin="${JAVA:-java}"
jfr=no
# CPU-time profile of the service per body (JDK 25's jdk.CPUTimeSample, Linux): on by default
# when the JVM has it.
profile=auto
nmt=no
# The image starts from an AOT cache made by a training run with its flags; so does the
# benchmark by default when the JVM has AOT caches (JDK 25 and later).
aot="${AOT:-auto}"
cpu_only=no
force_build=no
scale=no
wrk_runs=yes
keep=no

usage() {
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    cat <<USAGE

  --duration D    length of each measured wrk run (default 10s; env DURATION)
  --warmup D      unmeasured JVM warm-up per body and round at 32 connections (default 10s; env WARMUP;
                  0 skips); rounds repeat until the JIT is quiet, at most WARMUP_ROUNDS (6)
  --targets LIST  any of java base go nginx (default all; base only with BASE_APP_DIR; env TARGETS)
  --bodies LIST   any of typical conflict invalid large ocmirror-N (default: all, with ocmirror-2500 and
                  ocmirror-10000; env BODIES). ocmirror-N is an IDMS of N entries as oc-mirror writes it
                  (bodies/make-oc-mirror-body.sh), made for the run.
  --cpu-only      only the 32-connection run per body (req/s, CPU per review, RSS), no latency runs
  --aot, --no-aot start the service from an AOT cache trained with the same flags, as the image does
                  (default: when the JVM is 25 or later; env AOT=auto|on|off)
  --jfr           record the Java service with JFR (profile settings) into the results directory
  --no-profile    skip the profiled run per body: by default, on a JDK 25 or later, the java service gets
                  one more 32-connection run per body (not counted in the table) with JFR's CPU-time
                  sampler on, and the report splits its CPU per review by stage (TLS, HTTP, reading,
                  rules, node impact, answer, decision log, metrics, collector, JIT)
  --nmt           run the Java service with Native Memory Tracking and print where its RSS is
                  (committed MB per JVM area) after the runs; it costs a little CPU per review
  --build         rebuild the service even if target/quarkus-app/quarkus-run.jar exists
  --scale         after the wrk runs, run the scale benchmark of issue 4 (JUnit, tag bench)
  --scale-only    run only the scale benchmark
  --keep          keep the temporary directory (certificates, Go build, nginx prefix)
Ports (loopback only): JAVA_PORT 8443, MGMT_PORT 9000, GO_PORT 9443, NGINX_PORT 9445,
BASE_PORT 8444, BASE_MGMT_PORT 9001.
JAVA_OPTS replaces the java flags (set and empty: the JVM's defaults); the default is the JVM
image's (the ARG IMAGE_JAVA_OPTS line of src/main/docker/Dockerfile.jvm). JAVA_ENV holds NAME=VALUE
words for the java process only (MALLOC_ARENA_MAX=2). JAVA names the java binary; the default
is a JDK 25 (the image's Java) when one is installed under /usr/lib/jvm, else java on the PATH.
USAGE
}

while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration="${2:?--duration needs a value like 10s}"; shift 2 ;;
        --warmup) warmup="${2:?--warmup needs a value like 10s}"; shift 2 ;;
        --targets) targets="${2:?--targets needs a list}"; shift 2 ;;
        --bodies) bodies_wanted="${2:?--bodies needs a list}"; shift 2 ;;
        --jfr) jfr=yes; shift ;;
        --no-profile) profile=no; shift ;;
        --nmt) nmt=yes; shift ;;
        --cpu-only) cpu_only=yes; shift ;;
        --aot) aot=on; shift ;;
        --no-aot) aot=off; shift ;;
        --build) force_build=yes; shift ;;
        --scale) scale=yes; shift ;;
        --scale-only) scale=yes; wrk_runs=no; shift ;;
        --keep) keep=yes; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# ------------------------------------------------------------------------------------------
# The scale benchmark of issue 4 is a JUnit test tagged "bench"; it lives with the other tests
# so it can build a cluster view in-process, and this command only starts it.
# ------------------------------------------------------------------------------------------
scale_bench() {
    local found
    found="$(find "$root/src/test" -name '*ScaleBench*.java' 2>/dev/null | head -n 1)"
    if [ -z "$found" ]; then
        log "scale benchmark (issue 4) is not there yet: no src/test/**/*ScaleBench*.java; skipped"
        return 0
    fi
    log "scale benchmark: ${found#"$root"/}"
    local mvn=(mvn -B -o)
    [ -x "$root/mvnw" ] && mvn=("$root/mvnw" -B)
    (cd "$root" && "${mvn[@]}" -q test -Dgroups=bench -Dtest='*ScaleBench*' -Dsurefire.failIfNoSpecifiedTests=false)
}

if [ "$wrk_runs" = no ]; then
    scale_bench
    exit 0
fi

# ------------------------------------------------------------------------------------------
# Tools. Installed from Debian when absent; apt-get update only when something is missing.
# ------------------------------------------------------------------------------------------
want_go=no
case " $targets " in *" go "*) [ -f "$peers/go-idms-webhook/go.mod" ] && want_go=yes ;; esac
if [ "$want_go" = no ]; then
    case " $targets " in *" go "*) log "Go peer not found at $peers/go-idms-webhook; running without it" ;; esac
    targets="$(echo " $targets " | sed 's/ go / /; s/^ *//; s/ *$//')"
fi

missing=()
need() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need wrk wrk
need curl curl
need openssl openssl
need ps procps
case " $targets " in *" nginx "*) need nginx nginx-light ;; esac
[ "$want_go" = yes ] && need go golang-go
need java openjdk-17-jdk-headless
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "need ${missing[*]}; run as root or install them: apt-get install -y ${missing[*]}"
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# ------------------------------------------------------------------------------------------
# Bodies: the three shared with the Go peer's bench, so both are fed the same bytes, plus a large
# object generated here. The shared valid.json is the typical 3 entries x 3 mirrors; without the
# shared folder a body of that shape is generated instead.
# ------------------------------------------------------------------------------------------
shared_bodies="$peers/bench/bodies"

# ------------------------------------------------------------------------------------------
# Processes: every one started here is recorded in pid[] and stopped on exit, whatever happens;
# the temporary directory (certificates, Go build, nginx prefix) goes with them.
# ------------------------------------------------------------------------------------------
declare -A pid
tmp="$(mktemp -d "${TMPDIR:-/tmp}/idms-bench.XXXXXX")"
cleanup() {
    local t p i
    for t in "${!pid[@]}"; do
        p="${pid[$t]}"
        kill -TERM "$p" 2>/dev/null || continue
        # The JVM writes its JFR recording on a graceful exit; give it time.
        for i in $(seq 1 60); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done
        kill -KILL "$p" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    if [ "$keep" = yes ]; then log "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ -f "$here/bodies/large.json" ] || sh "$here/bodies/make-body.sh" 200 3 bench-large > "$here/bodies/large.json"
body_file() {
    case "$1" in
        typical) if [ -f "$shared_bodies/valid.json" ]; then echo "$shared_bodies/valid.json"
                 else sh "$here/bodies/make-body.sh" 3 3 bench-typical > "$tmp/typical.json"; echo "$tmp/typical.json"; fi ;;
        conflict|invalid) [ -f "$shared_bodies/$1.json" ] && echo "$shared_bodies/$1.json" ;;
        large) echo "$here/bodies/large.json" ;;
        ocmirror-[1-9]*)
            sh "$here/bodies/make-oc-mirror-body.sh" "${1#ocmirror-}" > "$tmp/$1.json" || return 1
            echo "$tmp/$1.json" ;;
        *) ;;
    esac
}
bodies=()
declare -A body_path
for b in $bodies_wanted; do
    f="$(body_file "$b" || true)"
    if [ -z "$f" ]; then log "body '$b' is not available (shared bodies at $shared_bodies); skipped"; continue; fi
    bodies+=("$b"); body_path[$b]="$f"
done
[ ${#bodies[@]} -gt 0 ] || die "no request bodies to send"

stamp="$(date +%Y%m%d-%H%M%S)"
results="$here/results/$stamp"
mkdir -p "$results/raw"

port_free() {
    ! ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
}
case " $targets " in *" base "*)
    [ -f "$base_app_dir/quarkus-run.jar" ] || die "target base needs BASE_APP_DIR, a fast-jar directory with quarkus-run.jar (got '${base_app_dir}')" ;;
esac
for p in $java_port $mgmt_port $go_port $nginx_port $base_port $base_mgmt_port; do
    port_free "$p" || die "port $p on this machine is in use; set JAVA_PORT / MGMT_PORT / GO_PORT / NGINX_PORT / BASE_PORT / BASE_MGMT_PORT to free ones"
done

# Build the service if needed.
# APP_DIR measures another build of the service (a fast-jar directory) without rebuilding.
app_dir="${APP_DIR:-$root/target/quarkus-app}"
jar="$app_dir/quarkus-run.jar"
if [ -z "${APP_DIR:-}" ] && { [ "$force_build" = yes ] || [ ! -f "$jar" ]; }; then
    log "building the service"
    if [ -x "$root/mvnw" ]; then (cd "$root" && ./mvnw -B -q package -DskipTests)
    else (cd "$root" && mvn -B -q -o package -DskipTests); fi
fi
[ -f "$jar" ] || die "no $jar after the build"

# A throwaway CA and serving certificate (127.0.0.1 and localhost), shared by all three servers.
sh "$root/certs/make-certs.sh" --out "$tmp/certs" --days 2 >/dev/null 2>"$tmp/certs.log" \
    || { cat "$tmp/certs.log" >&2; die "could not make the benchmark certificate"; }
cert="$tmp/certs/tls.crt"; key="$tmp/certs/tls.key"

# Start one server in the background and remember it.
start() {
    local name="$1"; shift
    "$@" >"$results/$name.log" 2>&1 &
    pid[$name]=$!
    log "$name started (pid ${pid[$name]})"
}

# Wait until one of the URLs answers 200, or fail with the server's log.
wait_ready() {
    local name="$1" i u; shift
    for i in $(seq 1 480); do
        for u in "$@"; do
            if curl -fsS -o /dev/null --max-time 2 --cacert "$tmp/certs/ca.crt" "$u" 2>/dev/null; then
                log "$name ready"; return 0
            fi
        done
        kill -0 "${pid[$name]}" 2>/dev/null || { tail -n 30 "$results/$name.log" >&2; die "$name exited before it was ready"; }
        sleep 0.25
    done
    tail -n 30 "$results/$name.log" >&2
    die "$name was not ready at $* after 120 s"
}

# Start one build of the service (a fast-jar directory) as the image runs it: the image's java and
# flags and, on a JDK 25 or later, an AOT cache from the image's own training driver, made with the
# same JVM and flags (the cache is only valid for those and for that build of the jar).
java_major="$("$java_bin" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')"
use_aot=no
if [ "$aot" = on ] || { [ "$aot" = auto ] && [ "${java_major:-0}" -ge 25 ]; }; then use_aot=yes; fi
case " $targets " in *" java "*) ;; *) profile=no ;; esac
if [ "$profile" = auto ]; then
    if [ "${java_major:-0}" -ge 25 ] && [ "$(uname -s)" = Linux ]; then profile=yes
    else profile=no; log "no CPU-time profile per body: it needs JFR's CPU-time sampler (JDK 25 or later, Linux)"; fi
fi
start_java() {
    local name="$1" dir="$2" port="$3" mport="$4" jvm=() jenv=()
    # shellcheck disable=SC2206 # JAVA_OPTS is a list of flags by design
    [ -n "$java_opts" ] && jvm=($java_opts)
    # shellcheck disable=SC2206 # JAVA_ENV is a list of NAME=VALUE words by design
    jenv=($java_env)
    if [ "$use_aot" = yes ]; then
        log "$name: AOT cache, training run with the service's flags"
        env "${jenv[@]}" JAVA_OPTS="$java_opts" PORT="$port" MPORT="$mport" \
            "$java_bin" "$root/src/main/docker/AotTraining.java" "$dir" "$tmp/$name.aot" \
            "$root/deploy/samples/admission-review-idms.json" \
            >"$results/$name-aot-training.log" 2>&1 || { tail -n 30 "$results/$name-aot-training.log" >&2; die "the AOT training run of $name failed"; }
        jvm+=("-XX:AOTCache=$tmp/$name.aot")
    fi
    [ "$jfr" = yes ] && jvm+=("-XX:StartFlightRecording=filename=$results/$name.jfr,settings=profile,dumponexit=true")
    [ "$nmt" = yes ] && jvm+=("-XX:NativeMemoryTracking=summary")
    start "$name" env "${jenv[@]}" "$java_bin" "${jvm[@]}" \
        -Dquarkus.http.host=127.0.0.1 -Dquarkus.management.host=127.0.0.1 -Didms.cluster-checks=off \
        -Dquarkus.http.ssl-port="$port" -Dquarkus.management.port="$mport" \
        -Didms.tls.cert="$cert" -Didms.tls.key="$key" \
        -jar "$dir/quarkus-run.jar"
    url[$name]="https://127.0.0.1:$port/validate"
    # The management interface takes the default TLS configuration when there is one, so it is
    # HTTPS here; a build without that answers over plain HTTP.
    wait_ready "$name" "https://127.0.0.1:$mport/q/health/ready" "http://127.0.0.1:$mport/q/health/ready"
}
aot="$([ "$use_aot" = yes ] && echo on || echo off)"

declare -A url
for t in $targets; do
    case "$t" in
        nginx)
            mkdir -p "$tmp/nginx/tmp"
            cp "$cert" "$key" "$tmp/nginx/"
            sed "s/127\.0\.0\.1:9445/127.0.0.1:$nginx_port/" "$here/nginx.conf" > "$tmp/nginx/nginx.conf"
            start nginx nginx -p "$tmp/nginx/" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/error.log"
            url[nginx]="https://127.0.0.1:$nginx_port/validate"
            wait_ready nginx "https://127.0.0.1:$nginx_port/" ;;
        go)
            # Built from a copy so that nothing is written into the shared peer folder.
            cp -r "$peers/go-idms-webhook" "$tmp/go"
            log "building the Go peer ($(go version | awk '{print $3}'))"
            (cd "$tmp/go" && go build -trimpath -o "$tmp/go/go-idms-webhook" .)
            start go "$tmp/go/go-idms-webhook" -addr "127.0.0.1:$go_port" -tls-cert "$cert" -tls-key "$key"
            url[go]="https://127.0.0.1:$go_port/validate"
            wait_ready go "https://127.0.0.1:$go_port/healthz" ;;
        java) start_java java "$app_dir" "$java_port" "$mgmt_port" ;;
        base) start_java base "$base_app_dir" "$base_port" "$base_mgmt_port" ;;
        *) die "unknown target '$t' (java, base, go, nginx)" ;;
    esac
done

# ------------------------------------------------------------------------------------------
# Measurement helpers.
# ------------------------------------------------------------------------------------------
clk_tck="$(getconf CLK_TCK)"

# utime+stime in clock ticks of a process (all its threads) and of its children (nginx workers).
cpu_ticks() {
    local total=0 p s
    for p in "$1" $(ps -o pid= --ppid "$1" 2>/dev/null); do
        s="$(cat "/proc/$p/stat" 2>/dev/null)" || continue
        s="${s##*) }"
        # shellcheck disable=SC2086 # split the stat fields on purpose
        set -- $s
        total=$((total + ${12} + ${13}))
    done
    echo "$total"
}

# Resident memory in MB of a process and its children.
rss_mb() {
    local total=0 p kb
    for p in "$1" $(ps -o pid= --ppid "$1" 2>/dev/null); do
        kb="$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null)" || continue
        total=$((total + ${kb:-0}))
    done
    awk -v kb="$total" 'BEGIN { printf "%.0f", kb / 1024 }'
}

# CPU ticks per thread of a process, one "name<TAB>ticks" line each (names with digits folded,
# so the JIT, GC and event-loop threads add up by kind).
thread_ticks() {
    local t s name
    for t in /proc/"$1"/task/*; do
        s="$(cat "$t/stat" 2>/dev/null)" || continue
        name="${s#*(}"; name="${name%%)*}"
        s="${s##*) }"
        # shellcheck disable=SC2086 # split the stat fields on purpose
        set -- $s
        printf '%s\t%s\n' "$(echo "$name" | tr '0-9' 'N')" $((${12} + ${13}))
    done
}

# Where the CPU of one run went, by thread kind: "before" and "after" snapshots subtracted.
thread_split() {
    awk -F'\t' -v hz="$clk_tck" '
        FNR == NR { before[$1] += $2; next }
        { after[$1] += $2 }
        END {
            for (k in after) { d = after[k] - before[k]; if (d > 0) { used[k] = d; total += d } }
            for (k in used) printf "%-16s %8.2f s %5.1f%%\n", k, used[k] / hz, 100 * used[k] / total
        }' "$1" "$2" | sort -k2 -nr
}

# Run wrk once; prints "rps p50 p99 max requests errors cpu_us_per_request" (latencies in ms).
measure() {
    local target="$1" body="$2" threads="$3" conns="$4" dur="$5" out="$6"
    local before after
    [ "$target" = java ] && thread_ticks "${pid[java]}" > "$out.threads-before"
    before="$(cpu_ticks "${pid[$target]}")"
    BODY="${body_path[$body]}" wrk -t"$threads" -c"$conns" -d"$dur" --timeout 30s --latency -s "$here/post.lua" \
        "${url[$target]}" >"$out" 2>&1 || true
    after="$(cpu_ticks "${pid[$target]}")"
    if [ "$target" = java ]; then
        thread_ticks "${pid[java]}" > "$out.threads-after"
        thread_split "$out.threads-before" "$out.threads-after" > "$out.threads"
        rm -f "$out.threads-before" "$out.threads-after"
    fi
    awk -v ticks=$((after - before)) -v hz="$clk_tck" '
        function ms(v,   n) {
            n = v + 0
            if (v ~ /us$/) return n / 1000
            if (v ~ /ms$/) return n
            if (v ~ /s$/) return n * 1000
            if (v ~ /m$/) return n * 60000
            return n
        }
        $1 == "Latency" && NF >= 4 { max = ms($4) }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        / requests in / { req = $1 }
        /^Requests\/sec:/ { rps = $2 }
        /Socket errors:/ { gsub(/,/, ""); err += $4 + $6 + $8 + $10 }
        /Non-2xx or 3xx responses:/ { err += $5 }
        END {
            if (req == "") { print "0 0 0 0 0 1 0"; exit }
            cpu = req > 0 ? ticks * 1e6 / hz / req : 0
            printf "%.0f %.3f %.3f %.3f %d %d %.1f\n", rps, p50, p99, max, req, err + 0, cpu
        }' "$out"
}

# One more run of the java service on a body, with JFR's CPU-time sampler on (one sample per 10 ms
# of CPU a thread burns, native code included), not counted in the table: bench/CpuStages.java
# splits the measured run's CPU per review by the stage the samples were in.
profile_run() {
    local b="$1" threads="$2" conns="$3" cpu="$4" jcmd out
    jcmd="$(dirname "$java_bin")/jcmd"
    out="$results/raw/java-$b-profile"
    log "java, $b body: profiled run (CPU-time samples), $duration"
    if ! "$jcmd" "${pid[java]}" JFR.start name="stages-$b" settings="$tmp/cpu-time.jfc" filename="$out.jfr" >"$out.log" 2>&1; then
        log "no profile of $b: JFR.start failed (${out#"$root"/}.log)"; return 0
    fi
    measure java "$b" "$threads" "$conns" "$duration" "$out.txt" >/dev/null
    "$jcmd" "${pid[java]}" JFR.stop name="stages-$b" >>"$out.log" 2>&1 || true
    "$java_bin" "$here/CpuStages.java" "$out.jfr" "$out.txt.threads" "$cpu" >"$results/raw/java-$b.stages" 2>>"$out.log" \
        || { log "no profile of $b: CpuStages failed (${out#"$root"/}.log)"; rm -f "$results/raw/java-$b.stages"; }
}
if [ "$profile" = yes ]; then
    cat > "$tmp/cpu-time.jfc" <<'JFC'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0" label="CPU time" description="CPU-time samples only, for bench/CpuStages.java">
  <event name="jdk.CPUTimeSample">
    <setting name="enabled">true</setting>
    <setting name="throttle">10ms</setting>
    <setting name="stackTrace">true</setting>
  </event>
</configuration>
JFC
fi

# A first request per target and body, kept in the results, so a table never hides a service that
# answered something other than an AdmissionReview.
for b in "${bodies[@]}"; do
    for t in $targets; do
        code="$(curl -sS -o "$results/raw/$t-$b.response.json" -w '%{http_code}' --max-time 10 \
            --cacert "$tmp/certs/ca.crt" -H 'Content-Type: application/json' \
            --data-binary "@${body_path[$b]}" "${url[$t]}")" || code=000
        verdict="$(grep -o '"allowed" *: *[a-z]*' "$results/raw/$t-$b.response.json" | head -n 1 | tr -d ' "' || true)"
        warnings="$(grep -c '"warnings"' "$results/raw/$t-$b.response.json" || true)"
        log "$t $b: HTTP $code ${verdict:-no verdict}$([ "$warnings" -gt 0 ] && echo ', with warnings')"
        [ "$code" = 200 ] || die "$t answered HTTP $code to the $b body; see $results/raw/$t-$b.response.json"
    done
done

# The JIT compiles the request path during the first tens of thousands of requests; that time
# belongs to start-up, not to the steady state being compared. On a busy machine C2 needs far
# longer than on a quiet one, so warm-up rounds (every body at 32 and at 1 connection) repeat
# until the compiler threads take less than 5 % of the service's CPU, at most WARMUP_ROUNDS times.
warmup_rounds="${WARMUP_ROUNDS:-6}"
for jt in java base; do
    case " $targets " in *" $jt "*) ;; *) continue ;; esac
    [ "$warmup" = 0 ] || [ "$warmup" = 0s ] && break
    for round in $(seq 1 "$warmup_rounds"); do
        thread_ticks "${pid[$jt]}" > "$results/raw/$jt-warmup-$round.before"
        for b in "${bodies[@]}"; do
            if [ "$(wc -c < "${body_path[$b]}")" -gt 262144 ]; then
                measure "$jt" "$b" 1 2 "$warmup" "$results/raw/$jt-$b-warmup$round-c2.txt" >/dev/null
            else
                measure "$jt" "$b" 2 32 "$warmup" "$results/raw/$jt-$b-warmup$round-c32.txt" >/dev/null
            fi
            measure "$jt" "$b" 1 1 3s "$results/raw/$jt-$b-warmup$round-c1.txt" >/dev/null
        done
        thread_ticks "${pid[$jt]}" > "$results/raw/$jt-warmup-$round.after"
        thread_split "$results/raw/$jt-warmup-$round.before" "$results/raw/$jt-warmup-$round.after" > "$results/raw/$jt-warmup-$round.threads"
        rm -f "$results/raw/$jt-warmup-$round.before" "$results/raw/$jt-warmup-$round.after"
        jit="$(awk '/^CN CompilerThre/ { print $NF + 0 }' "$results/raw/$jt-warmup-$round.threads")"
        log "$jt warm-up round $round: JIT compiler threads ${jit:-0}% of the service's CPU"
        awk -v j="${jit:-0}" 'BEGIN { exit !(j < 5) }' && break
    done
done

load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
tsv="$results/results.tsv"
printf 'target\tbody\trps_c32\tcpu_us_per_req_c32\tp50_c1_ms\tp99_c1_ms\tmax_c1_ms\tp50_c8_ms\tp99_c8_ms\tmax_c8_ms\tcpu_us_per_req_c8\terrors\trss_mb\trequests\n' > "$tsv"
for b in "${bodies[@]}"; do
    for t in $targets; do
        # An object of thousands of entries comes one write at a time (oc-mirror's output applied
        # once), not 32 at once: bodies over 256 KiB get 2 connections in the throughput run and
        # no 8-connection run, so queueing and 32 buffered copies do not stand in for their cost.
        big=no; [ "$(wc -c < "${body_path[$b]}")" -gt 262144 ] && big=yes
        if [ "$big" = yes ]; then
            read -r rps32 _ _ _ req32 err32 cpu32 < <(measure "$t" "$b" 1 2 "$duration" "$results/raw/$t-$b-c2.txt")
        else
            read -r rps32 _ _ _ req32 err32 cpu32 < <(measure "$t" "$b" 2 32 "$duration" "$results/raw/$t-$b-c32.txt")
        fi
        if [ "$cpu_only" = yes ]; then
            log "$t, $b body: 32 connections, $duration"
            p50_1=-; p99_1=-; max_1=-; req1=0; err1=0; p50_8=-; p99_8=-; max_8=-; req8=0; err8=0; cpu8=-
        else
            log "$t, $b body: 32, 1 and 8 connections, $duration each"
            read -r _ p50_1 p99_1 max_1 req1 err1 _ < <(measure "$t" "$b" 1 1 "$duration" "$results/raw/$t-$b-c1.txt")
            if [ "$big" = yes ]; then p50_8=-; p99_8=-; max_8=-; req8=0; err8=0; cpu8=-
            else read -r _ p50_8 p99_8 max_8 req8 err8 cpu8 < <(measure "$t" "$b" 2 8 "$duration" "$results/raw/$t-$b-c8.txt"); fi
        fi
        errors=$((err32 + err1 + err8))
        rss="$(rss_mb "${pid[$t]}")"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$b" "$rps32" "$cpu32" \
            "$p50_1" "$p99_1" "$max_1" "$p50_8" "$p99_8" "$max_8" "$cpu8" "$errors" "$rss" \
            $((req32 + req1 + req8)) >> "$tsv"
        log "$t $b: $rps32 req/s, $cpu32 us CPU/req, p99@8 $p99_8 ms, errors $errors, RSS $rss MB"
        if [ "$t" = java ] && [ "$profile" = yes ]; then
            if [ "$big" = yes ]; then profile_run "$b" 1 2 "$cpu32"; else profile_run "$b" 2 32 "$cpu32"; fi
        fi
    done
done
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"

# ------------------------------------------------------------------------------------------
# Report: the table, the ratios java/go and the targets of issue 8.
# ------------------------------------------------------------------------------------------
md="$results/results.md"
{
    echo "Run $stamp on $(nproc) cores, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo);" \
        "$("$java_bin" -version 2>&1 | head -n 1) ($java_bin);" \
        "$(wrk -v 2>&1 | head -n 1 | awk '{print "wrk " $2}')$([[ " $targets " == *" nginx "* ]] && nginx -v 2>&1 | sed 's/.*: /; /')" \
        "$([ "$want_go" = yes ] && go version | awk '{print "; " $3}')${base_app_dir:+; base: $base_app_dir}."
    echo "Each figure from one ${duration} wrk run over TLS with keep-alive (32 connections: -t2 -c32;" \
        "1: -t1 -c1; 8: -t2 -c8), targets interleaved per body; JVM warm-up (not counted) in rounds of ${warmup} per body until the JIT was under 5 % of the service's CPU." \
        "Load average ${load_start} at the start, ${load_end} at the end. JAVA_OPTS: ${java_opts:-none}${java_env:+; environment: $java_env}; AOT cache: $aot."
    echo
    echo "| target | body | req/s @32 | CPU µs/review @32 | p50 / p99 / max @1 (ms) | p50 / p99 / max @8 (ms) | errors | RSS MB |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' 'NR > 1 { printf "| %s | %s | %s | %s | %s / %s / %s | %s / %s / %s | %s | %s |\n",
        $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $12, $13 }' "$tsv"
    echo
    awk -F'\t' -v have_go="$([[ " $targets " == *" go "* ]] && echo 1 || echo 0)" '
        NR == 1 { next }
        { rps[$1, $2] = $3; cpu[$1, $2] = $4; p99_8[$1, $2] = $9; err[$1] += $12
          if ($13 > rss[$1]) rss[$1] = $13
          if (!seen[$2]++) order[++n] = $2 }
        function ratio(a, b) { return (b > 0 && a != "") ? sprintf("%.2f", a / b) : "-" }
        function mark(ok) { return ok ? "met" : "**missed**" }
        END {
            if (have_go) {
                print "| body | CPU/review java/go (target ≤ 0.70) | req/s @32 java/go (target ≥ 1.20) | req/s @32 java/nginx |"
                print "|---|---:|---:|---:|"
                for (i = 1; i <= n; i++) {
                    b = order[i]
                    printf "| %s | %s | %s | %s |\n", b, ratio(cpu["java", b], cpu["go", b]),
                        ratio(rps["java", b], rps["go", b]), ratio(rps["java", b], rps["nginx", b])
                }
                print ""
            }
            if (("base", order[1]) in rps) {
                print "| body | CPU/review java/base (target ≤ 1.05) | req/s @32 java/base |"
                print "|---|---:|---:|"
                for (i = 1; i <= n; i++) {
                    b = order[i]
                    printf "| %s | %s | %s |\n", b, ratio(cpu["java", b], cpu["base", b]), ratio(rps["java", b], rps["base", b])
                }
                print ""
            }
            if (!(("java", order[1]) in rps)) exit
            cpu_ok = 1; rps_ok = 1
            for (i = 1; i <= n; i++) {
                b = order[i]
                if (have_go && cpu["java", b] > 0.7 * cpu["go", b]) cpu_ok = 0
                if (have_go && rps["java", b] < 1.2 * rps["go", b]) rps_ok = 0
            }
            print "Targets (java):"
            print ""
            if (have_go) {
                printf "- CPU per review ≤ 0.70× the Go peer on every body: %s\n", mark(cpu_ok)
                printf "- req/s at 32 connections ≥ 1.20× the Go peer on every body: %s\n", mark(rps_ok)
            }
            if (("java", "typical") in p99_8 && p99_8["java", "typical"] != "-")
                printf "- p99 at 8 connections, typical body: %s ms (≤ 2 ms): %s\n", p99_8["java", "typical"], mark(p99_8["java", "typical"] <= 2)
            printf "- errors and non-2xx answers: %d (0): %s\n", err["java"], mark(err["java"] == 0)
            printf "- RSS after the runs: %d MB at most (≤ 150 MB): %s\n", rss["java"], mark(rss["java"] <= 150)
        }' "$tsv"
} > "$md"
# Where the service's RSS is, read while it still runs: anonymous (heap, metaspace, code cache,
# malloc) against file-backed (libjvm, jars, the CDS archive or AOT cache), and with --nmt the
# JVM's own accounting per area.
case " $targets " in *" java "*)
    {
        echo
        echo "Where the java service's RSS is after the runs: $(awk '/^VmRSS:/ {r = $2} /^RssAnon:/ {a = $2} /^RssFile:/ {f = $2}
            END { printf "%d MB, of which %d MB anonymous and %d MB file-backed", r / 1024, a / 1024, f / 1024 }' "/proc/${pid[java]}/status")."
        # For each body where the CPU target was missed: where the service's CPU went in its
        # measured run, by thread kind (event loops are the reviews; VM Thread is the collector's
        # pauses; compiler threads mean the JIT had not settled).
        if [[ " $targets " == *" go "* ]]; then
            awk -F'\t' 'NR > 1 { cpu[$1, $2] = $4; if (!seen[$2]++) order[++n] = $2 }
                END { for (i = 1; i <= n; i++) { b = order[i]
                    if (("go", b) in cpu && cpu["java", b] > 0.7 * cpu["go", b]) print b } }' "$tsv" |
            while read -r b; do
                f="$results/raw/java-$b-c32.txt.threads"; [ -f "$f" ] || f="$results/raw/java-$b-c2.txt.threads"
                [ -f "$f" ] && echo "- CPU target missed on $b; the service's CPU in that run by thread: $(awk '{ name = substr($0, 1, 16); sub(/ +$/, "", name)
                    printf "%s%s %s", (NR > 1 ? ", " : ""), name, $NF }' "$f")"
            done
        fi
        # Where the CPU per review went, by stage, from the profiled run of each body.
        stage_files=()
        for b in "${bodies[@]}"; do [ -s "$results/raw/java-$b.stages" ] && stage_files+=("$results/raw/java-$b.stages"); done
        if [ ${#stage_files[@]} -gt 0 ]; then
            echo
            echo "Where the java service's CPU per review goes, by stage (µs per review and share; the measured run's CPU split by the CPU-time samples of one more run per body):"
            echo
            awk -F'\t' '
                FNR == 1 { f++; name = FILENAME; sub(/.*\/java-/, "", name); sub(/\.stages$/, "", name); body[f] = name }
                $1 == "event-loop samples" { samples[f] = $2; next }
                { if (!seen[$1]++) order[++n] = $1; us[$1, f] = $2; pct[$1, f] = $3; total[f] += $2 }
                END {
                    line = "| stage |"; rule = "|---|"
                    for (i = 1; i <= f; i++) { line = line " " body[i] " |"; rule = rule "---:|" }
                    print line; print rule
                    for (k = 1; k <= n; k++) {
                        line = "| " order[k] " |"
                        for (i = 1; i <= f; i++) line = line sprintf(" %s (%s %%) |", fmt(us[order[k], i]), pct[order[k], i])
                        print line
                    }
                    line = "| total (event-loop samples) |"
                    for (i = 1; i <= f; i++) line = line sprintf(" %s (%d) |", fmt(total[i]), samples[i])
                    print line
                }
                function fmt(v) { return v >= 1000 ? sprintf("%.0f", v) : sprintf("%.1f", v) }' "${stage_files[@]}"
        fi
        if [ "$nmt" = yes ]; then
            echo
            echo "| JVM area (Native Memory Tracking) | committed MB |"
            echo "|---|---:|"
            "$(dirname "$java_bin")/jcmd" "${pid[java]}" VM.native_memory summary scale=KB 2>/dev/null \
                | sed -n 's/^-  *\([A-Za-z][A-Za-z ]*[A-Za-z]\) (reserved=[0-9]*KB, committed=\([0-9]*\)KB.*/\1\t\2/p' \
                | sort -t"$(printf '\t')" -k2 -nr | awk -F'\t' '$2 >= 512 { printf "| %s | %.0f |\n", $1, $2 / 1024 }'
            "$(dirname "$java_bin")/jcmd" "${pid[java]}" VM.native_memory summary scale=KB 2>/dev/null \
                | sed -n 's/^Total: reserved=[0-9]*KB, committed=\([0-9]*\)KB.*/| total tracked | \1 |/p' \
                | awk -F'|' '{ printf "| total tracked | %.0f |\n", $3 / 1024 }'
        fi
    } >> "$md" ;;
esac
cp "$tsv" "$here/results/latest.tsv"
cp "$md" "$here/results/latest.md"
cat "$md"
log "raw wrk output, logs and responses in ${results#"$root"/}"
[ "$jfr" = yes ] && log "JFR recording will be written to ${results#"$root"/}/java.jfr when the service stops"

[ "$scale" = yes ] && scale_bench
exit 0
