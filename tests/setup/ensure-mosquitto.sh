#!/usr/bin/env bash
# The integration tests run Debian's Mosquitto (the broker configuration of deploy/cloud/mosquitto/)
# on a free loopback port of their own. Install it when it is missing (apt, as root); nothing else
# runs it: the tests start and stop their own broker, and Debian's service is left as it is.
set -euo pipefail
MOSQUITTO="${TILLBOX_MOSQUITTO:-/usr/sbin/mosquitto}"
ready() { [ -x "$MOSQUITTO" ] && command -v openssl >/dev/null; }
if ready; then
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
ready || { echo "mosquitto and openssl were installed, yet $MOSQUITTO or openssl is missing" >&2; exit 1; }
# `mosquitto -h` prints the version first and exits with 3 (with pipefail, that failed the script
# on every machine that had to install it): the version line is shown, its status is not the script's.
{ "$MOSQUITTO" -h || true; } | head -n 1
