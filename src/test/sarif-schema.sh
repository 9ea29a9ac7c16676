#!/usr/bin/env bash
# Runs SarifSchemaTest: the linter's --format sarif validated against the SARIF 2.1.0 JSON
# schema. The schema is the standard's and is not kept in this repository; the npm package
# @microsoft/jest-sarif (MIT) ships it as lib/schemas/sarif-2.1.0-rtm.5.json, so it is fetched
# with npm at a pinned version into a temporary folder and checked against a pinned digest.
# Extra arguments go to Maven (e.g. -o to build offline).
set -euo pipefail
cd "$(dirname "$0")/../.."

package=@microsoft/jest-sarif@1.0.0-beta.0
member=package/lib/schemas/sarif-2.1.0-rtm.5.json
digest=2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8

command -v npm >/dev/null || { echo "sarif-schema.sh: npm is needed to fetch $package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$(cd "$work" && npm pack --silent "$package")
tar -xzf "$work/$tarball" -C "$work" "$member"
echo "$digest  $work/$member" | sha256sum -c --quiet - \
    || { echo "sarif-schema.sh: $member of $package is not the schema this script was written for" >&2; exit 1; }

./mvnw -B "$@" test -Dtest=SarifSchemaTest -Dsarif.schema="$work/$member"
