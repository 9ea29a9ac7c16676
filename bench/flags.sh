#!/usr/bin/env bash
# The JVM-flag sweep: RSS against CPU per review for each setting of bench/flags.tsv (or FILE).
# Each setting is one bench/run.sh run with only the 32-connection load (--cpu-only) against the
# Java service started with that setting and the Go peer, so each CPU ratio java/go comes from
# runs that alternate within one invocation; RSS is the service's after all bodies.
#
#   bench/flags.sh [--duration 5s] [--warmup 5s] [--bodies "..."] [--rounds 1] [--only LABEL,...] [FILE]
#
# FILE has one setting per line, tab-separated: label, environment of the java process
# (NAME=VALUE words, or -), JAVA_OPTS. Lines starting with # are comments. With --rounds 2 the
# second round runs the settings in reverse order, so a slow spell of the machine does not fall
# on the same settings twice. The table goes to stdout and to bench/results/flags-<stamp>.md.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
duration=5s
warmup=5s
bodies="typical conflict invalid large ocmirror-2500 ocmirror-10000"
rounds=1
only=
file="$here/flags.tsv"
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration="${2:?}"; shift 2 ;;
        --warmup) warmup="${2:?}"; shift 2 ;;
        --bodies) bodies="${2:?}"; shift 2 ;;
        --rounds) rounds="${2:?}"; shift 2 ;;
        --only) only="${2:?}"; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "flags.sh: unknown argument '$1'" >&2; exit 2 ;;
        *) file="$1"; shift ;;
    esac
done
[ -f "$file" ] || { echo "flags.sh: no settings file $file" >&2; exit 2; }

labels=(); declare -A envs opts
while IFS=$'\t' read -r label env flags; do
    case "$label" in ''|'#'*) continue ;; esac
    if [ -n "$only" ] && [[ ",$only," != *",$label,"* ]]; then continue; fi
    labels+=("$label"); envs[$label]="${env/#-/}"; opts[$label]="$flags"
done < "$file"
[ ${#labels[@]} -gt 0 ] || { echo "flags.sh: no settings selected from $file" >&2; exit 2; }

stamp="$(date +%Y%m%d-%H%M%S)"
out="$here/results/flags-$stamp"
mkdir -p "$out"
order=("${labels[@]}")
for r in $(seq 1 "$rounds"); do
    for label in "${order[@]}"; do
        echo "[flags $(date +%H:%M:%S)] round $r: $label: ${envs[$label]:+${envs[$label]} }${opts[$label]}" >&2
        JAVA_OPTS="${opts[$label]}" JAVA_ENV="${envs[$label]}" "$here/run.sh" --cpu-only --targets "java go" \
            --duration "$duration" --warmup "$warmup" --bodies "$bodies" >"$out/$label-$r.md" 2>"$out/$label-$r.log" \
            || { tail -n 20 "$out/$label-$r.log" >&2; echo "flags.sh: run.sh failed for $label" >&2; exit 1; }
        cp "$here/results/latest.tsv" "$out/$label-$r.tsv"
    done
    # The next round in the reverse order.
    rev=(); for ((i = ${#order[@]} - 1; i >= 0; i--)); do rev+=("${order[$i]}"); done; order=("${rev[@]}")
done

# One row per setting and round: RSS, then java/go CPU per review for each body, the worst ratio.
{
    echo "Flag sweep $stamp on $(nproc) cores; each row one bench/run.sh --cpu-only run (java, go; 32 connections," \
        "$duration per body and target, warm-up rounds of $warmup); CPU µs/review java / go and their ratio."
    echo
    header="| setting | round | RSS MB |"; rule="|---|---:|---:|"
    for b in $bodies; do header="$header $b |"; rule="$rule---:|"; done
    echo "$header worst java/go |"; echo "$rule---:|"
    for label in "${labels[@]}"; do
        for r in $(seq 1 "$rounds"); do
            awk -F'\t' -v label="$label" -v round="$r" -v bodies="$bodies" '
                NR > 1 { cpu[$1, $2] = $4; if ($1 == "java" && $13 > rss) rss = $13 }
                END {
                    n = split(bodies, b, " "); worst = 0
                    line = sprintf("| %s | %s | %d |", label, round, rss)
                    for (i = 1; i <= n; i++) {
                        j = cpu["java", b[i]]; g = cpu["go", b[i]]
                        if (g > 0) { q = j / g; if (q > worst) worst = q; line = line sprintf(" %.1f / %.1f = %.2f |", j, g, q) }
                        else line = line " - |"
                    }
                    print line sprintf(" %.2f |", worst)
                }' "$out/$label-$r.tsv"
        done
    done
    echo
    echo "Settings:"
    echo
    for label in "${labels[@]}"; do echo "- $label: ${envs[$label]:+${envs[$label]} }\`${opts[$label]}\`"; done
} > "$out/flags.md"
cp "$out/flags.md" "$here/results/flags-latest.md"
cat "$out/flags.md"
