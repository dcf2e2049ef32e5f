#!/usr/bin/env bash
# Renders the print form of every preview fixture and seed plan so a person can look at it:
#   <name>-preview-top.png / -preview-end.png / -preview.png   the sheet in headless Chromium
#   <name>-docx-<page>.png                                      the .docx export through LibreOffice
# into test/artifacts/ (git-ignored). Both come from the real CLI (`kehoach export`), so what is
# seen is what a user gets. Needs: chromium, libreoffice (libreoffice-writer-nogui), pdftoppm
# (poppler-utils), fonts-liberation2 or Times New Roman.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=test/artifacts
CHROMIUM=${KEHOACH_CHROMIUM:-/usr/bin/chromium}

missing() {
  echo "render-look: $1 is missing; install it with: apt-get install -y $2" >&2
  exit 2
}
[ -x "$CHROMIUM" ] || missing "$CHROMIUM" chromium
command -v libreoffice >/dev/null || missing libreoffice libreoffice-writer-nogui
command -v pdftoppm >/dev/null || missing pdftoppm poppler-utils

node scripts/build.mjs
mkdir -p "$OUT"
rm -f "$OUT"/*.png "$OUT"/*.pdf

plans=(test/fixtures/preview/*.md)
if [ -d ../shared/seeds ]; then plans+=(../shared/seeds/*.md); fi

for plan in "${plans[@]}"; do
  name=$(basename "$plan" .md)
  node bin/kehoach.js export --format html --problems "$plan" -o "$OUT/$name.html" 2>/dev/null
  node bin/kehoach.js export --format docx "$plan" -o "$OUT/$name.docx" 2>/dev/null
done

# The sheets, as the preview shows them: the first A4 page, the closing block, and the whole.
node - "$CHROMIUM" "$OUT" <<'SCRIPT'
const { readdirSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { chromium } = require('playwright-core');
const [executablePath, out] = process.argv.slice(2);
(async () => {
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 860, height: 1160 } });
  for (const file of readdirSync(out).filter((name) => name.endsWith('.html'))) {
    const base = join(out, file.replace(/\.html$/, ''));
    await page.goto(`file://${resolve(out, file)}`);
    await page.screenshot({ path: `${base}-preview-top.png` });
    await page.screenshot({ path: `${base}-preview.png`, fullPage: true });
    const closing = await page.evaluate(() => {
      const box = document.querySelector('.kh-closing').getBoundingClientRect();
      return { top: box.top + window.scrollY, height: box.height };
    });
    const top = Math.max(0, closing.top - 320);
    await page.screenshot({ path: `${base}-preview-end.png`, fullPage: true, clip: { x: 0, y: top, width: 860, height: closing.height + 380 } });
  }
  await browser.close();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
SCRIPT

# The Word documents, through LibreOffice (its own profile, so a running instance does not interfere).
profile=$(mktemp -d)
libreoffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$OUT" "$OUT"/*.docx >/dev/null 2>&1
rm -rf "$profile"
for pdf in "$OUT"/*.pdf; do
  pdftoppm -r 70 -png "$pdf" "${pdf%.pdf}-docx"
done

echo "render-look: $(ls "$OUT"/*.png | wc -l) images in $OUT/"
