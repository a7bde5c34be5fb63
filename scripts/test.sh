#!/usr/bin/env bash
# The test command (README quick start, and .ci/run): installs what the tests need, then
# runs the type check and the whole test suite. Run it inside a fresh virtualenv.
set -euo pipefail
cd "$(dirname "$0")/.."

# The browser test drives Debian's Chromium with Playwright (never a downloaded browser).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null
  fi
fi

# torch is pinned to the CPU build that lies on disk (the [st] extra); an unpinned torch
# would pull gigabytes of CUDA.
python -m pip install -q --upgrade pip
python -m pip install -q -e '.[test,st]'

python -m mypy
python -m pytest "$@"
