#!/bin/sh
# Installs the Debian/Ubuntu packages Retention Desktop needs to show its window: a CJK font
# (without one, Chinese renders as empty boxes) and the xcb libraries Qt's X11 plugin loads;
# and Xvfb, the X server without a screen that the test suite opens the real window on.
# Installs only what is missing; as root directly, otherwise through sudo. Elsewhere it stops
# with a message naming the packages to install by hand.
set -eu

PACKAGES="fonts-noto-cjk libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 \
libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3 \
xvfb xauth"

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "Retention Desktop needs a CJK font (Noto Sans CJK SC) and Qt's xcb libraries;" \
         "this is not a Debian-based system, so install their equivalents of: $PACKAGES" >&2
    exit 1
fi

missing=""
for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $package"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "These system packages are missing and installing them needs root:$missing" >&2
    exit 1
fi
echo "Installing system packages:$missing"
# shellcheck disable=SC2086
if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing; }; then
    echo "Could not install these system packages:$missing" >&2
    exit 1
fi
