/**
 * Hints that fit the page, in each UI language, at 760 and 1440 px wide and at 200 % zoom: no hint
 * narrower than READABLE_WIDTH (lib/ui/place.ts) unless it is a marker, none in a table cell of its
 * own, at most one line of page growth per collapsed hint, one host per anchor, the page's own
 * label quoted; and a click in a hint never reaches the page's default action.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LANGS, launch, listFixtures, openAndSettle, startServer, useSettings } from './harness.mjs';

const READABLE_WIDTH = 280;
/**
 * One line of the page (CSS px): the shortest field row of the sample pages is taller. A collapsed
 * hint is 24 px and its margins; a form that spaces its rows with a gap adds that gap to it.
 */
const ONE_LINE = 36;
const PAGES = listFixtures().filter((f) => ['dynamics', 'salesforce', 'partner-center'].includes(f.app) && f.meta.rules.length > 0);

/** Measures what our hosts do to the page: widths, cells, growth per collapsed hint, hosts per anchor. */
const measure = (readable) => {
  const hosts = [...document.querySelectorAll('cosell-hint')];
  const out = { hosts: hosts.length, narrow: [], inCell: [], fields: [], lines: [] };
  for (const h of hosts) {
    const hint = h.shadowRoot.querySelector('.hint');
    if (!hint) continue;
    const marker = hint.classList.contains('marker');
    if (!marker && hint.getBoundingClientRect().width < readable)
      out.narrow.push(`${h.getAttribute('data-field')}: ${Math.round(hint.getBoundingClientRect().width)}`);
    if (h.closest('td, th, tr, [role="gridcell"]')) out.inCell.push(h.getAttribute('data-field'));
    out.fields.push(h.getAttribute('data-field'));
    out.lines.push(hint.querySelector('.line')?.textContent ?? hint.getAttribute('aria-label'));
  }
  const height = () => document.documentElement.scrollHeight;
  const withHints = height();
  for (const h of hosts) h.style.display = 'none';
  const without = height();
  for (const h of hosts) h.style.display = '';
  out.growth = withHints - without;
  return out;
};

for (const lang of LANGS) {
  for (const { width, zoom } of [
    { width: 760, zoom: 1 },
    { width: 1440, zoom: 1 },
    { width: 1440, zoom: 2 },
  ]) {
    describe(`Hints fit the page, browser in ${lang}, ${width} px at ${zoom * 100} %`, () => {
      let server;
      let browser;
      let page;
      before(async () => {
        server = await startServer();
        browser = await launch({ port: server.port, lang, zoom: zoom === 1 ? null : zoom });
        page = await browser.context.newPage();
        await page.setViewportSize({ width, height: 900 });
      });
      after(async () => {
        await browser?.close();
        await server?.close();
      });

      for (const f of PAGES) {
        it(`${f.app}/${f.name}`, async () => {
          await useSettings(browser.sw, f.meta.settings);
          await openAndSettle(browser, page, f.url, f.meta.rules);
          const m = await page.evaluate(measure, READABLE_WIDTH);
          assert.deepEqual(m.narrow, [], 'no hint narrower than the readable width');
          assert.deepEqual(m.inCell, [], 'no hint in a table cell or row');
          assert.equal(new Set(m.fields).size, m.fields.length, 'one host per anchor');
          if (m.hosts > 0) assert.ok(m.growth / m.hosts <= ONE_LINE, `page growth ${m.growth} px for ${m.hosts} hints`);
        });
      }

      it("quotes the field's label as the page shows it", async () => {
        const f = listFixtures().find((x) => x.name === 'opportunity-missing-values-ja');
        await useSettings(browser.sw, f.meta.settings);
        await openAndSettle(browser, page, f.url, f.meta.rules);
        const { label, line } = await page.evaluate(() => {
          const host = document.querySelector('cosell-hint[data-field="closeDate"]');
          const container = document.querySelector('[data-id="estimatedclosedate-FieldSectionItemContainer"]');
          return {
            label: container?.querySelector('label')?.textContent?.trim(),
            line: host?.shadowRoot?.querySelector('.hint')?.getAttribute('aria-label'),
          };
        });
        assert.ok(label, 'the page shows a label');
        assert.ok(line?.includes(label), `${line} quotes ${label}`);
      });
    });
  }
}

describe('A click in a hint never reaches the page', () => {
  let server;
  let browser;
  let page;
  before(async () => {
    server = await startServer();
    browser = await launch({ port: server.port });
    page = await browser.context.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("inside the page's label, the hint goes after it: opening it toggles no checkbox and follows no link", async () => {
    const f = listFixtures().find((x) => x.name === 'opportunity-sync-on-fr');
    await useSettings(browser.sw);
    await openAndSettle(browser, page, f.url, f.meta.rules);
    // The page wraps the field in a label of its own checkbox, and in a link (as some forms do).
    await page.evaluate(() => {
      const field = document.querySelector('[data-id$="_referralidentifier-FieldSectionItemContainer"]');
      const label = document.createElement('label');
      const box = Object.assign(document.createElement('input'), { type: 'checkbox', id: 'page-box' });
      field.before(label);
      label.append(box, field);
    });
    await page.waitForFunction(
      () => {
        const host = document.querySelector('cosell-hint');
        return host && !host.closest('label') && host.shadowRoot.querySelector('[data-rule]');
      },
      null,
      { timeout: 5000 },
    );
    await page.locator('cosell-hint button.toggle').first().click();
    assert.equal(await page.evaluate(() => document.getElementById('page-box').checked), false);
  });
});
