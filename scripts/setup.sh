#!/usr/bin/env bash
# Installs what is missing, and only that: the wasm target, the wasm-bindgen CLI at the
# version Cargo.lock pins, trunk, the npm dev tools (wasm-opt, the browser-test driver)
# and, with --browser, Debian's Chromium and ChromeDriver. Safe to run again; fast when
# nothing is missing. Sourced by scripts/serve and scripts/test.
set -euo pipefail

TRUNK_VERSION=0.21.14
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The CLI must match the wasm-bindgen crate exactly; Cargo.lock is the one source of truth.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! grep -q "wasm_bindgen = \"$bindgen_version\"" Trunk.toml; then
  echo "Trunk.toml pins a wasm_bindgen version other than Cargo.lock's $bindgen_version; update Trunk.toml." >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  say "Installing wasm-bindgen-cli $bindgen_version (a few minutes, once)"
  # Without --locked: the CLI's own lock file names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "Installing trunk $TRUNK_VERSION (about 15 minutes, once)"
  # With --locked: newer dependency versions no longer build with this toolchain.
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing the npm dev tools"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "${1:-}" = "--browser" ]; then
  # Chromium for the browser tests; PHP for the test of the MediaWiki extension in examples/;
  # poppler's pdftotext to read the printed board's PDF.
  missing=()
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then missing+=(chromium chromium-driver); fi
  if ! command -v php >/dev/null; then missing+=(php-cli); fi
  if ! command -v pdftotext >/dev/null; then missing+=(poppler-utils); fi
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing Debian's ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then apt_get=(apt-get); else apt_get=(sudo apt-get); fi
    "${apt_get[@]}" update -qq
    DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq "${missing[@]}" >/dev/null
  fi
fi
