#!/usr/bin/env bash
# A local certificate authority and the certificates of a Tillbox chain, made with openssl:
#   ca.crt / ca.key                  the CA (made once; kept when it exists)
#   broker.crt / broker.key          the broker's server certificate
#   cloud-relay.crt / cloud-relay.key  the cloud relay's client certificate (CN tillbox.cloud-relay)
#   stores/<id>.crt / stores/<id>.key  one client certificate per store (CN = the store id)
#
# The broker takes each client's certificate CN as its user name (use_identity_as_username), and
# the ACL gives a store only the topics under tillbox/v1/stores/<its CN>/: the certificate *is*
# the store's credential. Revoke one by rotating the CA or with a CRL (crlfile in mosquitto.conf).
#
# usage: make-certs.sh OUT_DIR STORE_ID...
#   BROKER_HOSTS  names and addresses the broker is reached by (default: "localhost mosquitto 127.0.0.1")
#   DAYS          validity of the certificates it makes (default 825)
# Running it again adds stores (and renews the broker and relay certificates) under the same CA.
set -euo pipefail

if [ "$#" -lt 1 ]; then
  echo "usage: $0 OUT_DIR [STORE_ID...]" >&2
  exit 64
fi
OUT="$1"
shift
DAYS="${DAYS:-825}"
BROKER_HOSTS="${BROKER_HOSTS:-localhost mosquitto 127.0.0.1}"
RELAY_CN="tillbox.cloud-relay"

mkdir -p "$OUT/stores"
umask 077

# EC P-256 keys: small, quick to make and to handshake with on a store box.
newkey() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

if [ ! -f "$OUT/ca.crt" ] || [ ! -f "$OUT/ca.key" ]; then
  newkey "$OUT/ca.key"
  openssl req -x509 -new -key "$OUT/ca.key" -sha256 -days 3650 -subj "/O=Tillbox/CN=Tillbox local CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$OUT/ca.crt"
fi

# sign NAME CN EXTENSIONS: NAME.key and NAME.crt signed by the CA.
sign() {
  local name="$1" cn="$2" ext="$3"
  newkey "$OUT/$name.key"
  openssl req -new -key "$OUT/$name.key" -subj "/O=Tillbox/CN=$cn" -out "$OUT/$name.csr"
  openssl x509 -req -in "$OUT/$name.csr" -CA "$OUT/ca.crt" -CAkey "$OUT/ca.key" -CAcreateserial \
    -days "$DAYS" -sha256 -extfile <(printf '%s\n' "$ext") -out "$OUT/$name.crt" 2>/dev/null
  rm -f "$OUT/$name.csr"
}

san=""
for host in $BROKER_HOSTS; do
  if [[ "$host" =~ ^[0-9.]+$|: ]]; then san="$san,IP:$host"; else san="$san,DNS:$host"; fi
done
sign broker "${BROKER_HOSTS%% *}" "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=${san#,}"

client_ext="basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth"
sign cloud-relay "$RELAY_CN" "$client_ext"

for store in "$@"; do
  # The store id rule of the topics (RELAY_STORE_ID in @tillbox/core): it is the ACL's %u.
  if ! [[ "$store" =~ ^[a-z0-9][a-z0-9-]{0,62}$ ]]; then
    echo "\"$store\" cannot be a store id: lowercase letters, digits and dashes, at most 63" >&2
    exit 65
  fi
  sign "stores/$store" "$store" "$client_ext"
done

# The broker's user (the Mosquitto image runs as uid 1883) reads the files through the volume.
chmod 644 "$OUT"/*.crt "$OUT"/stores/*.crt 2>/dev/null || true
chmod 640 "$OUT/broker.key"
echo "certificates in $OUT: CA, broker (${BROKER_HOSTS}), cloud relay (CN $RELAY_CN)${*:+, stores: $*}"
