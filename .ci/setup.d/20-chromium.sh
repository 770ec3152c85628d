#!/usr/bin/env bash
# Headless Chromium renders the SVG weight-sharing pictures to PNG in test/emit/svg-render.test.ts
# and runs the browser playground in test/web/playground.test.ts (driven by puppeteer-core: no
# browser is downloaded, this one is used).
# Idempotent: does nothing when chromium is already installed.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
chromium --version
