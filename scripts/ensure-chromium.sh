#!/bin/sh
# The extension's end-to-end tests drive Debian's Chromium; nothing is downloaded from elsewhere.
set -eu
CHROMIUM="${CG_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing; install Debian's chromium package (apt-get install -y chromium) or set CG_CHROMIUM" >&2
  exit 1
fi
echo "ensure-chromium: installing Debian's chromium package" >&2
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
