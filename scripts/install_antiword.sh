#!/usr/bin/env bash
# antiword (text of Word 97-2003 .doc files) from Debian's packages. Idempotent.
set -euo pipefail

if command -v antiword >/dev/null; then
    exit 0
fi
SUDO=""
if [[ "$(id -u)" != "0" ]]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends antiword
