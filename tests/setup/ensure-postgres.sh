#!/usr/bin/env bash
# The integration tests run Debian's PostgreSQL: a throwaway cluster (initdb) on a free loopback
# port, started and stopped by the tests themselves (tests/integration/support/postgres.ts), as the
# `postgres` user when they run as root. Install the server when it is missing (apt, as root);
# Debian's own cluster and service are left as they are.
set -euo pipefail
found() { compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; }
if found; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "PostgreSQL is missing (no /usr/lib/postgresql/*/bin/initdb) and this user cannot install it: run 'sudo apt-get install -y postgresql'" >&2
  exit 1
fi
echo "Installing Debian's postgresql (needed by the integration tests)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends postgresql >/dev/null
found || { echo "postgresql installed, yet no /usr/lib/postgresql/*/bin/initdb" >&2; exit 1; }
ls -d /usr/lib/postgresql/*/bin | tail -n 1
