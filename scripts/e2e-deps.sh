#!/usr/bin/env bash
# Installs the Debian packages the end-to-end tests need, when missing:
#   chromium     the browser Playwright drives (playwright-core never downloads one)
#   ripgrep      code-server's search binary (seeds @vscode/ripgrep's download cache)
#   libkrb5-dev  headers for code-server's native `kerberos` dependency
# Runs as root (CI and the developer machines are root); a no-op when all are present.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)

if [ ${#missing[@]} -eq 0 ]; then
  echo "e2e-deps: chromium, ripgrep and libkrb5-dev are installed"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "e2e-deps: missing ${missing[*]}; run as root or install them: apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "e2e-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "e2e-deps: done"
