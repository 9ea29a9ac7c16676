#!/usr/bin/env bash
# Precision on real configurations: lints every file of the real-world corpus
# (../shared/realworld/corpus, other people's published mirror sets) on its own with the offline
# linter, and prints what the rules found there:
#   - findings per rule and verdict (and how many objects had them),
#   - false denials: a DENY whose (file, rule) is not in expected-denials.tsv,
#   - objects whose warnings add up to more than 4096 characters (the API server then cuts every
#     warning to 256 characters, rule book section 9),
#   - objects with repeated identical warnings, and objects where one rule warns more than once,
#   - the time of one linter invocation over the whole corpus (objects renamed apart, see below),
#     and of the per-file runs.
# Exit status 1 when there is a false denial or an object over the budget, 2 when the corpus or
# the linter is missing or a file cannot be linted.
#
#   bench/realworld.sh [--corpus DIR] [--keep]
#
# REALWORLD_DIR names the corpus folder (the one with corpus/ and expected-denials.tsv);
# IDMS_LINT_JAR the -cli.jar (the launcher finds target/ by itself; ./mvnw package builds it).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
realworld="${REALWORLD_DIR:-$root/../shared/realworld}"
# A worktree sits one level deeper than a clone; look next to both.
[ -d "$realworld" ] || realworld="$root/../../shared/realworld"
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) realworld="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "realworld.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ ! -d "$realworld/corpus" ] || [ ! -f "$realworld/expected-denials.tsv" ]; then
  echo "realworld.sh: no corpus at $realworld (want corpus/ and expected-denials.tsv); set REALWORLD_DIR" >&2
  exit 2
fi
lint="$root/src/main/cli/idms-lint"
# The JVM writes its own warnings (a stale class-data archive, ...) to standard output, where they
# would break the JSON; keep its log off.
export JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:+$JAVA_TOOL_OPTIONS }-Xlog:disable"
work="$(mktemp -d)"
if [ "$keep" = 1 ]; then
  echo "realworld.sh: results kept in $work" >&2
else
  trap 'rm -rf "$work"' EXIT
fi

# One run first, so the class-data archive of the launcher exists before anything is timed.
first="$(find "$realworld/corpus" -maxdepth 1 -type f | sort | head -n 1)"
"$lint" lint --format json "$first" >/dev/null 2>&1 || true

mkdir -p "$work/each"
each_start=$(date +%s%N)
failed=0
files=0
while IFS= read -r f; do
  files=$((files + 1))
  name="$(basename "$f")"
  rc=0
  "$lint" lint --format json "$f" >"$work/each/$name.json" 2>"$work/each/$name.err" || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "realworld.sh: lint failed (exit $rc) on $name: $(head -c 300 "$work/each/$name.err")" >&2
    failed=$((failed + 1))
  fi
done < <(find "$realworld/corpus" -maxdepth 1 -type f | sort)
each_ms=$(( ($(date +%s%N) - each_start) / 1000000 ))

# The linter refuses one Kind/name in two files, and many published files share names
# (from-imagecontentsources, operator-0, ...). For the one-invocation timing each object is
# renamed after its file in a scratch copy; its content, and so the work, is unchanged.
mkdir -p "$work/renamed"
python3 - "$realworld/corpus" "$work/renamed" <<'PY'
import os, sys, yaml
src, dst = sys.argv[1], sys.argv[2]
for n, name in enumerate(sorted(os.listdir(src))):
    with open(os.path.join(src, name), encoding="utf-8") as f:
        docs = list(yaml.safe_load_all(f))
    for d in docs:
        if isinstance(d, dict) and isinstance(d.get("metadata"), dict) and d["metadata"].get("name"):
            d["metadata"]["name"] = f'{d["metadata"]["name"]}-{n}'
    with open(os.path.join(dst, name), "w", encoding="utf-8") as f:
        yaml.safe_dump_all(docs, f, sort_keys=False)
PY
start=$(date +%s%N)
rc=0
"$lint" lint --format json "$work/renamed" >"$work/all.json" 2>"$work/all.err" || rc=$?
end=$(date +%s%N)
if [ "$rc" -gt 1 ]; then
  echo "realworld.sh: lint of the whole corpus failed (exit $rc): $(head -c 300 "$work/all.err")" >&2
  failed=$((failed + 1))
fi
whole_ms=$(( (end - start) / 1000000 ))

python3 - "$work/each" "$realworld/expected-denials.tsv" "$files" "$whole_ms" "$failed" "$each_ms" <<'PY'
import collections, json, os, sys

each, expected_file, files, whole_ms, failed, each_ms = (sys.argv[1], sys.argv[2], int(sys.argv[3]),
                                                         int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]))
BUDGET = 4096
expected = set()
with open(expected_file, encoding="utf-8") as f:
    for n, line in enumerate(f):
        cols = line.rstrip("\n").split("\t")
        if n == 0 or len(cols) < 2:
            continue
        expected.add((cols[0], cols[1]))

findings = collections.Counter()
objects_with = collections.Counter()
false_denials, expected_seen, over_budget, repeated, identical = [], set(), [], [], []
objects = denied = 0
largest = (0, "")
for name in sorted(os.listdir(each)):
    if not name.endswith(".json"):
        continue
    corpus_file = name[:-len(".json")]
    with open(os.path.join(each, name), encoding="utf-8") as f:
        text = f.read()
    if not text.strip():
        continue
    for o in json.loads(text)["objects"]:
        objects += 1
        ref = f'{corpus_file} {o["kind"]}/{o["name"]}'
        denied += 0 if o["allowed"] else 1
        seen = set()
        for d in o["denials"]:
            findings[(d["rule"], "DENY")] += 1
            seen.add((d["rule"], "DENY"))
            if (corpus_file, d["rule"]) in expected:
                expected_seen.add((corpus_file, d["rule"]))
            else:
                false_denials.append(f'{ref}: {d["message"]}')
        per_rule = collections.Counter()
        texts = collections.Counter()
        total = 0
        for w in o["warnings"]:
            findings[(w["rule"], "WARN")] += 1
            seen.add((w["rule"], "WARN"))
            per_rule[w["rule"]] += 1
            total += len(w["message"])
            # the same words at another field path are a repeated finding
            texts[w["message"][len(w["path"]):]] += 1
        for key in seen:
            objects_with[key] += 1
        if total > largest[0]:
            largest = (total, ref)
        if total > BUDGET:
            over_budget.append(f"{ref}: {len(o['warnings'])} warnings, {total} characters")
        many = sorted(f"{r} x{n}" for r, n in per_rule.items() if n > 1)
        if many:
            repeated.append(f"{ref}: {', '.join(many)}")
        same = sum(n - 1 for n in texts.values() if n > 1)
        if same:
            identical.append(f"{ref}: {same} repeated")

print(f"corpus: {files} files, {objects} objects, {denied} denied, {failed} lint failures")
print()
print("| rule | verdict | findings | objects |")
print("|---|---|---:|---:|")
def order(key):
    rule, verdict = key
    return (rule[0], int(rule[1:]) if rule[1:].isdigit() else 0, verdict)
for key in sorted(findings, key=order):
    print(f"| {key[0]} | {key[1]} | {findings[key]} | {objects_with[key]} |")
print()
print(f"false denials: {len(false_denials)}")
for line in false_denials:
    print(f"  {line}")
missing = sorted(expected - expected_seen)
print(f"expected denials found: {len(expected_seen)} of {len(expected)}")
for file, rule in missing:
    print(f"  not denied: {file} [{rule}]")
print(f"objects over the {BUDGET}-character warning budget: {len(over_budget)}"
      f" (largest total: {largest[0]} characters, {largest[1]})")
for line in over_budget:
    print(f"  {line}")
print(f"objects with repeated identical warnings: {len(identical)}")
for line in identical:
    print(f"  {line}")
print(f"objects where one rule warns more than once: {len(repeated)}")
for line in repeated:
    print(f"  {line}")
print(f"whole corpus in one invocation: {whole_ms} ms")
print(f"each file alone: {files} invocations, {each_ms} ms in all, {each_ms // max(files, 1)} ms each")
sys.exit(2 if failed else 1 if false_denials or over_budget else 0)
PY
