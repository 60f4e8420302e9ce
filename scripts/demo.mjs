#!/usr/bin/env node
/**
 * `npm run demo`: the built extension on the bundled sample pages, served at their production
 * URLs on this machine, so you can see the hints without a Microsoft tenant.
 * - With a display: opens Chromium on a gallery of the samples; close the browser to stop.
 * - Without one (or with --headless): writes one screenshot per sample page and language, plus the
 *   popup, into demo-screenshots/, and a contact sheet per language (contact-sheet-<lang>.png: every
 *   sample page's hints in one image), and prints their paths.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, ROOT, launch, startServer, tabIdFor } from '../test/e2e/harness.mjs';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const OUT = join(ROOT, 'demo-screenshots');

const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const gallery = (fixtures) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>Co-sell Companion — sample pages</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:860px;margin:32px auto;padding:0 16px}li{margin:6px 0}code{color:#555}</style>
<h1>Co-sell Companion — sample pages</h1>
<p>Each link opens a saved page at its real address (served from this machine). The extension reads it and shows its hints.</p>
<ul>${fixtures.map((f) => `<li><a href="${escape(f.url)}">${escape(f.app)} / ${escape(f.name)}</a> <code>${escape(f.meta.rules.join(', ') || 'no findings expected')}</code></li>`).join('')}</ul>`;

/**
 * Where a page's hints are, in page coordinates, with room around them for the fields they are
 * about (at most 900 × 640 px, from the first hint down); null without hints. Runs in the page.
 */
function hintsBox() {
  const boxes = [...document.querySelectorAll('cosell-hint, cosell-panel')]
    .map((h) => (h.shadowRoot?.querySelector('.hint, .panel, .hidden-line') ?? h).getBoundingClientRect())
    .filter((b) => b.width > 0 && b.height > 0)
    .map((b) => ({
      left: b.left + window.scrollX,
      top: b.top + window.scrollY,
      right: b.right + window.scrollX,
      bottom: b.bottom + window.scrollY,
    }));
  if (boxes.length === 0) return null;
  const pageWidth = document.documentElement.scrollWidth;
  const pageHeight = document.documentElement.scrollHeight;
  const left = Math.max(0, Math.min(...boxes.map((b) => b.left)) - 200);
  const top = Math.max(0, Math.min(...boxes.map((b) => b.top)) - 60);
  const right = Math.min(pageWidth, Math.max(...boxes.map((b) => b.right)) + 40, left + 900);
  const bottom = Math.min(pageHeight, Math.max(...boxes.map((b) => b.bottom)) + 30, top + 640);
  return { x: left, y: top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

/** A page of tiles, two a row: each sample page's caption, the rules it expects, and its hints. */
const contactSheet = (lang, tiles) => `<!doctype html><html lang="${lang}"><meta charset="utf-8">
<style>body{margin:16px;font:13px/1.4 system-ui,sans-serif;background:#eceff3}h1{font-size:18px;margin:0 0 12px}
.grid{display:grid;grid-template-columns:repeat(2,900px);gap:16px;align-items:start}
figure{margin:0;background:#fff;border:1px solid #c8c8d0;border-radius:6px;overflow:hidden}
figcaption{padding:6px 10px;border-bottom:1px solid #e0e0e6}figcaption code{color:#555;font-size:11px}
img{display:block;max-width:900px}</style>
<h1>Co-sell Companion — every sample page's hints (${escape(lang)})</h1>
<div class="grid">${tiles
  .filter((t) => t.png)
  .map(
    (t) =>
      `<figure><figcaption><b>${escape(t.title)}</b><br><code>${escape(t.rules.join(', ') || 'no findings expected')}</code></figcaption><img alt="" src="data:image/png;base64,${t.png}"></figure>`,
  )
  .join('')}</div>
<p>No hint on: ${escape(
  tiles
    .filter((t) => !t.png)
    .map((t) => t.title)
    .join(', ') || 'none',
)}.</p>`;

const server = await startServer({ gallery });

if (!headless) {
  const browser = await launch({ port: server.port, headless: false });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(`https://127.0.0.1:${server.port}/`);
  console.log(`Demo running: sample gallery at https://127.0.0.1:${server.port}/ — close the browser window to stop.`);
  await new Promise((ok) => browser.context.on('close', ok));
  await server.close();
  process.exit(0);
}

const written = [];
for (const lang of LANGS) {
  const dir = join(OUT, lang);
  mkdirSync(dir, { recursive: true });
  const browser = await launch({ port: server.port, lang });
  try {
    const page = await browser.context.newPage();
    const tiles = [];
    for (const f of server.fixtures) {
      const t0 = Date.now();
      await page.goto(f.url);
      if (f.meta.rules.length > 0) {
        await page
          .locator('cosell-hint [data-rule], cosell-panel [data-rule]')
          .first()
          .waitFor({ state: 'attached', timeout: 5000 })
          .catch(() => undefined);
      }
      await page.waitForTimeout(300);
      // Open the first hint's disclosure (why, and how to fix) so the screenshot shows it.
      await page.evaluate(() => {
        const details = document.querySelector('cosell-hint')?.shadowRoot?.querySelector('details');
        if (details) details.open = true;
      });
      await page.waitForTimeout(50);
      const file = join(dir, `${f.app}-${f.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      written.push(file);
      const clip = await page.evaluate(hintsBox);
      tiles.push({
        title: `${f.app} / ${f.name}`,
        rules: f.meta.rules,
        png: clip ? (await page.screenshot({ clip, fullPage: true })).toString('base64') : null,
      });
      console.log(`  ${lang} ${f.app}/${f.name} (${Date.now() - t0} ms)`);
    }
    // The contact sheet: every sample page's hints, as they sit on the page, in one image.
    const sheet = await browser.context.newPage();
    await sheet.setViewportSize({ width: 1880, height: 900 });
    await sheet.setContent(contactSheet(lang, tiles));
    await sheet.waitForFunction(() => [...document.images].every((i) => i.complete));
    const sheetFile = join(OUT, `contact-sheet-${lang}.png`);
    await sheet.screenshot({ path: sheetFile, fullPage: true });
    written.push(sheetFile);
    await sheet.close();
    // The popup's views, about the "everything wrong" opportunity: the tab goes back to it (it showed
    // every sample in turn, and the popup is about what its tab shows now).
    const problems = server.fixtures.find((f) => f.name === 'opportunity-problems');
    await page.goto(problems.url);
    await page.locator('cosell-hint [data-rule]').first().waitFor({ state: 'attached', timeout: 5000 });
    await page.waitForTimeout(300);
    const popupTab = await tabIdFor(browser.sw, problems.url);
    // Its set-up is ticked from the solution pages seen above.
    const popup = await browser.context.newPage();
    // As wide as Chrome opens it from the toolbar (the screenshot shows the whole height).
    await popup.setViewportSize({ width: 530, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${popupTab}`);
    await popup.locator('[data-state]').first().waitFor();
    for (const view of ['page', 'setup', 'troubleshoot', 'settings', 'plan']) {
      await popup.locator(`#tab-${view}`).click();
      await popup.locator(`#panel-${view}`).waitFor();
      await popup.evaluate(() => document.querySelector('[role="tabpanel"] details')?.setAttribute('open', ''));
      const pfile = join(dir, `popup-${view}.png`);
      await popup.screenshot({ path: pfile, fullPage: true });
      written.push(pfile);
    }
    await popup.close();
  } finally {
    await browser.close();
  }
}
await server.close();
console.log(`Wrote ${written.length} screenshots:`);
for (const f of written) console.log(`  ${f}`);
