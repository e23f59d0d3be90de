#!/usr/bin/env bash
# Installs what the tests need beyond npm, offline: Debian's Neovim (the independent LSP client), Chromium
# and the build tools for code-server's native modules, then code-server from npm into .e2e/code-server
# (git-ignored). `npm test` runs it first. Safe to run again: what is there already is kept, so a second run
# takes a second.
#
#   scripts/e2e/setup.sh             # install or check
#   CODEBOOM_E2E_DIR=/some/dir ...   # install somewhere else than .e2e/ (the tests read the same variable)
#
# Only the npm registry and Debian's packages are used; nothing is downloaded from anywhere else:
# - @vscode/ripgrep (inside code-server) downloads rg in its postinstall unless it finds a tarball in its
#   cache under $TMPDIR; we put Debian's rg there.
# - npm_config_build_from_source keeps node-pre-gyp and prebuild-install from trying to download
#   prebuilt binaries (argon2, kerberos) before they compile them.
# - npm_config_nodedir=/usr has node-gyp use Node's headers from /usr/include/node instead of downloading them.
set -euo pipefail
cd "$(dirname "$0")/../.."

CODE_SERVER_VERSION=4.100.3
# The @vscode/ripgrep inside that code-server, and the rg build it would download.
RIPGREP_PACKAGE_VERSION=1.15.11
RIPGREP_TARBALL=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

E2E_DIR="${CODEBOOM_E2E_DIR:-$PWD/.e2e}"
mkdir -p "$E2E_DIR"
E2E_DIR="$(cd "$E2E_DIR" && pwd)"
INSTALL_DIR="$E2E_DIR/code-server"
STAMP="$INSTALL_DIR/.installed-$CODE_SERVER_VERSION"

say() { printf 'e2e setup: %s\n' "$*"; }
started=$SECONDS

# --- Debian packages -------------------------------------------------------------------------------
# build-essential and python3 build the native modules (node-gyp), libkrb5-dev has the headers of the
# kerberos module, ripgrep is the rg we hand to @vscode/ripgrep, chromium is the browser the tests drive,
# neovim is the LSP client of test/nvim.
# (pkg-config and curl are not needed: no module's build calls pkg-config, and the tests use Node's fetch.)
PACKAGES="build-essential python3 libkrb5-dev ripgrep chromium neovim"
if command -v dpkg >/dev/null 2>&1; then
  missing=()
  for pkg in $PACKAGES; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
for cmd in rg chromium c++ make python3 nvim; do
  command -v "$cmd" >/dev/null 2>&1 || { say "'$cmd' is missing; install the Debian packages: $PACKAGES" >&2; exit 1; }
done

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != 20 ]; then
  say "code-server $CODE_SERVER_VERSION needs Node 20; this is Node $(node --version)" >&2
  exit 1
fi

# --- code-server -----------------------------------------------------------------------------------
if [ -f "$STAMP" ]; then
  say "code-server $CODE_SERVER_VERSION is installed in $INSTALL_DIR"
else
  say "installing code-server $CODE_SERVER_VERSION into $INSTALL_DIR (about a minute and a half)"
  staging="$E2E_DIR/code-server.partial"
  rm -rf "$staging"
  mkdir -p "$staging/tmp/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION" "$staging/rg"
  cp "$(command -v rg)" "$staging/rg/rg"
  tar -czf "$staging/tmp/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION/$RIPGREP_TARBALL" -C "$staging/rg" rg
  printf '{ "private": true }\n' >"$staging/package.json"
  log="$E2E_DIR/code-server-install.log"
  # code-server's postinstall refuses to run as root without --unsafe-perm, and runs `npx node-gyp`,
  # which would wait for a yes without npm_config_yes.
  if ! (cd "$staging" &&
    TMPDIR="$staging/tmp" \
      npm_config_nodedir=/usr \
      npm_config_yes=true \
      npm_config_build_from_source=true \
      npm_config_update_notifier=false \
      JOBS=max \
      npm install --unsafe-perm --foreground-scripts --no-audit --no-fund --loglevel=warn \
      "code-server@$CODE_SERVER_VERSION") >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    say "installing code-server failed; the whole log is $log" >&2
    exit 1
  fi
  rg_bin="$staging/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
  [ -x "$rg_bin" ] || { say "code-server installed without its rg ($rg_bin)" >&2; exit 1; }
  rm -rf "$staging/rg" "$staging/tmp" "$INSTALL_DIR"
  touch "$staging/.installed-$CODE_SERVER_VERSION"
  mv "$staging" "$INSTALL_DIR"
fi

# (Not `code-server --version`: that writes a config file into the home folder.)
version="$(node -p 'require(process.argv[1]).version' "$INSTALL_DIR/node_modules/code-server/package.json")"
say "ready in $((SECONDS - started)) s: code-server $version, $(chromium --version 2>/dev/null)"
