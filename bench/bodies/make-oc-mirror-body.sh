#!/bin/sh
# Writes an AdmissionReview (CREATE of an ImageDigestMirrorSet) shaped as oc-mirror writes its
# cluster resources for a large operator catalog: one entry per repository, one mirror each, and
# the mirror is the source's path under the mirror registry (a "path mirror"), so
# registry.redhat.io/rhel9/postgresql-15 is mirrored at mirror.corp.example.com:8443/olm/rhel9/postgresql-15.
# No policy is set (oc-mirror sets none). Every source is distinct, as in oc-mirror's output, so
# the object is valid and the service walks the whole allowed path.
#
#   sh bench/bodies/make-oc-mirror-body.sh 2500 > idms-2500.json
#
# The bodies are made when the benchmark runs, never committed: 10,000 entries are about 1.3 MB.
set -eu

entries=${1:?usage: make-oc-mirror-body.sh ENTRIES [NAME]}
name=${2:-idms-operator-0}
case "$entries" in ''|*[!0-9]*|0*) echo "make-oc-mirror-body.sh: ENTRIES must be a whole number from 1, got '$entries'" >&2; exit 2 ;; esac

# Sources spread over the registries and namespaces a Red Hat operator catalog pulls from;
# the repository name carries the entry number so that no two entries share a source.
awk -v n="$entries" -v name="$name" 'BEGIN {
    split("registry.redhat.io registry.redhat.io registry.redhat.io quay.io registry.access.redhat.com", reg, " ")
    split("rhel9 rhel8 openshift4 ubi9 rhacm2 odf4 openshift-gitops-1 rh-sso-7 amq7 jboss-eap-7 openshift-logging multicluster-engine", ns, " ")
    split("operator rhel9-operator bundle operator-bundle rhel8 controller webhook console-plugin", kind, " ")
    printf "{\n  \"apiVersion\": \"admission.k8s.io/v1\",\n  \"kind\": \"AdmissionReview\",\n  \"request\": {\n"
    printf "    \"uid\": \"0c7d5a31-6f1e-4b8a-9e2d-%012d\",\n", n
    printf "    \"kind\": {\"group\": \"config.openshift.io\", \"version\": \"v1\", \"kind\": \"ImageDigestMirrorSet\"},\n"
    printf "    \"resource\": {\"group\": \"config.openshift.io\", \"version\": \"v1\", \"resource\": \"imagedigestmirrorsets\"},\n"
    printf "    \"requestKind\": {\"group\": \"config.openshift.io\", \"version\": \"v1\", \"kind\": \"ImageDigestMirrorSet\"},\n"
    printf "    \"requestResource\": {\"group\": \"config.openshift.io\", \"version\": \"v1\", \"resource\": \"imagedigestmirrorsets\"},\n"
    printf "    \"name\": \"%s\",\n    \"operation\": \"CREATE\",\n", name
    printf "    \"userInfo\": {\"username\": \"system:admin\", \"groups\": [\"system:masters\", \"system:authenticated\"]},\n"
    printf "    \"object\": {\n      \"apiVersion\": \"config.openshift.io/v1\",\n      \"kind\": \"ImageDigestMirrorSet\",\n"
    printf "      \"metadata\": {\"name\": \"%s\"},\n      \"spec\": {\n        \"imageDigestMirrors\": [\n", name
    for (i = 0; i < n; i++) {
        path = ns[i % 12 + 1] "/app-" i "-" kind[i % 8 + 1]
        printf "          {\"mirrors\": [\"mirror.corp.example.com:8443/olm/%s\"], \"source\": \"%s/%s\"}%s\n",
            path, reg[i % 5 + 1], path, (i + 1 < n ? "," : "")
    }
    printf "        ]\n      }\n    },\n    \"oldObject\": null,\n    \"dryRun\": false,\n"
    printf "    \"options\": {\"apiVersion\": \"meta.k8s.io/v1\", \"kind\": \"CreateOptions\"}\n  }\n}\n"
}'
