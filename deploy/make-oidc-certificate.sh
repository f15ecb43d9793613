#!/usr/bin/env bash
# Create deploy/secrets/oidc.pfx: the certificate the Api signs and encrypts its tokens
# with (Oidc__Certificate__Path). Every Api replica must use the same file.
# Password: $OIDC_CERTIFICATE_PASSWORD, or the value in deploy/.env. Needs openssl.
set -euo pipefail
cd -- "$(dirname -- "${BASH_SOURCE[0]}")"

if [[ -z ${OIDC_CERTIFICATE_PASSWORD:-} && -f .env ]]; then
  OIDC_CERTIFICATE_PASSWORD=$(sed -n 's/^OIDC_CERTIFICATE_PASSWORD=//p' .env | tail -n 1)
fi
: "${OIDC_CERTIFICATE_PASSWORD:?set OIDC_CERTIFICATE_PASSWORD (or put it in deploy/.env)}"

out=secrets/oidc.pfx
if [[ -e $out && ${1:-} != --force ]]; then
  echo "$out already exists (use --force to replace it; tokens signed with the old one stop validating)." >&2
  exit 1
fi

mkdir -p secrets
work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT
openssl req -x509 -newkey rsa:3072 -sha256 -days 730 -nodes \
  -subj "/CN=Community of Practice token signing" \
  -addext "keyUsage=critical,digitalSignature,keyEncipherment" \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
openssl pkcs12 -export -inkey "$work/key.pem" -in "$work/cert.pem" \
  -passout env:OIDC_CERTIFICATE_PASSWORD -out "$out"
# The container runs as the non-root user `app` (uid 1654) and must be able to read it.
chmod 644 "$out"
echo "Wrote deploy/$out (valid for two years; replace it before it expires)."
