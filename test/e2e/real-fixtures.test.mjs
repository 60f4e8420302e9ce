/**
 * The pages derived from the real apps' sources (test/fixtures/pages/real) in the built
 * extension, browser in en, ja and fr: exactly the expected rules are reported for each, and the
 * findings shown inline sit in open shadow roots of `cosell-*` hosts.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURES, LANGS, ROOT, launch, listFixtures, openAndSettle, openPopup, startServer, tabIdFor, useSettings } from './harness.mjs';

const REAL = join(FIXTURES, 'real');
const UNRECOGNISED = join(ROOT, 'test/fixtures/unrecognised');
const SECRETS = ['Contoso', 'jane', 'Jane', '1517', '1,517', '+33', 'Top secret'];

for (const lang of LANGS) {
  describe(`Pages derived from the real apps, browser in ${lang}`, () => {
    let server;
    let browser;
    let page;

    before(async () => {
      server = await startServer({ extraRoots: [REAL] });
      browser = await launch({ port: server.port, lang });
      page = await browser.context.newPage();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    const pages = listFixtures(REAL);
    it('has derived pages of the three apps with public sources', () =>
      assert.deepEqual([...new Set(pages.map((f) => f.app))].sort(), ['dynamics', 'power-automate', 'salesforce']));

    for (const f of pages) {
      it(`${f.app}/${f.name}: ${f.meta.rules.join(', ') || 'no findings'}`, async () => {
        await useSettings(browser.sw, f.meta.settings);
        const shown = await openAndSettle(browser, page, f.url, f.meta.rules);
        assert.deepEqual(shown, [...new Set(f.meta.rules)].sort());
        const bad = await page.evaluate(
          () =>
            [...document.querySelectorAll('*')].filter(
              (h) => h.localName.startsWith('cosell-') && (!h.shadowRoot || h.shadowRoot.mode !== 'open'),
            ).length,
        );
        assert.equal(bad, 0);
      });
    }
  });
}

describe('A deal page no reader recognises', () => {
  let server;
  let browser;
  before(async () => {
    server = await startServer({ extraRoots: [UNRECOGNISED] });
    browser = await launch({ port: server.port });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the popup says it was not recognised, and the page structure it copies holds none of the values', async () => {
    const [f] = listFixtures(UNRECOGNISED);
    await useSettings(browser.sw);
    const page = await browser.context.newPage();
    await page.goto(f.url);
    let tabId = null;
    for (let i = 0; i < 80 && tabId === null; i++) {
      tabId = await tabIdFor(browser.sw, f.url);
      const state = tabId && (await browser.sw.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`], tabId));
      if (!state?.frames?.['0']?.unrecognised) tabId = null;
      if (tabId === null) await page.waitForTimeout(100);
    }
    assert.ok(tabId, 'reported as not recognised');
    const popup = await openPopup(browser, tabId);
    await popup.waitForSelector('[data-state="unrecognised"] [data-action="copy-structure"]');
    // What the button copies, asked the same way the popup asks.
    const text = await popup.evaluate(async (id) => chrome.tabs.sendMessage(id, { type: 'cosell:page-structure' }, { frameId: 0 }), tabId);
    assert.match(text, /main role=main #deal-#/);
    for (const s of SECRETS) assert.ok(!text.includes(s), s);
    await popup.click('[data-action="copy-structure"]');
    // Copied, or (a headless browser may refuse the clipboard) shown for the user to copy.
    await popup.waitForSelector('[data-state="unrecognised"] span[role="status"], #page-structure');
    const shown = await popup.evaluate(() => document.getElementById('page-structure')?.value ?? null);
    if (shown !== null) for (const s of SECRETS) assert.ok(!shown.includes(s), s);
    await popup.close();
    await page.close();
  });
});
