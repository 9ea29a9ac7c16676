#!/usr/bin/env bash
# Throughput of the offline linter on the two shapes a GitOps repository has: many small files
# (a folder of 10,000 one-entry ImageDigestMirrorSets) and one large object (10,000 entries, as
# oc-mirror writes them). Each case is generated into a temporary directory, run RUNS times with
# the launcher (src/main/cli/idms-lint, class-data archive on), and reported as the best run's wall
# and CPU time and the files (or entries) per second of each.
#
#   bench/lint.sh [FILES] [ENTRIES]        defaults 10000 10000; RUNS=3
#
# Builds the CLI jar when target/idms-webhook-*-cli.jar is missing. See bench/README.md.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
files="${1:-10000}"
entries="${2:-10000}"
runs="${RUNS:-3}"

if ! ls "$root"/target/idms-webhook-*-cli.jar >/dev/null 2>&1; then
  (cd "$root" && ./mvnw -B -q -o package -DskipTests)
fi
lint="$root/src/main/cli/idms-lint"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/many"
awk -v n="$files" -v dir="$tmp/many" 'BEGIN {
  for (i = 1; i <= n; i++) {
    f = sprintf("%s/idms-%05d.yaml", dir, i)
    printf "apiVersion: config.openshift.io/v1\nkind: ImageDigestMirrorSet\nmetadata:\n  name: team-%d\n", i > f
    printf "spec:\n  imageDigestMirrors:\n  - source: registry.example.com/team-%d/app\n", i > f
    printf "    mirrors:\n    - mirror.example.net/team-%d/app\n", i > f
    close(f)
  }
}'

awk -v n="$entries" 'BEGIN {
  printf "apiVersion: config.openshift.io/v1\nkind: ImageDigestMirrorSet\nmetadata:\n  name: oc-mirror\nspec:\n  imageDigestMirrors:\n"
  for (i = 1; i <= n; i++) {
    printf "  - source: registry.example.com/ns-%d/app\n    mirrors:\n    - mirror.example.net/ns-%d/app\n", i, i
  }
}' > "$tmp/large.yaml"

# The best of RUNS runs, as "wall-seconds cpu-seconds" (user+system of the JVM); the machine may be
# shared, so the CPU time is the figure that compares between runs. Exit 1 (denied) still counts:
# the 10,000-entry object is over the current per-object limit (X3) of the rule engine.
best() {
  local best_wall="" best_cpu=""
  for _ in $(seq 1 "$runs"); do
    local t wall cpu
    t=$( { TIMEFORMAT='%R %U %S'; time "$lint" lint "$@" > /dev/null 2> "$tmp/err"; } 2>&1 ) || true
    wall=$(echo "$t" | awk '{ print $1 }')
    cpu=$(echo "$t" | awk '{ print $2 + $3 }')
    if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then
      best_wall=$wall
      best_cpu=$cpu
    fi
  done
  echo "$best_wall $best_cpu"
}

# one run first, so the class-data archive exists before anything is timed
"$lint" lint "$root/src/test/resources/cli/clean.yaml" > /dev/null 2>&1 || true

read -r many_wall many_cpu <<< "$(best "$tmp/many")"
many_err=$(tail -n 1 "$tmp/err")
read -r large_wall large_cpu <<< "$(best "$tmp/large.yaml")"
large_err=$(tail -n 1 "$tmp/err")
echo "| case | size | wall (best of $runs) | CPU | per wall second | per CPU second |"
echo "|---|---|---|---|---|---|"
awk -v n="$files" -v w="$many_wall" -v c="$many_cpu" \
  'BEGIN { printf "| folder of small files | %d files | %.2f s | %.2f s | %.0f files/s | %.0f files/s |\n", n, w, c, n / w, n / c }'
awk -v n="$entries" -v w="$large_wall" -v c="$large_cpu" -v b="$(wc -c < "$tmp/large.yaml")" \
  'BEGIN { printf "| one object | %d entries, %.1f MB | %.2f s | %.2f s | %.0f entries/s | %.0f entries/s |\n", n, b / 1e6, w, c, n / w, n / c }'
echo "folder: $many_err" >&2
echo "object: $large_err" >&2
