#!/usr/bin/env bash
# Installs a real VS Code (code-server, from the npm registry) into a cache folder outside the repo,
# for the supervision plugin's end-to-end journeys. Idempotent: a finished install leaves a marker
# and the next run returns at once. Prints the install folder on its last line.
#
# Why these steps: a plain `npm i code-server` fails here three ways (a postinstall that downloads
# from GitHub, argon2's prebuilt binary, @vscode/ripgrep's download). Each is side-stepped below.
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE="${COACH_GUARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/coach-guard}"
DIR="$CACHE/code-server-$VERSION"
MARKER="$DIR/.coach-guard-complete"

if [[ -f "$MARKER" ]]; then
  echo "$DIR"
  exit 0
fi

# Some install scripts call `npx node-gyp`; let npx fetch it without a prompt.
export npm_config_yes=true

log() { echo "[ensure-code-server] $*" >&2; }

need_apt=()
command -v rg >/dev/null || need_apt+=(ripgrep)
command -v make >/dev/null || need_apt+=(build-essential)
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
command -v python3 >/dev/null || need_apt+=(python3)
[[ -e /usr/include/gssapi/gssapi.h || -e /usr/include/krb5.h ]] || need_apt+=(libkrb5-dev)
[[ -x /usr/bin/chromium ]] || need_apt+=(chromium)
if ((${#need_apt[@]})); then
  log "apt-get install ${need_apt[*]}"
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${need_apt[@]}" >/dev/null
fi

# Build in a scratch folder and move it into place only when complete, so an interrupted run
# never leaves a half install that looks finished.
WORK="$DIR.partial"
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK"
echo '{"name":"coach-guard-code-server","private":true}' > package.json

log "npm install code-server@$VERSION (scripts off)"
npm install --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$VERSION" >&2
log "rebuild argon2"
npm rebuild argon2 --foreground-scripts --loglevel=error >&2

VS="$WORK/node_modules/code-server/lib/vscode"
cd "$VS"
log "install VS Code's own runtime dependencies"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2
# @vscode/ripgrep's postinstall downloads from GitHub; the system rg is the same program.
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
log "rebuild native modules"
npm rebuild --loglevel=error >&2
ln -sfn node_modules node_modules.asar
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh
log "install built-in extensions' dependencies"
(cd extensions && npm install --omit=dev --no-audit --no-fund --loglevel=error >&2)

cd "$CACHE"
rm -rf "$DIR"
mv "$WORK" "$DIR"
touch "$MARKER"
log "ready: $DIR"
echo "$DIR"
