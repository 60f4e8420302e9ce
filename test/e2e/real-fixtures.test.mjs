/**
 * The pages derived from the real apps' sources (test/fixtures/pages/real) in the built
 * extension, browser in en, ja and fr: exactly the expected rules are reported for each, and the
 * findings shown inline sit in open shadow roots of `cosell-*` hosts.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURES, LANGS, launch, listFixtures, openAndSettle, startServer, useSettings } from './harness.mjs';

const REAL = join(FIXTURES, 'real');

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
