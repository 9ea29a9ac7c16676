#!/bin/sh
# Builds every overlay under deploy/overlays, and every overlay with each component under
# deploy/components, with `kubectl kustomize` (or a standalone `kustomize build`), as a user
# would after the README's steps: the plain overlay gets a throwaway certificate from
# certs/make-certs.sh, copied in as the README says, in a copy of deploy/ so that the working
# tree is left alone. Fails on the first overlay that does not build or that leaves the image
# without the registry named in deploy/base.
#   usage: sh deploy/check-manifests.sh
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)

if command -v kubectl >/dev/null 2>&1; then
    build() { kubectl kustomize "$1"; }
    tool="kubectl $(kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: //p')"
elif command -v kustomize >/dev/null 2>&1; then
    build() { kustomize build "$1"; }
    tool="kustomize $(kustomize version 2>/dev/null)"
else
    echo "check-manifests: neither kubectl nor kustomize is installed; no Debian, Maven Central or npm package" >&2
    echo "check-manifests: ships a current one. The structure is still checked by ManifestInvariantsTest (./mvnw verify)." >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
cp -R "$root/deploy" "$work/deploy"
sh "$root/certs/make-certs.sh" --out "$work/certs" --days 2 >/dev/null 2>"$work/make-certs.log" \
    || { cat "$work/make-certs.log" >&2; exit 1; }
cp "$work/certs/ca.crt" "$work/certs/tls.crt" "$work/certs/tls.key" "$work/deploy/overlays/plain/tls/"

image=$(sed -n 's/^ *newName: *//p' "$root/deploy/base/kustomization.yaml" | head -n 1)
failed=0
check() {  # check NAME DIR
    if ! build "$2" >"$work/out.yaml" 2>"$work/err"; then
        echo "FAIL $1: $(cat "$work/err")"; failed=$((failed + 1)); return
    fi
    kinds=$(sed -n 's/^kind: //p' "$work/out.yaml" | sort | uniq -c | awk '{printf "%s%s %s", sep, $1, $2; sep=", "}')
    if ! grep -q "image: $image:" "$work/out.yaml"; then
        echo "FAIL $1: the Deployment's image is not $image"; failed=$((failed + 1)); return
    fi
    echo "ok   $1: $kinds"
}

echo "check-manifests: $tool"
for overlay in "$work"/deploy/overlays/*/; do
    name=$(basename "$overlay")
    check "overlays/$name" "$overlay"
    for component in "$work"/deploy/components/*/; do
        cname=$(basename "$component")
        dir="$work/with/$name-$cname"
        mkdir -p "$dir"
        cat >"$dir/kustomization.yaml" <<KUSTOMIZATION
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../deploy/overlays/$name
components:
  - ../../deploy/components/$cname
KUSTOMIZATION
        check "overlays/$name + components/$cname" "$dir"
    done
done
[ "$failed" -eq 0 ] || { echo "check-manifests: $failed build(s) failed" >&2; exit 1; }
