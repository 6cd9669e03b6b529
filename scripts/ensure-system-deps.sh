#!/usr/bin/env bash
# Install the Debian packages the test suite needs, when they are missing:
#   chromium          real-browser and accessibility tests (Playwright drives /usr/bin/chromium)
#   libvoikko1 voikko-fi  Finnish morphology for search analysis
#   gettext           msgfmt, for `make messages`
#   redis-server      the shared cache for make test-redis and the two-instance tests
#   wrk               with --bench: the HTTP load generator of `make bench` (else a Python one)
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ldconfig -p 2>/dev/null | grep -q libvoikko.so.1 || missing+=(libvoikko1)
[ -d /usr/lib/voikko ] || [ -d /usr/share/voikko ] || missing+=(voikko-fi)
command -v msgfmt >/dev/null || missing+=(gettext)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ "${1:-}" = "--bench" ]; then command -v wrk >/dev/null || missing+=(wrk); fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing system packages: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO=sudo; else
    echo "Need root to install ${missing[*]} (apt-get install -y --no-install-recommends ${missing[*]})." >&2
    exit 1
  fi
else
  SUDO=
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
