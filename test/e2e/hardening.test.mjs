/**
 * Hardening, on every saved page of the four apps:
 * - zero network: the only requests are the page's own (its URL, its /__fixtures/ assets, the
 *   favicon the browser asks for) and our extension's packaged files;
 * - read-only: the page's DOM outside our `cosell-*` hosts, and every form value, is identical
 *   with and without the extension once the rules ran;
 * - no error from us reaches the page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, listFixtures, openAndSettle, startServer, useSettings } from './harness.mjs';

const APPS = ['dynamics', 'salesforce', 'power-automate', 'partner-center'];

/** The page as its owner sees it: markup without our hosts, plus live form values. */
const serialize = () => {
  const clone = document.documentElement.cloneNode(true);
  for (const el of [...clone.querySelectorAll('*')]) if (el.localName.startsWith('cosell-')) el.remove();
  const values = [...document.querySelectorAll('input, select, textarea')].map((e) => (e.type === 'checkbox' || e.type === 'radio' ? e.checked : e.value));
  return JSON.stringify([clone.outerHTML, values]);
};

describe('hardening: zero network, read-only, no page errors', () => {
  let server;
  let withExt;
  let without;
  const requests = [];
  const pageErrors = [];

  before(async () => {
    server = await startServer();
    withExt = await launch({ port: server.port });
    without = await launch({ port: server.port, extension: false });
    withExt.context.on('request', (r) => requests.push(r.url()));
    withExt.context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`)));
    await useSettings(withExt.sw);
  });
  after(async () => {
    await withExt?.close();
    await without?.close();
    await server?.close();
  });

  for (const f of listFixtures().filter((x) => APPS.includes(x.app))) {
    it(`${f.app}/${f.name}`, async () => {
      const a = await withExt.context.newPage();
      const b = await without.context.newPage();
      requests.length = 0;
      await openAndSettle(withExt, a, f.url, f.meta.rules);
      await b.goto(f.url);
      // Same settle time for the page without the extension (late-rendering pages included).
      await b.waitForTimeout(900);
      await a.waitForTimeout(200);
      const own = new URL(f.url);
      const unexpected = requests.filter((u) => {
        const url = new URL(u);
        if (url.protocol === 'chrome-extension:') return url.host !== withExt.extensionId;
        if (url.protocol === 'data:') return false;
        if (url.hostname === '127.0.0.1' || url.pathname.startsWith('/__fixtures/') || url.pathname === '/favicon.ico') return false;
        // The page itself, and frames it embeds (the Power Apps page embeds the designer).
        return !(url.href === f.url || (url.hostname === own.hostname && url.pathname === own.pathname) || listFixtures().some((x) => x.url === url.href));
      });
      assert.deepEqual(unexpected, []);
      assert.equal(await a.evaluate(serialize), await b.evaluate(serialize));
      for (const frame of a.frames().slice(1)) {
        const twin = b.frames().find((x) => x.url() === frame.url());
        if (twin) assert.equal(await frame.evaluate(serialize), await twin.evaluate(serialize));
      }
      assert.deepEqual(pageErrors, []);
      await a.close();
      await b.close();
    });
  }
});
