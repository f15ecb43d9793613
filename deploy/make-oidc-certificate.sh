#!/usr/bin/env bash
# Create deploy/secrets/oidc-signing.pfx and deploy/secrets/oidc-encryption.pfx: the two
# certificates (two separate keys) the Api signs and encrypts its tokens with
# (Oidc__SigningCertificate__Path, Oidc__EncryptionCertificate__Path). Every Api replica must
# use the same files.
# Password: $OIDC_CERTIFICATE_PASSWORD, or the value in deploy/.env. Needs openssl.
# OIDC_CERTIFICATE_DIR writes them elsewhere (an absolute path; ./cop run --instances uses
# .cop/scale/keys).
set -euo pipefail
cd -- "$(dirname -- "${BASH_SOURCE[0]}")"

if [[ -z ${OIDC_CERTIFICATE_PASSWORD:-} && -f .env ]]; then
  OIDC_CERTIFICATE_PASSWORD=$(sed -n 's/^OIDC_CERTIFICATE_PASSWORD=//p' .env | tail -n 1)
fi
: "${OIDC_CERTIFICATE_PASSWORD:?set OIDC_CERTIFICATE_PASSWORD (or put it in deploy/.env)}"

dir=${OIDC_CERTIFICATE_DIR:-secrets}
for out in "$dir/oidc-signing.pfx" "$dir/oidc-encryption.pfx"; do
  if [[ -e $out && ${1:-} != --force ]]; then
    echo "$out already exists (use --force to replace both; tokens made with the old keys stop validating)." >&2
    exit 1
  fi
done

mkdir -p -- "$dir"
work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT
make() { # file purpose keyUsage
  openssl req -x509 -newkey rsa:3072 -sha256 -days 730 -nodes \
    -subj "/CN=Community of Practice token $2" \
    -addext "keyUsage=critical,$3" \
    -keyout "$work/$2.key.pem" -out "$work/$2.cert.pem" 2>/dev/null
  openssl pkcs12 -export -inkey "$work/$2.key.pem" -in "$work/$2.cert.pem" \
    -passout env:OIDC_CERTIFICATE_PASSWORD -out "$1"
  # The container runs as the non-root user `app` (uid 1654) and must be able to read it.
  chmod 644 "$1"
  echo "Wrote $([[ $1 == /* ]] || echo deploy/)$1 (valid for two years; replace it before it expires)."
}
make "$dir/oidc-signing.pfx" signing digitalSignature
make "$dir/oidc-encryption.pfx" encryption keyEncipherment
