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
# - code-server runs only on the Node major it was built for, so the release depends on this Node:
#   scripts/e2e/code-server-versions.json names one for Node 20, 22 and 24 (test/vscode/harness/install.ts
#   reads the same file).
# - @vscode/ripgrep (inside code-server up to the Node 22 releases) downloads rg in its postinstall unless it
#   finds a tarball in its cache under $TMPDIR; we put Debian's rg there. Newer releases use
#   @vscode/ripgrep-universal, which has rg in its npm package.
# - apt-get waits up to ten minutes for another apt or dpkg process to let go of its lock.
# - npm_config_build_from_source keeps node-pre-gyp and prebuild-install from trying to download
#   prebuilt binaries (argon2, kerberos) before they compile them.
# - npm_config_nodedir (the prefix of this Node, /usr for Debian's) has node-gyp use Node's headers from
#   <prefix>/include/node instead of downloading them.
set -euo pipefail
cd "$(dirname "$0")/../.."

say() { printf 'e2e setup: %s\n' "$*"; }
started=$SECONDS

# --- which code-server -----------------------------------------------------------------------------
# Before anything is installed, so that an unsupported Node stops the script at once.
# Prints: the code-server version, then the @vscode/ripgrep version and its rg release ("-" for none).
command -v node >/dev/null 2>&1 || { say "Node.js is missing: install Node 20, 22 or 24" >&2; exit 1; }
if ! release="$(node -e '
  const table = require(process.argv[1]);
  const major = process.versions.node.split(".")[0];
  const supported = Object.keys(table).filter((key) => key !== "//");
  const entry = major === "//" ? undefined : table[major];
  if (!entry) {
    const list = supported.slice(0, -1).join(", ") + " or " + supported.at(-1);
    console.error(`e2e setup: the tests in VS Code need Node ${list} (code-server runs only on the Node it was built for); this is Node ${process.versions.node}. Install one of those (nvm install ${supported.at(-1)}, or Debian'"'"'s nodejs package) and run this again.`);
    process.exit(1);
  }
  console.log([entry.codeServer, entry.ripgrep ? entry.ripgrep.package : "-", entry.ripgrep ? entry.ripgrep.release : "-"].join(" "));
' "$PWD/scripts/e2e/code-server-versions.json")"; then
  exit 1
fi
read -r CODE_SERVER_VERSION RIPGREP_PACKAGE_VERSION RIPGREP_RELEASE <<<"$release"

E2E_DIR="${CODEBOOM_E2E_DIR:-$PWD/.e2e}"
mkdir -p "$E2E_DIR"
E2E_DIR="$(cd "$E2E_DIR" && pwd)"
INSTALL_DIR="$E2E_DIR/code-server"
STAMP="$INSTALL_DIR/.installed-$CODE_SERVER_VERSION"

# apt-get update takes the lock of the package lists, for which apt (2.6) has no timeout: try again while
# another process holds it, for up to ten minutes. DPkg::Lock::Timeout makes apt-get install wait for the
# dpkg lock (and newer apt honours it for the lists too).
APT_LOCK_WAIT=600
apt_update() {
  local out waited=0
  while :; do
    if out="$("${sudo[@]}" env LC_ALL=C apt-get -o DPkg::Lock::Timeout=$APT_LOCK_WAIT update -qq 2>&1)"; then
      return 0
    fi
    if [ "$waited" -lt "$APT_LOCK_WAIT" ] && grep -q 'Could not get lock' <<<"$out"; then
      [ "$waited" -gt 0 ] || say "another apt process is updating the package lists; waiting for it (at most $((APT_LOCK_WAIT / 60)) minutes)"
      sleep 5
      waited=$((waited + 5))
      continue
    fi
    printf '%s\n' "$out" >&2
    return 1
  done
}

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
    apt_update
    "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=$APT_LOCK_WAIT install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
for cmd in rg chromium c++ make python3 nvim; do
  command -v "$cmd" >/dev/null 2>&1 || { say "'$cmd' is missing; install the Debian packages: $PACKAGES" >&2; exit 1; }
done

# --- code-server -----------------------------------------------------------------------------------
node_prefix="$(dirname "$(dirname "$(node -p process.execPath)")")"
if [ ! -f "$node_prefix/include/node/node.h" ] && [ ! -f "$STAMP" ]; then
  say "Node's headers are not in $node_prefix/include/node, and code-server's native modules are built with them: install a Node that comes with them (Debian's or NodeSource's nodejs package, or nvm)" >&2
  exit 1
fi
if [ -f "$STAMP" ]; then
  say "code-server $CODE_SERVER_VERSION is installed in $INSTALL_DIR"
else
  say "installing code-server $CODE_SERVER_VERSION into $INSTALL_DIR (about a minute and a half)"
  staging="$E2E_DIR/code-server.partial"
  rm -rf "$staging"
  mkdir -p "$staging/tmp"
  if [ "$RIPGREP_PACKAGE_VERSION" != - ]; then
    # The tarball @vscode/ripgrep's postinstall would download: ripgrep-<release>-<target>.tar.gz.
    case "$(uname -m)" in
      x86_64) rg_target=x86_64-unknown-linux-musl ;;
      aarch64) rg_target=aarch64-unknown-linux-musl ;;
      *) say "no rg for @vscode/ripgrep on $(uname -m); only x86_64 and aarch64 are set up" >&2; exit 1 ;;
    esac
    mkdir -p "$staging/tmp/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION" "$staging/rg"
    cp "$(command -v rg)" "$staging/rg/rg"
    tar -czf "$staging/tmp/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION/ripgrep-$RIPGREP_RELEASE-$rg_target.tar.gz" -C "$staging/rg" rg
  fi
  printf '{ "private": true }\n' >"$staging/package.json"
  log="$E2E_DIR/code-server-install.log"
  # code-server's postinstall refuses to run as root without --unsafe-perm, and runs `npx node-gyp`,
  # which would wait for a yes without npm_config_yes.
  if ! (cd "$staging" &&
    TMPDIR="$staging/tmp" \
      npm_config_nodedir="$node_prefix" \
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
  vscode_modules="$staging/node_modules/code-server/lib/vscode/node_modules"
  if [ "$RIPGREP_PACKAGE_VERSION" != - ]; then
    rg_bin="$vscode_modules/@vscode/ripgrep/bin/rg"
  else
    rg_bin="$vscode_modules/@vscode/ripgrep-universal/bin/linux-$(node -p process.arch)/rg"
  fi
  [ -x "$rg_bin" ] || { say "code-server installed without its rg ($rg_bin)" >&2; exit 1; }
  rm -rf "$staging/rg" "$staging/tmp" "$INSTALL_DIR"
  touch "$staging/.installed-$CODE_SERVER_VERSION"
  mv "$staging" "$INSTALL_DIR"
fi

# (Not `code-server --version`: that writes a config file into the home folder.)
version="$(node -p 'require(process.argv[1]).version' "$INSTALL_DIR/node_modules/code-server/package.json")"
say "ready in $((SECONDS - started)) s: code-server $version, $(chromium --version 2>/dev/null)"
