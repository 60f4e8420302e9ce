/**
 * The Dynamics 365 Xrm bridge in real Chromium, once per UI language: a form whose DOM the DOM
 * reader cannot read but whose client API has the values, a form whose Xrm throws (the DOM is
 * read), a value changed through Xrm with no DOM change (the pushed answer re-reads), and no request
 * of ours. Pages: test/fixtures/bridge/dynamics, with the Xrm of test/fixtures/pages/dynamics/_xrm.js.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LANGS, ROOT, launch, listFixtures, openAndSettle, startServer, tabIdFor, useSettings } from './harness.mjs';

const BRIDGE = join(ROOT, 'test/fixtures/bridge');
const fixture = (name) => listFixtures(BRIDGE).find((f) => f.name === name);

for (const lang of LANGS) {
  describe(`Dynamics 365 Xrm bridge, browser in ${lang}`, () => {
    let server;
    let browser;
    before(async () => {
      server = await startServer({ extraRoots: [BRIDGE] });
      browser = await launch({ port: server.port, lang });
      await useSettings(browser.sw, {});
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('reads the values from Xrm where the DOM shows them in controls the DOM reader cannot read', async () => {
      const f = fixture('opportunity-xrm-values');
      const page = await browser.context.newPage();
      assert.deepEqual(await openAndSettle(browser, page, f.url, f.meta.rules.xrm), [...f.meta.rules.xrm].sort());
      assert.notDeepEqual(f.meta.rules.xrm, f.meta.rules.dom, 'the DOM alone says something else');
      // The close-date hint sits beside the field the client API named.
      const field = await page.evaluate(
        () =>
          [...document.querySelectorAll('cosell-hint')]
            .filter((h) => h.shadowRoot?.querySelector('[data-rule="crm.close-date-past"]'))
            // In the field's container, or right after it when the container has no room.
            .map((h) => (h.closest('[data-id$="-FieldSectionItemContainer"]') ?? h.previousElementSibling)?.getAttribute('data-id'))[0],
      );
      assert.equal(field, 'estimatedclosedate-FieldSectionItemContainer');
      await page.close();
    });

    it('re-reads when a value changes through Xrm without the DOM changing', async () => {
      const f = fixture('opportunity-xrm-values');
      const page = await browser.context.newPage();
      await openAndSettle(browser, page, f.url, f.meta.rules.xrm);
      await page.evaluate(() => {
        const a = window.Xrm.Page.getAttribute('msp_syncwithpartnercenter');
        a.setValue(false);
        a.fireOnChange();
      });
      // Sync off is said in the popup (and inline only with a sign of intent): ask what was reported.
      const tabId = await tabIdFor(browser.sw, page.url().split('#')[0]);
      const reported = async () =>
        browser.sw.evaluate(
          async (id) => ((await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`]?.frames?.['0']?.findings ?? []).map((x) => x.rule),
          tabId,
        );
      let rules = [];
      for (let i = 0; i < 50 && !rules.includes('crm.sync-disabled'); i++) {
        await page.waitForTimeout(100);
        rules = await reported();
      }
      assert.ok(rules.includes('crm.sync-disabled'), rules.join(', '));
      await page.close();
    });

    it('reads the DOM when Xrm throws', async () => {
      const f = fixture('opportunity-xrm-throws');
      const page = await browser.context.newPage();
      assert.deepEqual(await openAndSettle(browser, page, f.url, f.meta.rules.dom), [...f.meta.rules.dom].sort());
      await page.close();
    });

    it("changes nothing in the page's Xrm and makes no request of its own", async () => {
      const before = server.requests.length;
      const f = fixture('opportunity-xrm-values');
      const page = await browser.context.newPage();
      await openAndSettle(browser, page, f.url, f.meta.rules.xrm);
      const values = await page.evaluate(() =>
        window.Xrm.Page.data.entity.attributes.get().map((a) => [a.getName(), JSON.stringify(a.getValue())]),
      );
      assert.deepEqual(Object.fromEntries(values).msp_syncwithpartnercenter, 'true');
      assert.equal(Object.fromEntries(values).estimatedclosedate, JSON.stringify(new Date(2024, 2, 31)));
      const made = server.requests.slice(before).map((u) => new URL(u).pathname);
      assert.deepEqual([...new Set(made)].sort(), ['/__fixtures/dynamics/_page.css', '/__fixtures/dynamics/_xrm.js', '/main.aspx']);
      await page.close();
    });
  });
}
