#!/usr/bin/env bash
# Installs the real tools monspec's tests run: promtool + prometheus (Debian `prometheus`), amtool +
# alertmanager (Debian `prometheus-alertmanager`) and Chromium for the docs-site browser test.
# Idempotent: installs only what is missing. Needs root (or sudo) and Debian's package repositories.
set -euo pipefail

need=()
command -v promtool >/dev/null 2>&1 || need+=(prometheus)
command -v amtool >/dev/null 2>&1 || need+=(prometheus-alertmanager)
{ command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; } || need+=(chromium)

if [ ${#need[@]} -eq 0 ]; then
  echo "install-tools: promtool, amtool and chromium are already installed"
else
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "install-tools: installing ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The Debian packages start system services on install; the tests start their own on loopback.
for svc in prometheus prometheus-alertmanager prometheus-node-exporter; do
  if command -v systemctl >/dev/null 2>&1; then systemctl stop "$svc" >/dev/null 2>&1 || true; fi
done

promtool --version 2>&1 | head -n 1
amtool --version 2>&1 | head -n 1
chromium --version 2>/dev/null || /usr/bin/chromium --version
