/**
 * Settings → Clear stored data, in the browser: a hint dismissed on a record stays away after a
 * reload, and is back once the user clears the stored data from the popup.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, listFixtures, messages, openAndSettle, openPopup, startServer, useSettings } from './harness.mjs';

async function waitStored(browser, ok) {
  for (let i = 0; i < 50; i++) {
    const list = await browser.sw.evaluate(async () => (await chrome.storage.local.get('dismissedHints')).dismissedHints);
    if (ok(list)) return list;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the dismissal was not stored');
}

const fieldsShown = (page) => page.evaluate(() => [...document.querySelectorAll('cosell-hint')].map((h) => h.getAttribute('data-field')));

describe('Clear stored data brings dismissed hints back', () => {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launch({ port: server.port, lang: 'en' });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('dismiss, reload, clear in Settings, reload', async () => {
    const m = messages('en');
    const f = listFixtures().find((x) => x.name === 'opportunity-missing-values-ja');
    await useSettings(browser.sw, f.meta.settings);
    const page = await browser.context.newPage();
    await openAndSettle(browser, page, f.url, f.meta.rules);
    const before = await fieldsShown(page);
    assert.ok(before.length > 0, 'the page has hints');
    const field = before[0];
    await page.locator(`cosell-hint[data-field="${field}"]`).locator(`button.dismiss`).first().click();
    // The dismissal is written to storage.local by the content script; wait until it is there.
    await waitStored(browser, (list) => Array.isArray(list) && list.length > 0);
    await page.reload();
    await openAndSettle(browser, page, f.url, f.meta.rules);
    assert.ok(!(await fieldsShown(page)).includes(field), 'the dismissed hint stays away after a reload');

    const popup = await openPopup(browser);
    await popup.getByRole('tab', { name: m.popup_tab_settings.message }).click();
    await popup.getByRole('button', { name: m.clear_action.message }).click();
    await popup.getByRole('alertdialog').waitFor();
    await popup.getByRole('button', { name: m.clear_yes.message, exact: true }).click();
    await popup.getByText(m.clear_done.message).waitFor();
    const stored = await browser.sw.evaluate(async () => (await chrome.storage.local.get('dismissedHints')).dismissedHints);
    assert.deepEqual(stored, []);
    await popup.close();

    await openAndSettle(browser, page, f.url, f.meta.rules);
    assert.ok((await fieldsShown(page)).includes(field), 'the hint is back after clearing');
    await page.close();
  });
});
