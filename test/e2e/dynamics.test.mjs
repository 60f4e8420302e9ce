/**
 * The built extension in real Chromium, once per UI language: the Dynamics 365 reader and the
 * `crm.sync-disabled` rule end to end, from the saved page to the hint and the popup.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LANGS, launch, listFixtures, messages, openAndSettle, shownRules, startServer, tabIdFor } from './harness.mjs';

const fixture = (name) => listFixtures().find((f) => f.app === 'dynamics' && f.name === name);

for (const lang of LANGS) {
  describe(`Dynamics 365 opportunity, browser in ${lang}`, () => {
    let server;
    let browser;
    const m = messages(lang);

    before(async () => {
      server = await startServer();
      browser = await launch({ port: server.port, lang });
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('runs in the requested UI language', async () => {
      const ui = await browser.sw.evaluate(() => chrome.i18n.getUILanguage());
      assert.match(ui, new RegExp(`^${lang}`));
    });

    it('says sync off without a sign of co-sell intent in the popup only: the page gets no hint (a normal state)', async () => {
      const page = await browser.context.newPage();
      const f = fixture('opportunity-sync-off');
      assert.deepEqual(await openAndSettle(browser, page, f.url, f.meta.rules), ['crm.sync-disabled']);
      assert.deepEqual(await shownRules(page), []);
      assert.equal(await page.locator('cosell-hint, cosell-panel').count(), 0);
      await page.close();
    });

    it('shows the localized hint beside the field, quoting its label as the page shows it', async () => {
      const page = await browser.context.newPage();
      const f = fixture('opportunity-sync-on-fr');
      await openAndSettle(browser, page, f.url, f.meta.rules);
      const hint = page.locator('cosell-hint [data-rule="crm.not-yet-synced"]');
      assert.equal(await hint.getAttribute('data-severity'), 'info');
      assert.equal((await hint.locator('.msg').textContent()).trim(), m.crm_not_yet_synced_msg.message);
      const inside = await page.evaluate(() => {
        const host = document.querySelector('cosell-hint');
        return {
          open: host?.shadowRoot?.mode,
          // In the field's container, or right after it where the container lays out a grid.
          field: (host?.parentElement?.closest('[data-id$="-FieldSectionItemContainer"]') ?? host?.previousElementSibling)?.getAttribute(
            'data-id',
          ),
          label: (host?.parentElement?.closest('[data-id$="-FieldSectionItemContainer"]') ?? host?.previousElementSibling)
            ?.querySelector('label')
            ?.textContent?.trim(),
          name: host?.shadowRoot?.querySelector('.hint')?.getAttribute('aria-label'),
        };
      });
      assert.equal(inside.open, 'open');
      assert.match(inside.field, /_referralidentifier-FieldSectionItemContainer$/);
      assert.ok(inside.name.includes(inside.label), `${inside.name} quotes ${inside.label}`);
      await page.close();
    });

    it('shows no hint when sync is on', async () => {
      const page = await browser.context.newPage();
      await page.goto(fixture('opportunity-sync-on').url);
      await page.locator('[data-id="editFormRoot"]').waitFor();
      // Give the content script its pass (it reports even an empty result to the background).
      await page.waitForFunction(() => document.readyState === 'complete');
      const tabId = await tabIdFor(browser.sw, fixture('opportunity-sync-on').url);
      await browser.sw.evaluate(async (id) => {
        for (let i = 0; i < 50 && !(await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`]?.frames?.['0']; i++)
          await new Promise((r) => setTimeout(r, 100));
      }, tabId);
      assert.deepEqual(await shownRules(page), []);
      assert.equal(await page.locator('cosell-hint, cosell-panel').count(), 0);
      await page.close();
    });

    it('finds the field on a form that renders late', async () => {
      const page = await browser.context.newPage();
      const f = fixture('opportunity-late-render');
      assert.deepEqual(await openAndSettle(browser, page, f.url, f.meta.rules), ['crm.sync-disabled']);
      await page.close();
    });

    it('lists the same finding in the popup for that tab', async () => {
      const page = await browser.context.newPage();
      const { url, meta } = fixture('opportunity-sync-off');
      await openAndSettle(browser, page, url, meta.rules);
      const tabId = await tabIdFor(browser.sw, url);
      assert.ok(tabId, 'the fixture tab is visible to the extension');
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
      const item = popup.locator('[data-state="findings"] [data-rule="crm.sync-disabled"]');
      await item.waitFor();
      assert.equal((await popup.locator('h1').textContent()).trim(), m.extName.message);
      assert.equal((await item.locator('.msg').textContent()).trim(), m.crm_sync_disabled_info.message);
      assert.equal(await popup.title(), m.extName.message);
      await popup.close();
      await page.close();
    });
  });
}
