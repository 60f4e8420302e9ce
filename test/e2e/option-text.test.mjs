/**
 * A hint names the choice it asks for as the page shows it: on a Japanese Dynamics form whose
 * "Sync with Partner Center" is a radio group of いいえ / はい, the fix step quotes はい and the label.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, listFixtures, messages, openAndSettle, startServer, useSettings } from './harness.mjs';

for (const lang of ['ja', 'fr']) {
  describe(`The page's option text, browser in ${lang}`, () => {
    let server;
    let browser;
    before(async () => {
      server = await startServer();
      browser = await launch({ port: server.port, lang });
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('quotes はい as the Japanese page shows it, whatever the browser language', async () => {
      const m = messages(lang);
      const f = listFixtures().find((x) => x.name === 'opportunity-sync-off-ja');
      await useSettings(browser.sw, f.meta.settings);
      const page = await browser.context.newPage();
      await openAndSettle(browser, page, f.url, f.meta.rules);
      const text = await page.evaluate(
        () => document.querySelector('cosell-hint[data-field="syncWithPartnerCenter"]')?.shadowRoot?.textContent ?? '',
      );
      const step = m.crm_sync_disabled_fix1.message.replace('{label}', 'パートナー センターと同期').replace('{option}', 'はい');
      assert.ok(text.includes(step), `the fix step quotes the page's words: ${text}`);
      assert.ok(!text.includes('{option}'));
      await page.close();
    });
  });
}
