#!/usr/bin/env node
/**
 * `npm run demo`: the built extension on the bundled sample pages, served at their production
 * URLs on this machine, so you can see the hints without a Microsoft tenant.
 * - With a display: opens Chromium on a gallery of the samples; close the browser to stop.
 * - Without one (or with --headless): writes one screenshot per sample page and language, plus the
 *   popup, into demo-screenshots/, and prints their paths.
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
    for (const f of server.fixtures) {
      const t0 = Date.now();
      await page.goto(f.url);
      if (f.meta.rules.length > 0) {
        await page.locator('cosell-hint [data-rule], cosell-panel [data-rule]').first().waitFor({ timeout: 5000 }).catch(() => undefined);
      }
      await page.waitForTimeout(300);
      // Open the first hint's fix steps so the screenshot shows them.
      await page.evaluate(() => {
        const details = document.querySelector('cosell-hint')?.shadowRoot?.querySelector('details');
        if (details) details.open = true;
      });
      const file = join(dir, `${f.app}-${f.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      written.push(file);
      console.log(`  ${lang} ${f.app}/${f.name} (${Date.now() - t0} ms)`);
    }
    // The popup's views, about the "everything wrong" opportunity: the tab goes back to it (it showed
    // every sample in turn, and the popup is about what its tab shows now).
    const problems = server.fixtures.find((f) => f.name === 'opportunity-problems');
    await page.goto(problems.url);
    await page.locator('cosell-hint [data-rule]').first().waitFor({ timeout: 5000 });
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
