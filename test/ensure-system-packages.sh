#!/usr/bin/env bash
# Makes sure the system programs the end-to-end tests drive are present:
# tmux (a real terminal for dashboard tests), dbus-daemon, notify-send and python3-dbus (real desktop notifications),
# zsh and fish (the completion scripts run in each shell).
# As root with apt-get it installs what is missing; otherwise it prints the exact command and fails.
set -euo pipefail
declare -A package_of=([tmux]=tmux [dbus-daemon]=dbus [notify-send]=libnotify-bin [zsh]=zsh [fish]=fish)
missing=()
for program in "${!package_of[@]}"; do
  command -v "$program" >/dev/null 2>&1 || missing+=("${package_of[$program]}")
done
# The fake notification server of the D-Bus test is a small Python D-Bus service.
/usr/bin/python3 -c 'import dbus, gi' >/dev/null 2>&1 || missing+=(python3-dbus python3-gi)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing system packages for the tests: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "The tests need these system packages: ${missing[*]}" >&2
echo "Install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
exit 1
