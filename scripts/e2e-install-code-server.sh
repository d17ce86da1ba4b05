#!/usr/bin/env bash
# Installs code-server (a real VS Code: server build with the Node extension host) into
# test/e2e/.work/code-server, outside the project's own dependencies, for the e2e tests.
# Offline apart from the npm registry:
#   - its native modules build against the machine's Node headers (nodedir=/usr);
#   - @vscode/ripgrep's postinstall would download rg from GitHub: its download cache is
#     seeded with Debian's rg (scripts/e2e-deps.sh installs it) in a private TMPDIR.
# Kept between runs: a no-op when the folder already holds this version.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
# What code-server's VS Code pins (lib/vscode/npm-shrinkwrap.json) and the asset its
# postinstall asks for (lib/postinstall.js VERSION of that @vscode/ripgrep).
RIPGREP_PACKAGE_VERSIONS="${RIPGREP_PACKAGE_VERSIONS:-1.15.11 1.15.9 1.15.10 1.15.12 1.15.13 1.15.14}"
RIPGREP_ASSET_VERSIONS="${RIPGREP_ASSET_VERSIONS:-v13.0.0-10 v13.0.0-4}"

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/test/e2e/.work"
dest="$work/code-server"
entry="$dest/node_modules/code-server/out/node/entry.js"
stamp="$dest/.installed-version"

if [ -f "$entry" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$CODE_SERVER_VERSION" ]; then
  echo "e2e-install-code-server: code-server $CODE_SERVER_VERSION already installed in $dest"
  exit 0
fi

rg_bin="$(command -v rg || true)"
if [ -z "$rg_bin" ]; then
  echo "e2e-install-code-server: ripgrep (rg) is missing; run scripts/e2e-deps.sh first" >&2
  exit 1
fi

echo "e2e-install-code-server: installing code-server $CODE_SERVER_VERSION into $dest"
rm -rf "$dest"
mkdir -p "$dest" "$work/tmp"

# Seed @vscode/ripgrep's download cache: a tarball with `rg` at its root, under each name
# its postinstall may ask for.
tmp="$(mktemp -d "$work/tmp/install.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/rg"
cp "$rg_bin" "$tmp/rg/rg"
for pkg in $RIPGREP_PACKAGE_VERSIONS; do
  cache="$tmp/vscode-ripgrep-cache-$pkg"
  mkdir -p "$cache"
  for asset in $RIPGREP_ASSET_VERSIONS; do
    tar czf "$cache/ripgrep-$asset-x86_64-unknown-linux-musl.tar.gz" -C "$tmp/rg" rg
  done
done

cat > "$dest/package.json" <<JSON
{ "name": "isms-e2e-code-server", "private": true, "description": "code-server for the e2e tests; not part of the extension" }
JSON

(
  cd "$dest"
  export TMPDIR="$tmp" TMP="$tmp" TEMP="$tmp"
  export npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr
  export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
  npm install --no-save --no-package-lock --loglevel=error "code-server@$CODE_SERVER_VERSION"
)

if [ ! -f "$entry" ]; then
  echo "e2e-install-code-server: install finished without $entry" >&2
  exit 1
fi
echo "$CODE_SERVER_VERSION" > "$stamp"
echo "e2e-install-code-server: done"
