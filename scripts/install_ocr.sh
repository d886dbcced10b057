#!/usr/bin/env bash
# Tesseract with its English model (OCR of scanned PDFs) and the DejaVu font the scanned test
# letters are drawn in, from Debian's packages. Idempotent.
set -euo pipefail

if command -v tesseract >/dev/null \
    && compgen -G "/usr/share/tesseract-ocr/*/tessdata/eng.traineddata" >/dev/null \
    && [[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]]; then
    exit 0
fi
SUDO=""
if [[ "$(id -u)" != "0" ]]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends tesseract-ocr tesseract-ocr-eng fonts-dejavu-core
