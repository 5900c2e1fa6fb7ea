#!/usr/bin/env bash
# The integration tests run Debian's Mosquitto (the broker configuration of deploy/cloud/mosquitto/)
# on a free loopback port of their own. Install it when it is missing (apt, as root); nothing else
# runs it: the tests start and stop their own broker, and Debian's service is left as it is.
set -euo pipefail
MOSQUITTO="${TILLBOX_MOSQUITTO:-/usr/sbin/mosquitto}"
if [ -x "$MOSQUITTO" ] && command -v openssl >/dev/null; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "Mosquitto is missing at $MOSQUITTO and this user cannot install it: run 'sudo apt-get install -y mosquitto openssl'" >&2
  exit 1
fi
echo "Installing Debian's mosquitto (needed by the integration tests)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends mosquitto openssl >/dev/null
"$MOSQUITTO" -h | head -n 1
