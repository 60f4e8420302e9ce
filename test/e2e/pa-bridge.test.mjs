/**
 * The Power Automate bridge in real Chromium, once per UI language: fixture pages whose scripts make
 * the portal's own API calls (fetch and XMLHttpRequest; test/fixtures/pages/power-automate/_api.js),
 * answered here with JSON in the documented shapes (test/fixtures/bridge/power-automate/api). With
 * the calls, findings come from the data (off-screen and collapsed steps, an off-screen failed action,
 * the outputs' message behind `BadRequest`, a solution's flows the virtualized list has not rendered
 * and a state its text has not caught up with); without them (`api=0`), from the DOM. A body that
 * is not JSON, one over the bound and one the page aborts change nothing. No request is ours, and
 * the page's results are the same with and without the extension.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LANGS, ROOT, launch, listFixtures, openAndSettle, startServer, tabIdFor, useSettings } from './harness.mjs';

const BRIDGE = join(ROOT, 'test/fixtures/bridge');
const API = join(BRIDGE, 'power-automate/api');
const OUTPUTS_HOST = 'prod-12.westeurope.logic.azure.com';
// Where the solution page's lists come from: the environment's Dataverse and the flow service.
const HOSTS = [OUTPUTS_HOST, 'orgfixture.crm.dynamics.com', 'api.flow.microsoft.com'];
const PAGES = ['designer-40-steps', 'run-failed-offscreen', 'run-bad-request', 'solution-virtualized'];
const fixtures = listFixtures(BRIDGE).filter((f) => f.app === 'power-automate');
const fixture = (name) => fixtures.find((f) => f.name === name);
const alias = (f) => f.meta.aliases[0];

/** The portal's API, as the fixture server answers it. */
function api(url, req, res) {
  const path = url.pathname;
  const cors = { 'access-control-allow-origin': req.headers.origin ?? '*', 'access-control-allow-credentials': 'true' };
  const json = (name) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...cors });
    res.end(readFileSync(join(API, `${name}.json`)));
    return true;
  };
  const which = url.searchParams.get('cosell');
  if (which === 'not-json') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...cors });
    res.end('<html><body>Sign in to continue</body></html>');
    return true;
  }
  if (which === 'huge') {
    // Over the 2 MiB bound, sent in chunks without a content-length: the text's length decides.
    res.writeHead(200, { 'content-type': 'application/json', ...cors });
    res.write('{"value":[');
    const run = JSON.stringify({ name: 'r', properties: { status: 'Failed', pad: 'x'.repeat(1000) } });
    for (let i = 0; i < 2500; i++) res.write((i ? ',' : '') + run);
    res.end(']}');
    return true;
  }
  if (which === 'stall') {
    // Headers and half a body, then nothing: the page aborts it.
    res.writeHead(200, { 'content-type': 'application/json', ...cors });
    res.write('{"value":[{"name":"Create_referral","properties":{"status":"Failed"');
    return true;
  }
  if (/\/contents\/ActionOutputs$/.test(path)) return json('run-badrequest-outputs');
  if (/\/apis\/shared_office365\/connections$/.test(path)) return json('connections');
  if (/\/flows\/[^/]+\/runs\/\w+CU00$/.test(path)) return json('run-offscreen');
  if (/\/flows\/[^/]+\/runs\/\w+CU11$/.test(path)) return json('run-badrequest');
  if (/\/flows\/[^/]+\/runs\/\w+CU11\/actions$/.test(path)) return json('run-badrequest-actions');
  if (/\/Microsoft\.ProcessSimple\/environments\/[^/]+\/flows\/[^/]+$/.test(path)) return json('flow');
  if (/\/Microsoft\.ProcessSimple\/environments\/[^/]+\/flows$/.test(path)) return json('solution-flows');
  if (/\/api\/data\/v9\.\d+\/msdyn_solutioncomponentsummaries$/.test(path)) return json('solution-summaries');
  return false;
}

const reported = async (browser, page) => {
  const tabId = await tabIdFor(browser.sw, page.url().split('#')[0]);
  return browser.sw.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null, tabId);
};

for (const lang of LANGS) {
  describe(`Power Automate bridge, browser in ${lang}`, () => {
    let server;
    let browser;
    before(async () => {
      server = await startServer({ extraRoots: [BRIDGE], api });
      browser = await launch({ port: server.port, lang, extraHosts: HOSTS });
      await useSettings(browser.sw, {});
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const name of PAGES) {
      it(`${name}: findings from the API data the page received, and the report says so`, async () => {
        const f = fixture(name);
        const page = await browser.context.newPage();
        assert.deepEqual(await openAndSettle(browser, page, f.url, f.meta.rules.api), [...f.meta.rules.api].sort());
        await page.evaluate(() => window.__done);
        const { sources } = (await reported(browser, page)).frames['0'];
        assert.ok(sources?.api?.length, JSON.stringify(sources));
        await page.close();
      });

      it(`${name}: findings from the DOM when the page made no API call`, async () => {
        const f = fixture(name);
        const page = await browser.context.newPage();
        assert.deepEqual(await openAndSettle(browser, page, alias(f), f.meta.rules.dom), [...f.meta.rules.dom].sort());
        const frame = (await reported(browser, page)).frames['0'];
        assert.ok(frame.findings, 'reported');
        assert.equal(frame.sources, undefined);
        await page.close();
      });
    }

    it('designer: the hint lists off-screen and collapsed steps, on the rendered card that shows a problem', async () => {
      const f = fixture('designer-40-steps');
      const page = await browser.context.newPage();
      await openAndSettle(browser, page, f.url, f.meta.rules.api);
      const finding = (await reported(browser, page)).frames['0'].findings.find((x) => x.rule === 'flow.connection-missing');
      assert.deepEqual(String(finding.params.steps).split(', '), f.meta.steps.api);
      assert.equal(finding.field, 'step:List_rows');
      const inCard = await page.evaluate(
        () =>
          [...document.querySelectorAll('cosell-hint')].filter(
            (h) => h.shadowRoot?.querySelector('[data-rule="flow.connection-missing"]') && h.closest('[data-id="List_rows"]'),
          ).length,
      );
      // Beside the card (the layer places hints on the canvas beside their node) or in it.
      const beside = await page.evaluate(() => document.querySelectorAll('cosell-hint, cosell-panel').length);
      assert.ok(inCard + beside > 0);
      await page.close();
    });

    for (const via of ['api', 'dom']) {
      it(`solution: the next flow to turn on and the flows on too early, from the ${via === 'api' ? 'lists the page fetched' : 'rendered rows'}`, async () => {
        const f = fixture('solution-virtualized');
        const page = await browser.context.newPage();
        await openAndSettle(browser, page, via === 'api' ? f.url : alias(f), f.meta.rules[via]);
        const { findings, sources } = (await reported(browser, page)).frames['0'];
        const order = findings.filter((x) => x.rule === 'flow.activation-order');
        // The rendered row still says Off for a flow the flow list says is on; the data wins.
        assert.deepEqual(
          order.filter((x) => x.severity === 'info').map((x) => x.params.flow),
          [f.meta.next[via]],
        );
        // The parent flow is on while its child flows are off, in a row the list has not rendered.
        const early = order.filter((x) => x.severity === 'warning').map((x) => x.params.flow);
        assert.deepEqual(early, via === 'api' ? ['Partner Center to Dynamics 365 (Insider Preview)'] : []);
        assert.equal(sources?.api?.includes('flows') ?? false, via === 'api', JSON.stringify(sources));
        if (via === 'api') {
          const inPanel = await page.evaluate(
            () =>
              [...document.querySelectorAll('cosell-panel')].filter((h) =>
                h.shadowRoot?.querySelector('[data-rule="flow.child-flows-first"]'),
              ).length,
          );
          assert.equal(inPanel, 1, 'the row is not rendered: its finding is in the panel');
        }
        await page.close();
      });
    }

    it('run: the failed action that is not rendered goes to the summary panel', async () => {
      const f = fixture('run-failed-offscreen');
      const page = await browser.context.newPage();
      await openAndSettle(browser, page, f.url, f.meta.rules.api);
      const inPanel = await page.evaluate(
        () =>
          [...document.querySelectorAll('cosell-panel')].filter((h) =>
            h.shadowRoot?.querySelector('[data-rule="error.workflow-trigger-not-found"]'),
          ).length,
      );
      assert.equal(inPanel, 1);
      await page.close();
    });
  });
}

describe('Power Automate bridge: the page is unchanged and no request is ours', () => {
  let server;
  let withUs;
  let without;
  before(async () => {
    server = await startServer({ extraRoots: [BRIDGE], api });
    withUs = await launch({ port: server.port, extraHosts: HOSTS });
    without = await launch({ port: server.port, extension: false, extraHosts: HOSTS });
    await useSettings(withUs.sw, {});
  });
  after(async () => {
    await withUs?.close();
    await without?.close();
    await server?.close();
  });

  for (const name of PAGES) {
    it(`${name}: the same fetch and XHR results, and the same requests, with and without the extension`, async () => {
      const f = fixture(name);
      const results = [];
      const requests = [];
      for (const browser of [withUs, without]) {
        const from = server.requests.length;
        const page = await browser.context.newPage();
        if (browser === withUs) await openAndSettle(browser, page, f.url, f.meta.rules.api);
        else await page.goto(f.url);
        await page.evaluate(() => window.__done);
        // Time for anything of ours to go out (it would show here); the aborted call has settled.
        await page.waitForTimeout(500);
        results.push(await page.evaluate(() => JSON.stringify(window.__results)));
        requests.push(server.requests.slice(from).sort());
        await page.close();
      }
      assert.equal(results[0], results[1]);
      assert.deepEqual(requests[0], requests[1]);
      const r = JSON.parse(results[0]);
      if (name === 'designer-40-steps') {
        assert.equal(r[2].json, 'not json', 'the page read the body that is not JSON');
        assert.ok(r[3].length > 2_097_152, 'the page read the whole huge body');
        assert.equal(r[4].error, 'AbortError', 'the page aborted its call');
      }
    });
  }
});
