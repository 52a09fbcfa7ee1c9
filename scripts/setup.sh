#!/usr/bin/env bash
# Install everything ocrmesh needs into .venv, idempotently.
# System packages (Debian/Ubuntu, as root or with sudo): Tesseract 5 with German
# data, fonts for the synthetic test documents, Node.js for the buf linter, Chromium and its
# driver for the web console's browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(tesseract-ocr tesseract-ocr-deu tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-osd hunspell-de-de hunspell-en-us fonts-dejavu-core fonts-liberation2 docker-compose postgresql prometheus jq chromium chromium-driver)
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if ((${#missing[@]})); then
  echo "setup: installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $PYTHON"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.requirements.sha256
want=$(cat requirements.txt requirements-models.txt constraints.txt pyproject.toml | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: installing Python packages (pinned; the model stack is several GB the first time)"
  .venv/bin/python -m pip install -q --upgrade pip 2>&1 | grep -v "is ignored" || true
  .venv/bin/python -m pip install -q -c constraints.txt -r requirements.txt -r requirements-models.txt 2>&1 \
    | grep -v "is ignored" || true
  .venv/bin/python -m pip install -q --no-deps -e . 2>&1 | grep -v "is ignored" || true
  .venv/bin/python -c "import grpc, pymupdf, tesserocr, fastapi, torch, transformers, surya, docling"
  echo "$want" > "$stamp"
fi

# buf (contract lint and breaking-change check) and axe-core (the console's accessibility test),
# pinned in tools/package.json.
if command -v npm >/dev/null 2>&1 && { [ ! -x tools/node_modules/.bin/buf ] || [ ! -f tools/node_modules/axe-core/axe.min.js ]; }; then
  echo "setup: installing buf and axe-core into tools/"
  (cd tools && npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi
echo "setup: done"
