/**
 * Every saved CRM page in the built extension, in each UI language: exactly the expected rule IDs
 * are shown in `cosell-*` shadow roots, and in-app navigation leaves one set of hints for the
 * current record and nothing behind.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LANGS, launch, listFixtures, openAndSettle, shownRules, startServer, useSettings } from './harness.mjs';

const APPS = ['dynamics', 'salesforce', 'power-automate', 'partner-center'];

for (const lang of LANGS) {
  describe(`Saved pages of the four apps, browser in ${lang}`, () => {
    let server;
    let browser;
    let page;

    before(async () => {
      server = await startServer();
      browser = await launch({ port: server.port, lang });
      page = await browser.context.newPage();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const f of listFixtures().filter((x) => APPS.includes(x.app))) {
      it(`${f.app}/${f.name}: ${f.meta.rules.join(', ') || 'no hints'}`, async () => {
        await useSettings(browser.sw, f.meta.settings);
        const shown = await openAndSettle(browser, page, f.url, f.meta.rules);
        assert.deepEqual(shown, [...new Set(f.meta.rules)].sort());
        // Each hint is in an open shadow root of a cosell-* host, with a severity.
        const bad = await page.evaluate(() =>
          [...document.querySelectorAll('*')]
            .filter((h) => h.localName.startsWith('cosell-'))
            .filter((h) => !h.shadowRoot || h.shadowRoot.mode !== 'open' || [...h.shadowRoot.querySelectorAll('[data-rule]')].some((e) => !['error', 'warning', 'info'].includes(e.getAttribute('data-severity')))).length,
        );
        assert.equal(bad, 0);
      });
    }

    it('solution page: names the next flow to turn on, and follows flows turned on in place (no reload)', async () => {
      const f = listFixtures().find((x) => x.name === 'solution-flows-salesforce-ja');
      await useSettings(browser.sw);
      await openAndSettle(browser, page, f.url, f.meta.rules);
      const hintRow = () =>
        page.evaluate(() => {
          const host = document.querySelector('cosell-hint');
          const el = host?.shadowRoot?.querySelector('[data-rule]');
          return { rule: el?.getAttribute('data-rule'), severity: el?.getAttribute('data-severity'), row: host?.closest('[role="row"]')?.querySelector('a')?.textContent };
        });
      assert.deepEqual(await hintRow(), { rule: 'flow.activation-order', severity: 'info', row: 'Partner Center Microsoft Co-sell Referral Updates to Salesforce (Insider Preview)' });
      await page.evaluate(() => window.cosellFixtureSetState(3, true));
      await page.waitForFunction(() => document.querySelector('cosell-hint')?.closest('[role="row"]')?.querySelector('a')?.textContent === 'Partner Center to Salesforce CRM (Insider Preview)', null, { timeout: 5000 });
      // Turning on a later flow too early: a warning on that row.
      await page.evaluate(() => window.cosellFixtureSetState(6, true));
      await page.waitForFunction(
        () => [...document.querySelectorAll('cosell-hint')].some((h) => h.shadowRoot?.querySelector('[data-severity="warning"]') && h.closest('[role="row"]')?.querySelector('a')?.textContent === 'Salesforce Opportunity to Partner Center (Insider Preview)'),
        null,
        { timeout: 5000 },
      );
    });

    it('after 20 in-app navigations between records, shows one set of hints for the current record and nothing left over', async () => {
      const f = listFixtures().find((x) => x.name === 'opportunity-spa-navigation');
      await useSettings(browser.sw);
      assert.deepEqual(await openAndSettle(browser, page, f.url, f.meta.rules), [...f.meta.rules].sort());
      const single = await page.evaluate(() => document.querySelectorAll('cosell-hint').length);
      for (let i = 0; i < 20; i++) {
        const now = await page.evaluate(() => window.cosellFixtureNavigate());
        const want = now === 'a' ? f.meta.rules : f.meta.spa.other.rules;
        await page.waitForFunction(
          (expected) => {
            const ids = [];
            for (const h of document.querySelectorAll('*')) if (h.localName.startsWith('cosell-') && h.shadowRoot) for (const e of h.shadowRoot.querySelectorAll('[data-rule]')) ids.push(e.getAttribute('data-rule'));
            return [...new Set(ids)].sort().join(',') === expected;
          },
          [...new Set(want)].sort().join(','),
          { timeout: 5000 },
        );
      }
      // 20 navigations from record A end on record A.
      assert.equal(page.url(), f.url);
      assert.deepEqual([...new Set(await shownRules(page))].sort(), [...f.meta.rules].sort());
      assert.equal(await page.evaluate(() => document.querySelectorAll('cosell-hint').length), single);
      assert.equal(await page.evaluate(() => document.querySelectorAll('cosell-panel').length), 0);
    });

    it('designer: after a pan re-creates dozens of cards, finds the one that lost its connection, and keeps the hint beside the name', async () => {
      const f = listFixtures().find((x) => x.name === 'designer-v1');
      await useSettings(browser.sw);
      await openAndSettle(browser, page, f.url, f.meta.rules);
      // Re-create every card as a pan does, plus 56 more (one pass then reads 60 cards at once),
      // with the broken connection moved from "Get referral" to a badge on the 42nd new card.
      await page.evaluate(() => {
        const layer = document.querySelector('.react-flow__nodes');
        const template = layer.querySelector('[data-id="Update_a_row"]');
        const cards = [...layer.children].map((n) => n.cloneNode(true));
        const broken = cards.find((n) => n.getAttribute('data-id') === 'Get_referral');
        broken.querySelector('.msla-panel-card-error-wrapper').remove();
        broken.querySelector('.msla-badge').remove();
        for (let i = 0; i < 56; i++) {
          const n = template.cloneNode(true);
          n.setAttribute('data-id', `Pan_step_${i}`);
          n.querySelector('.panel-msla-title').textContent = `Pan step ${i}`;
          if (i === 41) n.querySelector('.panel-card-main').append(Object.assign(document.createElement('span'), { title: 'Invalid connection', textContent: '!' }));
          cards.push(n);
        }
        layer.replaceChildren(...cards);
      });
      await page.waitForFunction(() => document.querySelector('[data-id="Pan_step_41"] cosell-hint')?.shadowRoot?.querySelector('[data-rule="flow.connection-missing"]'), null, { timeout: 5000 });
      const text = await page.evaluate(() => document.querySelector('[data-id="Pan_step_41"] cosell-hint').shadowRoot.textContent);
      assert.match(text, /Pan step 41/);
      assert.doesNotMatch(text, /Get referral/);
      assert.deepEqual([...new Set(await shownRules(page))].sort(), [...f.meta.rules].sort());
    });
  });
}
