#!/usr/bin/env bash
# Builds the JVM image (src/main/docker/Dockerfile.jvm) with podman on a Debian base made here,
# runs it as OpenShift runs a pod, and checks it:
#   - base: a minimal Debian root made with debootstrap from Debian's packages (no registry is
#     needed) plus a Java runtime linked with jlink from a local JDK 25, without javac or a
#     package manager; a second image with the whole JDK compiles the training driver;
#   - run: an arbitrary non-root UID in group 0, read-only root filesystem with a tmpfs /tmp,
#     no capabilities, no privilege escalation, the certificate mounted read-only as a Secret
#     volume would be (files 0644);
#   - checks: POST /validate answers the sample review (denied by P1, uid echoed), readiness and
#     liveness are UP, TLS runs on BoringSSL, the AOT cache is used (a start with
#     -XX:AOTMode=on, which refuses to start without it, and the ready time without the cache
#     for comparison), SIGTERM stops it within the drain window, and `idms-lint lint` runs from
#     the image; prints the image size and the start-to-ready time.
# Run as root (podman, debootstrap and apt-get need it); installs podman, buildah, runc,
# debootstrap and curl with apt-get when they are missing. The application must be packaged
# (./mvnw package); otherwise this packages it first. The base images are kept in podman's
# storage and reused while the Debian release and the JDK stay the same.
#   usage: bash src/main/docker/test-image.sh
#   environment: JDK25 (default /usr/lib/jvm/temurin-25-jdk-amd64), IMAGE (localhost/idms-webhook:test)
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$root"
jdk=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
image=${IMAGE:-localhost/idms-webhook:test}
say() { echo "test-image: $*"; }
die() { echo "test-image: FAIL: $*" >&2; exit 1; }
now() { date +%s.%N; }
mib() { awk -v b="$1" 'BEGIN { printf "%.0f MiB", b / 1048576 }'; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

[ "$(id -u)" -eq 0 ] || die "run as root: podman's storage, debootstrap and apt-get need it"
[ -x "$jdk/bin/jlink" ] || die "no JDK at $jdk (set JDK25 to a JDK 25): the image's AOT cache needs JDK 25's -XX:AOTCache"
release=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$jdk/release")
case "$release" in 25*) ;; *) die "$jdk is Java $release; the image runs Java 25" ;; esac

missing=()
for tool in podman:podman buildah:buildah runc:runc debootstrap:debootstrap curl:curl openssl:openssl; do
    command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" uidmap fuse-overlayfs slirp4netns >/dev/null
fi

work=$(mktemp -d)
container=idms-image-test-$$
cleanup() {
    podman rm -f "$container" "$container-aot" "$container-plain" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# runc and cgroupfs: what works inside this kind of machine; no default ulimits (the ones podman
# sets by default cannot be raised here); host networking throughout.
cat >"$work/containers.conf" <<'CONF'
[containers]
default_ulimits = []
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
CONF
export CONTAINERS_CONF="$work/containers.conf"

if [ ! -d target/quarkus-app ] || ! ls target/idms-webhook-*-cli.jar >/dev/null 2>&1; then
    say "no packaged application in target/; running ./mvnw -B package -DskipTests"
    ./mvnw -B package -DskipTests
fi

# ---------------------------------------------------------------- base images
. /etc/os-release
suite=${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}
mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n 1)
mirror=${mirror:-http://deb.debian.org/debian}
tag=$(printf '%s' "$release" | tr '+' '_')
debian=localhost/idms-test-debian:$suite
jre=localhost/idms-test-jre:$tag
jdkimage=localhost/idms-test-jdk:$tag

if ! podman image exists "$debian"; then
    t0=$(now)
    say "making $debian with debootstrap (minbase, $suite, $mirror)"
    debootstrap --variant=minbase "$suite" "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
        || { tail -n 20 "$work/debootstrap.log" >&2; die "debootstrap failed"; }
    rm -rf "$work/rootfs/var/cache/apt/archives"/*.deb "$work/rootfs/var/lib/apt/lists"/* \
        "$work/rootfs/usr/share/doc"/* "$work/rootfs/usr/share/man"/* "$work/rootfs/usr/share/info"/*
    tar -C "$work/rootfs" -c . | podman import --change 'CMD ["/bin/sh"]' - "$debian" >/dev/null
    rm -rf "$work/rootfs"
    say "made $debian in $(seconds "$t0" "$(now)") s"
fi

# The layout of the Temurin images: the runtime in /opt/java/openjdk, on PATH.
java_image() {  # java_image TAG DIR
    mkdir -p "$work/ctx-$1"
    mv "$2" "$work/ctx-$1/java"
    cat >"$work/ctx-$1/Containerfile" <<CONTAINERFILE
FROM $debian
COPY java /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
CONTAINERFILE
    podman build -q --network host -t "$1" "$work/ctx-$1" >/dev/null
    rm -rf "$work/ctx-$1"
}
if ! podman image exists "$jre"; then
    # A JRE as Temurin ships one: every module but the development tools (no javac, jlink, jshell).
    tools=" jdk.compiler jdk.javadoc jdk.jshell jdk.jlink jdk.jpackage jdk.jartool jdk.jdeps jdk.jdi jdk.hotspot.agent jdk.jconsole jdk.jstatd jdk.jcmd jdk.attach jdk.editpad jdk.internal.ed jdk.internal.le jdk.internal.opt jdk.internal.jvmstat jdk.internal.md "
    modules=$("$jdk/bin/java" --list-modules | sed 's/@.*//' | while read -r m; do
        case "$tools" in *" $m "*) ;; *) printf '%s,' "$m" ;; esac; done)
    "$jdk/bin/jlink" --add-modules "${modules%,}" --strip-debug --no-man-pages --no-header-files \
        --output "$work/jre" >"$work/jlink.log" 2>&1 || { cat "$work/jlink.log" >&2; die "jlink failed"; }
    java_image "$jre" "$work/jre"
    say "made $jre (jlink of $jdk, Java $release)"
fi
if ! podman image exists "$jdkimage"; then
    cp -a "$jdk" "$work/jdk"
    java_image "$jdkimage" "$work/jdk"
    say "made $jdkimage"
fi

# ---------------------------------------------------------------- build
t0=$(now)
podman build --network host -f src/main/docker/Dockerfile.jvm \
    --build-arg RUNTIME="$jre" --build-arg JDK="$jdkimage" -t "$image" . >"$work/build.log" 2>&1 \
    || { tail -n 60 "$work/build.log" >&2; die "podman build failed"; }
build_seconds=$(seconds "$t0" "$(now)")
# The training runs only when the application changed; otherwise podman reuses its layer.
aot_bytes=$(podman run --rm --network host "$image" stat -c %s /deployments/app.aot) || die "the image has no AOT cache"
image_bytes=$(podman image inspect --format '{{.Size}}' "$image")
base_bytes=$(podman image inspect --format '{{.Size}}' "$jre")

# ---------------------------------------------------------------- run as OpenShift would
free_port() {
    local p
    while :; do
        p=$((20000 + RANDOM % 20000))
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
    done
}
port=$(free_port)
mport=$(free_port)
[ "$port" != "$mport" ] || mport=$((port + 1))

# A kubelet-mounted Secret: files 0644, the directory read-only in the container.
sh certs/make-certs.sh --out "$work/tls" --days 2 >/dev/null 2>"$work/make-certs.log" \
    || { cat "$work/make-certs.log" >&2; die "make-certs.sh failed"; }
chmod 0755 "$work/tls"
chmod 0644 "$work/tls"/*

# An OpenShift restricted-v2 UID: from the namespace's range, in group 0, no passwd entry.
uid=1000680000
run() {  # run NAME [podman options...]: starts the service container; prints nothing
    local name=$1
    shift
    podman run -d --name "$name" --network host --user "$uid:0" --read-only \
        --tmpfs /tmp:rw,exec,nosuid,nodev,size=64m,mode=1777 --cap-drop ALL --security-opt no-new-privileges \
        -v "$work/tls:/etc/webhook/tls:ro" \
        -e IDMS_TLS_CERT=/etc/webhook/tls/tls.crt -e IDMS_TLS_KEY=/etc/webhook/tls/tls.key \
        -e IDMS_CLUSTER_CHECKS=off -e QUARKUS_HTTP_HOST=127.0.0.1 -e QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
        -e QUARKUS_HTTP_SSL_PORT="$port" -e QUARKUS_MANAGEMENT_PORT="$mport" -e QUARKUS_SHUTDOWN_TIMEOUT=10s \
        "$@" "$image" >/dev/null
}
ready_after() {  # ready_after NAME T0: waits for readiness, prints the seconds since T0
    local name=$1 t0=$2 i=0
    until curl -sf -o /dev/null "http://127.0.0.1:$mport/q/health/ready"; do
        if [ "$(podman inspect --format '{{.State.Running}}' "$name")" != true ]; then
            podman logs "$name" >&2 || true
            die "container $name exited before it was ready"
        fi
        i=$((i + 1))
        [ $i -lt 600 ] || { podman logs "$name" >&2; die "container $name not ready within 60 s"; }
        sleep 0.1
    done
    seconds "$t0" "$(now)"
}

t0=$(now)
run "$container"
ready=$(ready_after "$container" "$t0")

ids=$(podman exec "$container" id)
case "$ids" in "uid=$uid("*") gid=0("*) ;; *) die "the container runs as '$ids', not uid $uid in group 0" ;; esac
podman exec "$container" sh -c 'touch /deployments/x' 2>/dev/null && die "the root filesystem is writable"

answer=$(curl -sS --cacert "$work/tls/ca.crt" -H 'Content-Type: application/json' \
    --data-binary @deploy/samples/admission-review-idms.json "https://127.0.0.1:$port/validate")
uid_sent=$(sed -n 's/.*"uid": *"\([^"]*\)".*/\1/p' deploy/samples/admission-review-idms.json | head -n 1)
for want in '"allowed":false' '"code":403' '[P1]' "\"uid\":\"$uid_sent\""; do
    case "$answer" in *"$want"*) ;; *) die "POST /validate: no $want in the answer: $answer" ;; esac
done
for probe in ready live; do
    health=$(curl -sS "http://127.0.0.1:$mport/q/health/$probe")
    case "$health" in *'"status": "UP"'*|*'"status":"UP"'*) ;; *) die "/q/health/$probe is not UP: $health" ;; esac
done
logs=$(podman logs "$container" 2>&1)
case "$logs" in *"BoringSSL"*) ;; *) die "TLS does not run on BoringSSL (netty-tcnative needs an exec /tmp):
$logs" ;; esac
started=$(printf '%s\n' "$logs" | grep -o 'started in [0-9.]*s' | head -n 1 || true)

# SIGTERM, as the kubelet sends after preStop: the service drains and exits within the 30 s grace.
t1=$(now)
podman stop -t 30 "$container" >/dev/null
stop_seconds=$(seconds "$t1" "$(now)")
exit_code=$(podman inspect --format '{{.State.ExitCode}}' "$container")
awk -v s="$stop_seconds" 'BEGIN { exit !(s < 25) }' || die "SIGTERM took $stop_seconds s (exit $exit_code)"
podman rm "$container" >/dev/null

# The cache is used: -XX:AOTMode=on makes the JVM refuse to start when it cannot map it.
t0=$(now)
run "$container-aot" -e JAVA_OPTS_APPEND="-XX:AOTMode=on"
ready_on=$(ready_after "$container-aot" "$t0")
podman rm -f "$container-aot" >/dev/null
# For comparison, the same start without the cache.
t0=$(now)
run "$container-plain" -e JAVA_OPTS_APPEND="-XX:AOTMode=off"
ready_off=$(ready_after "$container-plain" "$t0")
podman rm -f "$container-plain" >/dev/null

# The linter from the image, on the samples (the bad one is denied: exit code 1).
set +e
lint=$(podman run --rm --network host --user "$uid:0" --read-only --tmpfs /tmp:rw,size=16m \
    -v "$root/deploy/samples:/manifests:ro" "$image" idms-lint lint /manifests 2>&1)
lint_exit=$?
set -e
[ "$lint_exit" -eq 1 ] || die "idms-lint lint /manifests exited $lint_exit, not 1 (a denial): $lint"
case "$lint" in *"[P1]"*) ;; *) die "idms-lint found no P1 in deploy/samples: $lint" ;; esac

say "PASS $image"
say "  image size:           $(mib "$image_bytes") (base $(mib "$base_bytes"): Debian $suite minbase + Java $release runtime)"
say "  build:                $build_seconds s; AOT cache $(mib "$aot_bytes") in the image"
say "  start to ready:       $ready s from podman run to /q/health/ready UP (JVM: ${started:-no start line})"
say "  with -XX:AOTMode=on:  $ready_on s; without the cache (-XX:AOTMode=off): $ready_off s"
say "  POST /validate:       denied by P1, uid echoed; readiness and liveness UP; TLS on BoringSSL"
say "  run as:               uid $uid gid 0, read-only root, tmpfs /tmp, no capabilities"
say "  SIGTERM:              stopped in $stop_seconds s (exit code $exit_code)"
say "  idms-lint lint:       exit 1 on deploy/samples ($(printf '%s\n' "$lint" | grep -c '\[[A-Z][0-9]*\]') findings)"
