#!/usr/bin/env bash
# Browser tests of Camunda Tasklist (run by `./mvnw verify`, module services/tasklist-e2e; -Dskip.e2e skips them).
# Installs what a fresh machine lacks: Debian's chromium (apt) and playwright-core (npm ci, pinned in
# package-lock.json). Starts the local stack from services/local-stack/target/local-stack.jar on free ports,
# runs the journeys in tests/, and leaves screenshots in target/screenshots/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if [[ -z "${CHROMIUM:-}" ]] && ! command -v chromium > /dev/null; then
  echo "tasklist-e2e: installing Debian's chromium"
  sudo_if_needed=()
  [[ "$(id -u)" != 0 ]] && sudo_if_needed=(sudo)
  "${sudo_if_needed[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_if_needed[@]}" apt-get install -y -qq --no-install-recommends chromium > /dev/null
fi
export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"

# without a CJK font Chromium draws every Chinese character of Tasklist and the forms as a box
if ! fc-list :lang=zh 2> /dev/null | grep -q .; then
  echo "tasklist-e2e: installing a CJK font (fonts-noto-cjk)"
  sudo_if_needed=()
  [[ "$(id -u)" != 0 ]] && sudo_if_needed=(sudo)
  "${sudo_if_needed[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_if_needed[@]}" apt-get install -y -qq --no-install-recommends fonts-noto-cjk > /dev/null
fi

if ! command -v node > /dev/null; then
  echo "tasklist-e2e: installing Node.js"
  sudo_if_needed=()
  [[ "$(id -u)" != 0 ]] && sudo_if_needed=(sudo)
  "${sudo_if_needed[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_if_needed[@]}" apt-get install -y -qq --no-install-recommends nodejs npm > /dev/null
fi
npm ci --no-audit --no-fund --loglevel=error

mkdir -p target
exec node run.mjs
