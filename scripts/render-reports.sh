#!/usr/bin/env bash
# Renders Word files through LibreOffice to PDF and PNG and checks that Chinese text is drawn with a CJK
# font (pdffonts lists one) and survives as text (pdftotext finds the title, no missing-glyph boxes).
# Usage: scripts/render-reports.sh [out-dir] file.docx ...   (default: out/render and out/report-*.docx)
set -euo pipefail
# Arguments are resolved from where the script is called; the defaults from the repository root.
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$(realpath -m "${1:-$root/out/render}")"
shift || true
files=()
for f in "$@"; do files+=("$(realpath "$f")"); done
[ ${#files[@]} -gt 0 ] || files=("$root"/out/report-*.docx)
mkdir -p "$dest"
profile="$(mktemp -d)"
soffice --headless --norestore "-env:UserInstallation=file://$profile" --convert-to pdf --outdir "$dest" "${files[@]}" >/dev/null 2>&1
rm -rf "$profile"
for f in "${files[@]}"; do
  pdf="$dest/$(basename "${f%.docx}").pdf"
  [ -s "$pdf" ] || { echo "未生成 PDF：$pdf"; exit 1; }
  pdffonts "$pdf" | grep -qi "CJK" || { echo "PDF 中没有中文字体：$pdf"; exit 1; }
  text="$(pdftotext "$pdf" -)"
  grep -q "报告\|说明" <<<"$text" || { echo "PDF 中找不到中文正文：$pdf"; exit 1; }
  if grep -q "□" <<<"$text"; then echo "PDF 中有缺字方框：$pdf"; exit 1; fi
  pdftoppm -png -r 70 -f 1 -l 2 "$pdf" "${pdf%.pdf}"
  echo "✓ $pdf（$(pdfinfo "$pdf" | awk '/^Pages/ {print $2}') 页）"
done
