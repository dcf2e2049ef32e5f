#!/usr/bin/env bash
# Sets up what the end-to-end tests and the demo need: VS Code for the web (code-server, pinned),
# Debian's Chromium with fonts that draw Vietnamese marks, ripgrep and Neovim.
# Idempotent: a finished install leaves a stamp, and a second run only checks. Everything is cached
# outside the working tree, in $KEHOACH_E2E_CACHE (default ~/.cache/kehoach-e2e).
#
# Why the install is done by hand: code-server's postinstall refuses to run as root, and the
# @vscode/ripgrep package downloads its binary from GitHub, which this kind of machine cannot reach.
# So the packages are installed without their scripts, the native modules are rebuilt from source,
# Debian's rg stands in for the downloaded one, and the links postinstall.sh would make are made here.
set -euo pipefail

# code-server 4.100.x (VS Code 1.100.3) is the last line that runs on Node 20.
CODE_SERVER_VERSION=4.100.3
CACHE="${KEHOACH_E2E_CACHE:-$HOME/.cache/kehoach-e2e}"
PREFIX="$CACHE/code-server-$CODE_SERVER_VERSION"
PACKAGE="$PREFIX/node_modules/code-server"
STAMP="$PREFIX/.installed"

# Debian bookworm packages. chromium: the browser the tests drive; fonts-noto-*: without them
# Chromium stacks the tone marks of Vietnamese letters; ripgrep: VS Code's search; neovim: the
# second editor; libkrb5-dev, make, g++, python3: to build code-server's native modules.
APT_PACKAGES=(chromium fonts-noto-core fonts-noto-mono ripgrep neovim libkrb5-dev make g++ python3)
# Native modules of VS Code's server that must be built for this Node.
NATIVE_MODULES=(@parcel/watcher @vscode/spdlog kerberos native-watchdog node-pty @vscode/deviceid)

started=$SECONDS
log() { printf '[e2e setup %4ds] %s\n' "$((SECONDS - started))" "$*" >&2; }

install_apt_packages() {
  local missing=()
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return
  log "installing Debian packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# code-server writes a default config file where it is told to: keep it in the cache, not in ~/.config.
code_server() { node "$PACKAGE/out/node/entry.js" --config "$PREFIX/config.yaml" "$@"; }

code_server_works() {
  [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$CODE_SERVER_VERSION" ] && code_server --version >/dev/null 2>&1
}

install_code_server() {
  log "installing code-server $CODE_SERVER_VERSION into $PREFIX"
  rm -rf "$PREFIX"
  mkdir -p "$PREFIX"
  export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false npm_config_loglevel=error
  # node-gyp builds against the headers installed with Node instead of downloading them.
  local node_prefix
  node_prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
  [ -f "$node_prefix/include/node/node.h" ] && export npm_config_nodedir="$node_prefix"

  npm install --no-save --ignore-scripts --prefix "$PREFIX" "code-server@$CODE_SERVER_VERSION" >/dev/null

  cd "$PACKAGE/lib/vscode"
  log "installing VS Code's server modules"
  npm install --omit=dev --ignore-scripts >/dev/null
  # npm_config_yes: some build scripts call npx, which would otherwise ask before installing.
  log "building native modules: ${NATIVE_MODULES[*]}"
  npm_config_yes=true npm rebuild "${NATIVE_MODULES[@]}" >/dev/null
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sfn "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  # The links code-server's postinstall.sh makes.
  ln -sfn node_modules node_modules.asar
  ln -sfn code-linux.sh bin/remote-cli/code-server
  ln -sfn browser-linux.sh bin/helpers/browser.sh

  cd extensions
  log "installing the built-in extensions' modules"
  npm install --omit=dev --ignore-scripts >/dev/null

  # argon2 (password hashing, unused with --auth none but loaded at start) is hoisted to the top.
  cd "$PREFIX"
  log "building argon2"
  npm rebuild argon2 >/dev/null

  code_server --version >/dev/null
  printf '%s' "$CODE_SERVER_VERSION" >"$STAMP"
}

install_apt_packages
if code_server_works; then
  log "code-server $CODE_SERVER_VERSION already installed in $PREFIX"
else
  install_code_server
fi
log "ready in $((SECONDS - started)) s: $PACKAGE/out/node/entry.js ($(code_server --version | grep -m1 'with Code'))"
