/**
 * The built extension in real Chromium, once per UI language: the Dynamics 365 reader and the
 * `crm.sync-disabled` rule end to end, from the saved page to the hint and the popup.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LANGS, launch, listFixtures, messages, shownRules, startServer, tabIdFor } from './harness.mjs';

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

    it('shows the localized hint beside "Sync with Partner Center" when sync is off', async () => {
      const page = await browser.context.newPage();
      await page.goto(fixture('opportunity-sync-off').url);
      const hint = page.locator('cosell-hint [data-rule="crm.sync-disabled"]');
      await hint.waitFor();
      assert.equal(await hint.getAttribute('data-severity'), 'info');
      assert.equal((await hint.locator('.msg').textContent()).trim(), m.crm_sync_disabled_info.message);
      const inside = await page.evaluate(() => {
        const host = document.querySelector('cosell-hint');
        return {
          open: host?.shadowRoot?.mode,
          field: host?.parentElement?.getAttribute('data-id'),
        };
      });
      assert.equal(inside.open, 'open');
      assert.match(inside.field, /_syncwithpartnercenter-FieldSectionItemContainer$/);
      assert.deepEqual(await shownRules(page), ['crm.sync-disabled']);
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
        for (let i = 0; i < 50 && !(await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`]?.frames?.['0']; i++) await new Promise((r) => setTimeout(r, 100));
      }, tabId);
      assert.deepEqual(await shownRules(page), []);
      assert.equal(await page.locator('cosell-hint, cosell-panel').count(), 0);
      await page.close();
    });

    it('finds the field on a form that renders late', async () => {
      const page = await browser.context.newPage();
      await page.goto(fixture('opportunity-late-render').url);
      await page.locator('cosell-hint [data-rule="crm.sync-disabled"]').waitFor({ timeout: 5000 });
      assert.deepEqual(await shownRules(page), ['crm.sync-disabled']);
      await page.close();
    });

    it('lists the same finding in the popup for that tab', async () => {
      const page = await browser.context.newPage();
      const { url } = fixture('opportunity-sync-off');
      await page.goto(url);
      await page.locator('cosell-hint').waitFor();
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
