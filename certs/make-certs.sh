#!/bin/sh
# Makes a development CA and a serving certificate for the webhook's Service, and prints the
# CA as the base64 caBundle that the ValidatingWebhookConfiguration needs.
set -eu

usage() {
    cat <<USAGE
usage: sh certs/make-certs.sh [--service NAME] [--namespace NS] [--out DIR] [--days N] [--force]

Writes ca.crt, ca.key, tls.crt and tls.key to DIR (default: certs/dev next to this script,
git-ignored) and prints the base64 caBundle. The serving certificate names
NAME, NAME.NS, NAME.NS.svc, NAME.NS.svc.cluster.local, localhost and 127.0.0.1.
Existing files are kept unless --force is given.

  --service NAME    Service in front of the webhook (default: idms-webhook)
  --namespace NS    its namespace (default: idms-webhook)
  --out DIR         where to write (default: certs/dev)
  --days N          validity of both certificates in days (default: 365)
  --force           replace existing files
USAGE
}

here=$(cd "$(dirname "$0")" && pwd)
service=idms-webhook
namespace=idms-webhook
out="$here/dev"
days=365
force=no

while [ $# -gt 0 ]; do
    case "$1" in
        --service) [ $# -ge 2 ] || { usage >&2; exit 2; }; service=$2; shift 2 ;;
        --namespace) [ $# -ge 2 ] || { usage >&2; exit 2; }; namespace=$2; shift 2 ;;
        --out) [ $# -ge 2 ] || { usage >&2; exit 2; }; out=$2; shift 2 ;;
        --days) [ $# -ge 2 ] || { usage >&2; exit 2; }; days=$2; shift 2 ;;
        --force) force=yes; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "make-certs.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done

# A DNS label: the Service and namespace names end up in SANs, so refuse anything else early.
for v in "$service" "$namespace"; do
    case "$v" in
        ''|-*|*-|*[!a-z0-9-]*) echo "make-certs.sh: '$v' is not a valid DNS label (lowercase letters, digits, inner '-')" >&2; exit 2 ;;
    esac
done
case "$days" in ''|*[!0-9]*) echo "make-certs.sh: --days needs a whole number, got '$days'" >&2; exit 2 ;; esac

command -v openssl >/dev/null 2>&1 || { echo "make-certs.sh: openssl is required (apt-get install openssl)" >&2; exit 1; }

if [ "$force" = no ]; then
    for f in ca.crt ca.key tls.crt tls.key; do
        if [ -e "$out/$f" ]; then
            echo "make-certs.sh: $out/$f exists; keeping it (pass --force to replace)" >&2
            exit 1
        fi
    done
fi

mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
umask 077

openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days "$days" \
    -subj "/CN=idms-webhook development CA" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$work/ca.key" -out "$work/ca.crt" 2>/dev/null

openssl req -newkey rsa:2048 -nodes -sha256 \
    -subj "/CN=$service.$namespace.svc" \
    -keyout "$work/tls.key" -out "$work/tls.csr" 2>/dev/null

cat > "$work/ext.cnf" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=DNS:$service,DNS:$service.$namespace,DNS:$service.$namespace.svc,DNS:$service.$namespace.svc.cluster.local,DNS:localhost,IP:127.0.0.1
EXT

openssl x509 -req -sha256 -days "$days" -in "$work/tls.csr" \
    -CA "$work/ca.crt" -CAkey "$work/ca.key" -CAcreateserial \
    -extfile "$work/ext.cnf" -out "$work/tls.crt" 2>/dev/null

# Certificates are public; keys stay readable by the owner only.
chmod 644 "$work/ca.crt" "$work/tls.crt"
for f in ca.crt ca.key tls.crt tls.key; do
    mv -f "$work/$f" "$out/$f"
done

echo "wrote $out/ca.crt, ca.key, tls.crt, tls.key for $service.$namespace.svc" >&2
# The caBundle goes to standard output alone, for `$(sh certs/make-certs.sh)`; its label only
# when a person reads it there, so a redirected run does not leave a label without a value.
if [ -t 1 ]; then
    echo "caBundle (base64 of ca.crt):" >&2
fi
base64 < "$out/ca.crt" | tr -d '\n'
echo
