#!/usr/bin/env bash
# Installs code-server (VS Code in a browser, from the npm registry) and checks Debian's Chromium and
# ripgrep. With them, the extension's integration and UI tests run in a real VS Code on a machine whose
# only network is the npm registry and Debian's package archive.
#
# Usage: test/vscode/provision.sh [--force]
#   --force   delete the cached install and provision again.
# Environment:
#   CODE_SERVER_DIR   install folder (default: .vscode-test/code-server in the repository, which git ignores).
#
# Idempotent: when the install folder contains a complete install of the expected version, it only checks it.
# Nothing is downloaded except npm packages and, as root, the Debian packages chromium and ripgrep.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
INSTALL_DIR="${CODE_SERVER_DIR:-$REPO_ROOT/.vscode-test/code-server}"
PACKAGE_DIR="$INSTALL_DIR/node_modules/code-server"
VSCODE_DIR="$PACKAGE_DIR/lib/vscode"
MARKER="$INSTALL_DIR/.provisioned"
# VS Code's native modules that the server loads on Linux. kerberos and the Windows-only modules are left
# unbuilt because nothing in the tests loads them.
NATIVE_MODULES=(@parcel/watcher @vscode/spdlog node-pty native-watchdog @vscode/deviceid)
START_SECONDS=$SECONDS

step() {
  printf '[provision %3ds] %s\n' "$((SECONDS - START_SECONDS))" "$*"
}

fail() {
  printf '[provision] error: %s\n' "$*" >&2
  exit 1
}

# Installs the Debian packages that are missing. Only root can, so other users get the command to run.
# CHROMIUM_PATH, which the test runners read too, replaces Debian's Chromium with another build.
ensure_debian_packages() {
  local missing=()
  if [[ -n ${CHROMIUM_PATH:-} ]]; then
    [[ -x $CHROMIUM_PATH ]] || fail "CHROMIUM_PATH is $CHROMIUM_PATH, which is not an executable file"
  elif [[ ! -x /usr/bin/chromium ]]; then
    missing+=(chromium)
  fi
  command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
  if ((${#missing[@]} == 0)); then
    step "chromium and ripgrep are installed"
    return
  fi

  if [[ $(id -u) -ne 0 ]]; then
    fail "missing Debian packages: ${missing[*]}. Run as root: apt-get update && apt-get install -y ${missing[*]}"
  fi
  step "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null

  [[ -n ${CHROMIUM_PATH:-} || -x /usr/bin/chromium ]] || fail "apt-get installed chromium, but /usr/bin/chromium is missing"
  command -v rg >/dev/null 2>&1 || fail "apt-get installed ripgrep, but rg is not on PATH"
}

is_complete() {
  [[ -f $MARKER && $(cat "$MARKER") == "$CODE_SERVER_VERSION" ]] && has_required_files
}

# Checks the files and native modules that a run needs and that a half-finished provisioning would lack.
has_required_files() {
  [[ -f $PACKAGE_DIR/out/node/entry.js ]] || return 1
  [[ -L $VSCODE_DIR/node_modules.asar ]] || return 1
  [[ -x $VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg ]] || return 1
  [[ -f $VSCODE_DIR/node_modules/node-pty/build/Release/pty.node ]] || return 1
  (cd "$INSTALL_DIR" && node -e "require('argon2')" 2>/dev/null) || return 1
  (cd "$VSCODE_DIR" && node -e "for (const name of process.argv.slice(1)) require(name)" \
    "${NATIVE_MODULES[@]}" 2>/dev/null) || return 1
}

install_code_server() {
  rm -rf "$INSTALL_DIR"
  mkdir -p "$INSTALL_DIR"

  # A package.json of its own keeps npm from walking up into the repository's node_modules and lockfile.
  printf '{ "private": true, "description": "code-server for the extension tests; made by test/vscode/provision.sh" }\n' \
    >"$INSTALL_DIR/package.json"

  # code-server's postinstall would run a nested install that downloads ripgrep from GitHub, needs
  # libkrb5-dev for kerberos and prompts inside npx node-gyp, so every install script is skipped and the
  # needed native modules are rebuilt one by one below.
  step "npm install code-server@$CODE_SERVER_VERSION (scripts skipped)"
  (cd "$INSTALL_DIR" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")

  # code-server loads argon2 for password auth even with --auth none, and the registry has no build for it.
  step "building argon2 from source"
  (cd "$INSTALL_DIR" && npm_config_build_from_source=true npm rebuild --loglevel=error argon2)

  step "installing VS Code's runtime dependencies (lib/vscode)"
  (cd "$VSCODE_DIR" && npm install --ignore-scripts --omit=dev --no-audit --no-fund --loglevel=error)

  # npm 11 skips dependencies' install scripts unless package.json approves them, but `npm rebuild NAME` runs
  # the scripts of the packages it names. node-pty runs `npx node-gyp`, which waits for a yes without npm_config_yes.
  step "building VS Code's native modules: ${NATIVE_MODULES[*]}"
  (cd "$VSCODE_DIR" && npm_config_yes=true npm rebuild --loglevel=error "${NATIVE_MODULES[@]}")

  step "installing the built-in extensions' dependencies (lib/vscode/extensions)"
  (cd "$VSCODE_DIR/extensions" && npm install --ignore-scripts --omit=dev --no-audit --no-fund --loglevel=error)

  # @vscode/ripgrep's own install downloads rg from GitHub; findFiles and search work with Debian's rg.
  step "linking ripgrep and recreating code-server's postinstall links"
  mkdir -p "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin"
  ln -sfn "$(command -v rg)" "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg"
  ln -sfn node_modules "$VSCODE_DIR/node_modules.asar"
  ln -sfn code-linux.sh "$VSCODE_DIR/bin/remote-cli/code-server"
  ln -sfn browser-linux.sh "$VSCODE_DIR/bin/helpers/browser.sh"

  has_required_files || fail "the install in $INSTALL_DIR is incomplete after provisioning; see the output above"
  printf '%s' "$CODE_SERVER_VERSION" >"$MARKER"
}

# Starts the installed server once to print its version, which loads its Node modules. code-server writes
# a default config file and logs under XDG_CONFIG_HOME and XDG_DATA_HOME, so those point into the install folder.
check_version() {
  local reported
  reported=$(XDG_CONFIG_HOME="$INSTALL_DIR/xdg/config" XDG_DATA_HOME="$INSTALL_DIR/xdg/data" \
    node "$PACKAGE_DIR/out/node/entry.js" --version 2>/dev/null | tail -n 1) ||
    fail "code-server in $INSTALL_DIR does not start; run $0 --force"
  [[ $reported == "$CODE_SERVER_VERSION"* ]] ||
    fail "code-server in $INSTALL_DIR reports version '$reported', expected $CODE_SERVER_VERSION; run $0 --force"
  step "code-server $reported (VS Code $(node -p "require('$VSCODE_DIR/package.json').version"))"
}

main() {
  if [[ ${1:-} == --force ]]; then
    rm -f "$MARKER"
  elif [[ -n ${1:-} ]]; then
    fail "unknown option '$1'. Usage: $0 [--force]"
  fi

  ensure_debian_packages

  if is_complete; then
    step "code-server $CODE_SERVER_VERSION already provisioned in $INSTALL_DIR"
  else
    install_code_server
  fi

  check_version
  step "done in $((SECONDS - START_SECONDS)) s"
}

main "$@"
