#!/usr/bin/env bash
# The browser tests drive Debian's Chromium. Install it when it is missing (apt, as root);
# nothing downloads a browser build of its own.
set -euo pipefail
CHROMIUM="${TILLBOX_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "Chromium is missing at $CHROMIUM and this user cannot install it: run 'sudo apt-get install -y chromium'" >&2
  exit 1
fi
echo "Installing Debian's chromium (needed by the browser tests)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-noto-core fonts-noto-cjk >/dev/null
"$CHROMIUM" --version
