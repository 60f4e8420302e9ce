/**
 * The extension's life around open tabs, in the built extension:
 * - custom domains: a domain added in the popup gets the app's content script, removed it loses it;
 * - the service worker stopped by the browser loses nothing (tab findings, badge, custom scripts);
 * - the extension updated under an open tab (a new version installed from disk): the orphaned
 *   content script removes its hints and goes quiet without an error on the page, settings survive,
 *   the new popup says to reload the tab, and the reloaded tab is read by the new version.
 *
 * The browser's permission prompt cannot be answered in a headless test, so the custom-domain test
 * runs a copy of the extension whose manifest already grants `https://*.mcas.ms/*`: the popup's
 * request then resolves at once, and everything after it (storage, registration, injection) is real.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  EXTENSION,
  FIXTURES,
  POLICY_DIR,
  canWritePolicy,
  launch,
  listFixtures,
  messages,
  openAndSettle,
  openPopup,
  reinstallExtension,
  shownRules,
  startServer,
  tabIdFor,
  useSettings,
} from './harness.mjs';

const m = messages('en');
const fixture = listFixtures().find((f) => f.app === 'dynamics' && f.name === 'opportunity-sync-off');
/** A record whose hints show on the page (sync off alone is said in the popup only). */
const proxiedFixture = listFixtures().find((f) => f.app === 'dynamics' && f.name === 'opportunity-sync-off-ja');
const PROXY_HOST = 'contoso.crm.dynamics.com.mcas.ms';
const proxied = (url) => Object.assign(new URL(url), { host: PROXY_HOST }).href;

/** Serves the fixture at the proxy host (Defender for Cloud Apps rewrites the host, keeps the path). */
async function serveProxied(page) {
  await page.route(`https://${PROXY_HOST}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/__fixtures/')) {
      const file = join(FIXTURES, decodeURIComponent(url.pathname.slice('/__fixtures/'.length)));
      return route.fulfill({ body: readFileSync(file), contentType: extname(file) === '.css' ? 'text/css' : 'application/octet-stream' });
    }
    return route.fulfill({ body: readFileSync(proxiedFixture.file, 'utf8'), contentType: 'text/html; charset=utf-8' });
  });
}

async function settledRules(page, ms = 1500) {
  await page.waitForTimeout(ms);
  return [...new Set(await shownRules(page))].sort();
}

const registered = (sw) =>
  sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({ id: s.id, matches: s.matches, js: s.js })));

async function until(check, what, timeout = 8000) {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > timeout) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A copy of the built extension whose manifest grants `https://*.mcas.ms/*` (see the top of this file). */
function copyGrantingProxy(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(EXTENSION, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions.push('https://*.mcas.ms/*');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

describe('custom domains in the built extension', () => {
  let server;
  let browser;
  let dir;

  before(async () => {
    server = await startServer();
    dir = copyGrantingProxy('cosell-mcas-');
    browser = await launch({ port: server.port, extensionPath: dir });
    await useSettings(browser.sw);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads nothing on the proxy until the domain is added; then reads it as the chosen app; removed, stops', async () => {
    const page = await browser.context.newPage();
    await serveProxied(page);
    await page.goto(proxied(proxiedFixture.url));
    assert.deepEqual(await settledRules(page), [], 'no content script on a domain nobody added');
    assert.deepEqual(await registered(browser.sw), []);

    const popup = await openPopup(browser);
    await popup.getByRole('tab', { name: m.popup_tab_settings.message }).click();
    await popup.getByLabel(m.custom_domain.message).fill(`https://${PROXY_HOST}/main.aspx?etn=opportunity`);
    await popup.getByLabel(m.custom_app.message).selectOption('dynamics');
    await popup.getByRole('button', { name: m.custom_add.message }).click();
    await popup
      .getByRole('status')
      .filter({ hasText: m.custom_granted.message.replace('{host}', PROXY_HOST) })
      .waitFor();
    const scripts = await until(async () => {
      const s = await registered(browser.sw);
      return s.length ? s : null;
    }, 'the custom script to be registered');
    assert.deepEqual(scripts, [{ id: 'custom-dynamics', matches: [`https://${PROXY_HOST}/*`], js: ['content-scripts/dynamics.js'] }]);

    await page.bringToFront();
    await page.reload();
    await until(async () => (await settledRules(page, 200)).join() === proxiedFixture.meta.rules.join(), 'the hints on the proxied page');
    // The popup knows the tab as a Dynamics 365 page.
    const tabId = await tabIdFor(browser.sw, `https://${PROXY_HOST}/*`);
    const pinned = await openPopup(browser, tabId);
    await pinned.locator('[data-state="findings"] [data-rule="crm.sync-disabled"]').waitFor();
    await pinned.close();

    await popup.bringToFront();
    await popup.getByRole('button', { name: m.custom_remove.message.replace('{host}', PROXY_HOST) }).click();
    await until(async () => (await registered(browser.sw)).length === 0, 'the custom script to be unregistered');
    await page.bringToFront();
    await page.reload();
    assert.deepEqual(await settledRules(page), []);
    await popup.close();
    await page.close();
  });
});

describe('custom domains an administrator lists, in the built extension', () => {
  let server;
  let dir;

  before(async () => {
    server = await startServer();
    dir = copyGrantingProxy('cosell-mcas-policy-');
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the domain the policy lists as the app it names, once allowed, with nothing added by the user', async (t) => {
    if (!canWritePolicy()) return t.skip(`needs write access to ${POLICY_DIR} (run as root) to install a Chromium policy`);
    const profile = mkdtempSync(join(tmpdir(), 'cosell-profile-'));
    // A first start only to learn the copy's ID (an unpacked extension's ID follows its path).
    let browser = await launch({ port: server.port, extensionPath: dir, profile });
    const id = browser.extensionId;
    await useSettings(browser.sw);
    await browser.close();
    const file = join(POLICY_DIR, `cosell-companion-test-${process.pid}-domains.json`);
    writeFileSync(
      file,
      JSON.stringify({ '3rdparty': { extensions: { [id]: { customDomains: [{ host: '*.mcas.ms', app: 'dynamics' }] } } } }),
    );
    browser = null;
    try {
      browser = await launch({ port: server.port, extensionPath: dir, profile });
      // The browser answers for its policies seconds after it starts; the script follows that answer.
      const scripts = await until(
        async () => {
          const s = await registered(browser.sw);
          return s.length ? s : null;
        },
        'the custom script to be registered',
        20000,
      );
      assert.deepEqual(scripts, [{ id: 'custom-dynamics', matches: ['https://*.mcas.ms/*'], js: ['content-scripts/dynamics.js'] }]);
      assert.equal(
        await browser.sw.evaluate(async () => (await chrome.storage.local.get('customHosts')).customHosts),
        undefined,
        'nothing stored as the user own',
      );
      const page = await browser.context.newPage();
      await serveProxied(page);
      await page.goto(proxied(proxiedFixture.url));
      await until(async () => (await settledRules(page, 200)).join() === proxiedFixture.meta.rules.join(), 'the hints on the proxied page');
      const popup = await openPopup(browser);
      await popup.getByRole('tab', { name: m.popup_tab_settings.message }).click();
      const row = popup.locator('[data-custom-host="*.mcas.ms"]');
      await row.waitFor();
      assert.equal(await row.getAttribute('data-locked'), 'admin');
      assert.equal(await row.getAttribute('data-granted'), 'yes');
      await popup.close();
      await page.close();
    } finally {
      rmSync(file, { force: true });
      await browser?.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

describe('extension lifecycle with open tabs', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launch({ port: server.port });
    await useSettings(browser.sw);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loses nothing when the browser stops the service worker', async () => {
    const page = await browser.context.newPage();
    assert.deepEqual(await openAndSettle(browser, page, fixture.url, fixture.meta.rules), fixture.meta.rules);
    const tabId = await tabIdFor(browser.sw, fixture.url);
    const badge = await browser.sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

    await browser.sw.evaluate(() => (globalThis.__before = true));
    const popup = await openPopup(browser);
    const cdp = await popup.context().newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await popup.close();

    // The popup wakes a new worker, which answers from the in-memory storage what the old one had stored.
    const pinned = await openPopup(browser, tabId);
    await pinned.locator('[data-state="findings"] [data-rule="crm.sync-disabled"]').waitFor();
    const sw = browser.context.serviceWorkers().at(-1);
    assert.equal(await sw.evaluate(() => globalThis.__before ?? 'a new worker'), 'a new worker');
    assert.equal(await sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), badge);
    // The page's own script keeps working with the new worker: a change is read and reported.
    await page.bringToFront();
    await page.locator('select[data-id$="checkbox-select"]').first().selectOption('1');
    // Sync on: what now matters shows on the page.
    await until(async () => (await shownRules(page)).includes('crm.solution-missing'), 'the page to be read again');
    browser.sw = sw;
    await pinned.close();
    await page.close();
  });
});

describe('extension updated under an open tab', () => {
  let server;
  let browser;
  let dir;

  before(async () => {
    server = await startServer();
    // A copy, so the test can put a new version on disk and have the browser install it.
    dir = mkdtempSync(join(tmpdir(), 'cosell-update-'));
    cpSync(EXTENSION, dir, { recursive: true });
    browser = await launch({ port: server.port, extensionPath: dir, debugging: true });
    await useSettings(browser.sw, { disabledRules: ['crm.close-date-past'] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the old script removes its hints at once and goes quiet without an error; the popup says to reload; a reload reads the page again', async () => {
    const page = await browser.context.newPage();
    assert.deepEqual(await openAndSettle(browser, page, fixture.url, fixture.meta.rules), fixture.meta.rules);
    const tabId = await tabIdFor(browser.sw, fixture.url);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));

    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, version: '0.1.1' }));
    const sw = await reinstallExtension(browser);
    assert.equal(await sw.evaluate(() => chrome.runtime.getManifest().version), '0.1.1');

    await until(
      async () => (await page.evaluate(() => document.querySelectorAll('cosell-hint, cosell-panel').length)) === 0,
      'the orphaned hints to go',
    );
    // The page keeps changing; the orphaned script neither reads nor writes anything.
    await page.locator('select[data-id$="checkbox-select"]').first().selectOption('1');
    await page.waitForTimeout(800);
    assert.equal(await page.evaluate(() => document.querySelectorAll('cosell-hint, cosell-panel').length), 0);
    assert.deepEqual(errors, []);

    // The update kept the user's settings.
    assert.deepEqual((await sw.evaluate(() => chrome.storage.local.get('settings'))).settings.disabledRules, ['crm.close-date-past']);
    // The new popup knows the tab as a Dynamics 365 page it has not read, and says what to do.
    const popup = await openPopup(browser, tabId);
    const notRead = popup.locator('[data-state="not-read"]');
    await notRead.waitFor();
    assert.equal(await notRead.textContent(), m.popup_notRead.message.replace('{app}', m.app_dynamics.message));

    // Reloaded, the tab is read by the new version.
    await page.bringToFront();
    assert.deepEqual(await openAndSettle(browser, page, fixture.url, fixture.meta.rules), fixture.meta.rules);
    await popup.reload();
    await popup.locator('[data-state="findings"] [data-rule="crm.sync-disabled"]').waitFor();
    assert.deepEqual(errors, []);
    await popup.close();
    await page.close();
  });
});
