#!/bin/sh
# Writes an AdmissionReview (CREATE of an ImageDigestMirrorSet) with ENTRIES entries of
# MIRRORS mirrors each to stdout. Every entry has its own source and its own mirrors, so the
# object is valid and the service walks the whole allowed path (all rules, no early denial):
# the large body measures how cost grows with the size of one object, not how fast an error
# short-circuits.
#
#   sh bench/bodies/make-body.sh 200 3 > bench/bodies/large.json
#   sh bench/bodies/make-body.sh 3 3 > typical.json
set -eu

entries=${1:?usage: make-body.sh ENTRIES [MIRRORS] [NAME]}
mirrors=${2:-3}
name=${3:-bench-$entries-x-$mirrors}
for n in "$entries" "$mirrors"; do
    case "$n" in ''|*[!0-9]*|0*) echo "make-body.sh: counts must be whole numbers from 1, got '$n'" >&2; exit 2 ;; esac
done

# A fixed uid: the answer must echo it, and a constant body keeps runs comparable.
cat <<HEAD
{
  "apiVersion": "admission.k8s.io/v1",
  "kind": "AdmissionReview",
  "request": {
    "uid": "5d1c0f3a-0b0e-4c1d-9a55-$(printf '%012d' "$entries")",
    "kind": {"group": "config.openshift.io", "version": "v1", "kind": "ImageDigestMirrorSet"},
    "resource": {"group": "config.openshift.io", "version": "v1", "resource": "imagedigestmirrorsets"},
    "requestKind": {"group": "config.openshift.io", "version": "v1", "kind": "ImageDigestMirrorSet"},
    "requestResource": {"group": "config.openshift.io", "version": "v1", "resource": "imagedigestmirrorsets"},
    "name": "$name",
    "operation": "CREATE",
    "userInfo": {"username": "system:admin", "groups": ["system:masters", "system:authenticated"]},
    "object": {
      "apiVersion": "config.openshift.io/v1",
      "kind": "ImageDigestMirrorSet",
      "metadata": {"name": "$name", "labels": {"app.kubernetes.io/part-of": "bench"}},
      "spec": {
        "imageDigestMirrors": [
HEAD

# Policies rotate through unset / NeverContactSource / AllowContactingSource so the policy
# rules see every value; one mirror in three carries a port, as real mirror registries often do.
i=0
while [ "$i" -lt "$entries" ]; do
    case $((i % 3)) in
        0) policy='' ;;
        1) policy=', "mirrorSourcePolicy": "NeverContactSource"' ;;
        2) policy=', "mirrorSourcePolicy": "AllowContactingSource"' ;;
    esac
    list=''
    j=0
    while [ "$j" -lt "$mirrors" ]; do
        if [ $((j % 3)) -eq 0 ]; then host="mirror-$j.corp.example.com:5000"; else host="mirror-$j.corp.example.com"; fi
        list="$list${list:+, }\"$host/team-$((i % 17))/app-$i\""
        j=$((j + 1))
    done
    sep=','
    [ $((i + 1)) -eq "$entries" ] && sep=''
    printf '          {"source": "registry-%d.example.com/team-%d/app-%d", "mirrors": [%s]%s}%s\n' \
        $((i % 7)) $((i % 17)) "$i" "$list" "$policy" "$sep"
    i=$((i + 1))
done

cat <<TAIL
        ]
      }
    },
    "oldObject": null,
    "dryRun": false,
    "options": {"apiVersion": "meta.k8s.io/v1", "kind": "CreateOptions"}
  }
}
TAIL
