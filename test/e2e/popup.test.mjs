/**
 * The popup in the built extension, once per UI language: every tab, set-up state that survives a
 * browser restart and ticks itself from a solution page, corrupt storage, an administrator policy,
 * and an accessibility scan (axe-core) of each view.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  LANGS,
  POLICY_DIR,
  actionPopups,
  axeViolations,
  canWritePolicy,
  launch,
  listFixtures,
  messages,
  openAndSettle,
  openPopup,
  startServer,
  tabIdFor,
  useSettings,
} from './harness.mjs';

const TABS = ['page', 'setup', 'troubleshoot', 'settings', 'plan'];

/**
 * Opens the popup as a click on the toolbar action opens it, in a browser of its own (in `lang`, at
 * the default page zoom `zoom`), on a tab with findings, and returns what `expression` (JSON) reads there.
 */
async function fromToolbar(port, lang, expression, zoom = null) {
  const own = await launch({ port, lang, debugging: true, zoom, args: ['--screen-info={1920x1080}'] });
  const popups = await actionPopups(own);
  try {
    const page = await own.context.newPage();
    const f = listFixtures().find((x) => x.name === 'opportunity-problems');
    await useSettings(own.sw, f.meta.settings);
    await openAndSettle(own, page, f.url, f.meta.rules);
    await page.bringToFront();
    const popup = await popups.open();
    await popup.waitFor(`document.querySelectorAll('[data-rule]').length > 0`);
    const seen = JSON.parse(await popup.evaluate(`JSON.stringify(${expression})`));
    await popup.close();
    return seen;
  } finally {
    await popups.dispose();
    await own.close();
  }
}

for (const lang of LANGS) {
  describe(`popup, browser in ${lang}`, () => {
    let server;
    let browser;
    let profile;
    const m = messages(lang);

    before(async () => {
      server = await startServer();
      profile = mkdtempSync(join(tmpdir(), 'cosell-popup-'));
      browser = await launch({ port: server.port, lang, profile });
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      rmSync(profile, { recursive: true, force: true });
    });

    it('has five localized tabs, each with its view, keyboard-navigable', async () => {
      const popup = await openPopup(browser);
      assert.deepEqual(
        await popup.locator('[role="tab"]').allTextContents(),
        TABS.map((id) => m[`popup_tab_${id}`].message),
      );
      await popup.locator('[role="tab"][aria-selected="true"]').focus();
      for (const id of TABS.slice(1)) {
        await popup.keyboard.press('ArrowRight');
        assert.equal(await popup.locator('[role="tab"][aria-selected="true"]').getAttribute('id'), `tab-${id}`);
        assert.equal(await popup.evaluate(() => document.activeElement?.id), `tab-${id}`);
        await popup.locator(`[role="tabpanel"]#panel-${id}`).waitFor();
      }
      await popup.close();
    });

    it('opened from the toolbar, Chrome gives it the width it is made for, and its five tabs fit on one line', async () => {
      // Chrome sizes a popup to its content's minimum width; without a width of its own it was 360 px.
      const seen = await fromToolbar(
        server.port,
        lang,
        `({
          width: innerWidth, height: innerHeight, body: document.body.getBoundingClientRect().width,
          rows: new Set([...document.querySelectorAll('[role="tab"]')].map((t) => Math.round(t.getBoundingClientRect().top))).size,
        })`,
      );
      assert.equal(seen.body, 500, JSON.stringify(seen));
      assert.ok(
        seen.width >= 500 && seen.width <= 540,
        `as wide as its body and the room Chrome adds for a scrollbar (30 px here): ${JSON.stringify(seen)}`,
      );
      assert.equal(seen.height, 600, `as high as a popup can be (its findings are taller): ${JSON.stringify(seen)}`);
      assert.equal(seen.rows, 1, `the tabs on one line: ${JSON.stringify(seen)}`);
    });

    it('at 175 % and 250 % browser zoom, it takes the width the popup has: nothing scrolls sideways, every tab is in view, the panel starts in the upper half', async () => {
      // Chrome's popup is at most 800 device-independent pixels wide: 457 CSS px at 175 %, 320 at 250 %,
      // less than the body's 500. Without fitting, the popup scrolled sideways with each line cut.
      for (const zoom of [1.75, 2.5]) {
        const seen = await fromToolbar(
          server.port,
          lang,
          `({
            zoom: devicePixelRatio, room: document.documentElement.clientWidth, scroll: document.documentElement.scrollWidth,
            body: document.body.getBoundingClientRect().width,
            tabs: [...document.querySelectorAll('[role="tab"]')].map((t) => Math.round(t.getBoundingClientRect().right)),
            cut: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((e) => e.tagName).slice(0, 5),
            panel: Math.round(document.querySelector('[role="tabpanel"]').getBoundingClientRect().top), high: window.innerHeight,
          })`,
          zoom,
        );
        const room = Math.floor(800 / zoom);
        assert.equal(seen.zoom, zoom, `the popup is zoomed: ${JSON.stringify(seen)}`);
        assert.ok(seen.room <= room && seen.room >= room - 20, `the popup is as wide as it can be: ${JSON.stringify(seen)}`);
        assert.equal(seen.scroll, seen.room, `no sideways scrolling: ${JSON.stringify(seen)}`);
        assert.ok(seen.body <= seen.room + 0.5, `the body within the popup: ${JSON.stringify(seen)}`);
        assert.equal(seen.tabs.length, TABS.length);
        assert.ok(
          seen.tabs.every((right) => right <= seen.room),
          `every tab in view: ${JSON.stringify(seen)}`,
        );
        assert.deepEqual(seen.cut, [], `nothing reaches past the popup's edge: ${JSON.stringify(seen)}`);
        // The header and the tabs leave the panel most of the popup's first screen (at 250 % it is
        // 240 CSS px high; the full header and two rows of tabs took two thirds of it).
        assert.ok(seen.panel <= seen.high / 2, `the open panel starts in the popup's upper half: ${JSON.stringify(seen)}`);
      }
    });

    it('This page lists the findings of a fixture tab', async () => {
      const page = await browser.context.newPage();
      const f = listFixtures().find((x) => x.name === 'opportunity-problems');
      await useSettings(browser.sw);
      await openAndSettle(browser, page, f.url, f.meta.rules);
      const popup = await openPopup(browser, await tabIdFor(browser.sw, f.url));
      await popup.locator('[data-state="findings"]').waitFor();
      const rules = await popup
        .locator('[data-state="findings"] [data-rule]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')).sort());
      assert.deepEqual(rules, [...f.meta.rules].sort());
      // Errors first, counted in their heading.
      const errors = await popup.locator('[data-state="findings"] [data-severity="error"]').count();
      assert.ok(errors > 0);
      assert.equal(
        await popup.locator('[data-state="findings"] h2').first().textContent(),
        m.popup_group_error.message.replace('{count}', String(errors)),
      );
      // "Show on the page": the tab scrolls to that finding's hint and flashes it.
      const first = popup.locator('[data-reveal]').first();
      const rule = await first.getAttribute('data-reveal');
      await first.click();
      await page.waitForFunction(
        (r) =>
          [...document.querySelectorAll('cosell-hint[data-flash], cosell-panel[data-flash]')].some((h) =>
            h.shadowRoot?.querySelector(`[data-rule="${r}"]`),
          ),
        rule,
        { timeout: 5000 },
      );
      assert.equal(await popup.locator('.reveal [role="status"]').count(), 0);
      await popup.close();
      await page.close();
    });

    it('with nothing to fix on the tab, leads to the troubleshooter, its field focused', async () => {
      const page = await browser.context.newPage();
      const f = listFixtures().find((x) => x.name === 'opportunity-sync-on');
      await openAndSettle(browser, page, f.url, f.meta.rules);
      const popup = await openPopup(browser, await tabIdFor(browser.sw, f.url));
      await popup.locator('[data-state="no-findings"]').waitFor();
      // It says what was checked: a count of checks on this opportunity.
      const checked = await popup.locator('[data-checked]').getAttribute('data-checked');
      assert.ok(Number(checked) > 5, checked);
      assert.equal(await popup.locator('[data-checked]').textContent(), m.popup_checked_opportunity.message.replace('{count}', checked));
      await popup.getByRole('button', { name: m.popup_noFindings_troubleshoot.message }).click();
      await popup.locator('#ts-search').waitFor();
      assert.equal(await popup.locator('#tab-troubleshoot').getAttribute('aria-selected'), 'true');
      assert.equal(await popup.evaluate(() => document.activeElement?.id), 'ts-search');
      await popup.keyboard.type('0x80040216');
      await popup.locator('[data-symptom="error.xrm-0x80040216"][data-recognized]').waitFor();
      await popup.close();
      await page.close();
    });

    it('visiting a solution page ticks the flows it saw on, and says when', async () => {
      const page = await browser.context.newPage();
      const f = listFixtures().find((x) => x.name === 'solution-flows-salesforce-ja');
      await openAndSettle(browser, page, f.url, f.meta.rules);
      const popup = await openPopup(browser);
      await popup.locator('#tab-setup').click();
      await popup.locator('[data-view="setup"]').waitFor();
      assert.equal(await popup.locator('input[name="solution"][value="salesforce"]').isChecked(), true);
      const states = await popup
        .locator('[data-list="activation"] .item')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-done')));
      assert.deepEqual(states, ['seen', 'seen', 'seen', 'no', 'no', 'no', 'no', 'no']);
      assert.ok((await popup.locator('[data-list="activation"] .item .seen').first().textContent()).length > 0);
      await popup.close();
      await page.close();
    });

    it('a box ticked by hand survives a browser restart', async () => {
      let popup = await openPopup(browser);
      await popup.locator('#tab-setup').click();
      await popup.locator('#chk-prerequisites-partner-id').check();
      await popup.locator('[data-item="partner-id"][data-done="user"]').waitFor();
      const progress = await popup.locator('.progress label').textContent();
      await popup.close();
      await browser.close();
      browser = await launch({ port: server.port, lang, profile });
      popup = await openPopup(browser);
      await popup.locator('#tab-setup').click();
      assert.equal(await popup.locator('#chk-prerequisites-partner-id').isChecked(), true);
      assert.equal(await popup.locator('.progress label').textContent(), progress);
      await popup.close();
    });

    it('the diagnostic report: copied when the browser allows it, else shown selected to copy by hand', async () => {
      const popup = await openPopup(browser);
      await popup.locator('#tab-setup').click();
      const button = popup.getByRole('button', { name: m.setup_export.message });
      // Refused, as Chrome refuses a popup that is not focused.
      await popup.evaluate(
        () =>
          (window.navigator.clipboard.writeText = () =>
            Promise.reject(new window.DOMException('Document is not focused.', 'NotAllowedError'))),
      );
      await button.click();
      const area = popup.getByLabel(m.setup_export_manual.message);
      await area.waitFor();
      const seen = await area.evaluate((el) => ({
        focused: document.activeElement === el,
        selected: el.selectionEnd - el.selectionStart,
        length: el.value.length,
        readOnly: el.readOnly,
        text: el.value,
      }));
      assert.ok(
        seen.focused && seen.readOnly && seen.length > 200 && seen.selected === seen.length,
        JSON.stringify({ ...seen, text: seen.text.slice(0, 80) }),
      );
      assert.deepEqual(await axeViolations(popup), [], 'the report shown to copy by hand');
      // The browser's own clipboard, allowed: the status says so and the text box goes.
      await popup.evaluate(() => delete window.navigator.clipboard.writeText);
      await button.click();
      await popup.getByText(m.setup_export_copied.message).waitFor();
      assert.equal(await area.count(), 0);
      // What the clipboard holds, pasted into a field of the test's own (an extension page may not read it).
      await popup.evaluate(() => document.body.append(Object.assign(document.createElement('textarea'), { id: 'paste-here' })));
      await popup.locator('#paste-here').focus();
      await popup.keyboard.press('ControlOrMeta+V');
      const clip = await popup.locator('#paste-here').inputValue();
      const lines = (text) => text.split('\n');
      assert.ok(clip.length > 200, clip);
      // The same report: its title and its version line (the time it was made differs).
      assert.deepEqual([lines(clip)[0], lines(clip)[3]], [lines(seen.text)[0], lines(seen.text)[3]]);
      await popup.close();
    });

    it('the troubleshooter recognizes a pasted error, its lines kept, and opens its steps', async () => {
      const popup = await openPopup(browser);
      await popup.locator('#tab-troubleshoot').click();
      const field = popup.getByLabel(m.ts_search_label.message);
      // A code alone.
      await field.fill('0x80040216');
      const hit = popup.locator('[data-symptom="error.xrm-0x80040216"]');
      await hit.waitFor();
      assert.equal(await popup.locator('[data-symptom]').count(), 1);
      assert.equal(await hit.evaluate((d) => d.open), true);
      assert.equal((await hit.locator('ol li').first().textContent()).trim(), m.error_xrm_0x80040216_fix1.message);
      // A run's error as the user copies it: several lines, pasted from the clipboard.
      await field.fill('');
      await field.focus();
      await popup.evaluate(() =>
        window.navigator.clipboard.writeText('{\n  "status": 404,\n  "message": "The workflow trigger \'manual\' couldn\'t be found."\n}'),
      );
      await popup.keyboard.press('ControlOrMeta+V');
      assert.equal((await field.inputValue()).split('\n').length, 4);
      const trigger = popup.locator('[data-symptom="error.workflow-trigger-not-found"][data-recognized]');
      await trigger.waitFor();
      assert.equal(await trigger.evaluate((d) => d.open), true);
      assert.equal(await popup.locator('[data-symptom]').first().getAttribute('data-symptom'), 'error.workflow-trigger-not-found');
      const title = (await trigger.locator('summary').textContent()).trim();
      assert.equal(
        (await popup.locator('.troubleshoot [role="status"]').textContent()).trim(),
        m.ts_recognized.message.replace('{title}', title),
      );
      await popup.close();
    });

    it('settings: switching a rule off reaches open pages at once', async () => {
      const page = await browser.context.newPage();
      // Sync off with help requested: its hint shows on the page (docs/architecture.md: a sign of intent).
      const f = listFixtures().find((x) => x.name === 'opportunity-sync-off-ja');
      await useSettings(browser.sw);
      await openAndSettle(browser, page, f.url, f.meta.rules);
      const shown = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('cosell-hint')].some((h) => h.shadowRoot?.querySelector('[data-rule="crm.sync-disabled"]')),
        );
      assert.equal(await shown(), true);
      const popup = await openPopup(browser);
      await popup.locator('#tab-settings').click();
      await popup.locator('input[id="rule-crm.sync-disabled"]').uncheck();
      await popup.locator('[data-view="settings"] [role="status"]').waitFor();
      await page.waitForFunction(
        () => ![...document.querySelectorAll('cosell-hint')].some((h) => h.shadowRoot?.querySelector('[data-rule="crm.sync-disabled"]')),
        null,
        { timeout: 5000 },
      );
      await popup.locator('input[id="rule-crm.sync-disabled"]').check();
      await page.waitForFunction(
        () => [...document.querySelectorAll('cosell-hint')].some((h) => h.shadowRoot?.querySelector('[data-rule="crm.sync-disabled"]')),
        null,
        { timeout: 5000 },
      );
      await popup.close();
      await page.close();
    });

    it('plan: estimates calls a day against the documented limits', async () => {
      const popup = await openPopup(browser);
      await popup.locator('#tab-plan').click();
      await popup.locator('#plan-created').fill('2000');
      await popup.locator('#plan-updated').fill('9000');
      await popup.locator('#plan-peak').fill('150');
      assert.equal(await popup.locator('output.result').getAttribute('data-calls'), '11000');
      assert.equal(await popup.locator('[data-throttle]').getAttribute('data-throttle'), 'over');
      await popup.close();
    });

    it('corrupt storage: a notice, and a popup that still works', async () => {
      await browser.sw.evaluate(() => chrome.storage.local.set({ checklist: 'not a checklist', settings: { version: 7 } }));
      const popup = await openPopup(browser);
      await popup.locator('[data-notice="storage-reset"]').waitFor();
      assert.equal((await popup.locator('[data-notice] p').textContent()).trim(), m.popup_notice_reset.message);
      assert.deepEqual(await axeViolations(popup), [], 'the notice of a reset');
      await popup.locator('#tab-setup').click();
      await popup.locator('[data-view="setup"]').waitFor();
      const kept = await browser.sw.evaluate(async () => (await chrome.storage.local.get('checklist.unreadable'))['checklist.unreadable']);
      assert.equal(kept, 'not a checklist');
      await popup.close();
    });

    it('full storage: a tick the browser cannot store is said, with its reason, and not shown as kept', async () => {
      // Fill the extension's local storage to a few bytes short of its quota: the next tick's write fails.
      await browser.sw.evaluate(async () => {
        const used = await chrome.storage.local.getBytesInUse(null);
        await chrome.storage.local.set({ ballast: 'x'.repeat(chrome.storage.local.QUOTA_BYTES - used - 'ballast'.length - 2 - 16) });
      });
      try {
        const popup = await openPopup(browser);
        await popup.locator('#tab-setup').click();
        const box = popup.locator('#chk-prerequisites-cosell-ready');
        assert.equal(await box.isChecked(), false);
        await box.click();
        const notice = popup.locator('[data-notice="save-failed"]');
        await notice.waitFor();
        assert.equal(await notice.getAttribute('role'), 'alert');
        const text = (await notice.locator('p').textContent()).trim();
        const [before, after] = m.popup_notice_saveFailed.message.split('{reason}');
        assert.ok(text.startsWith(before) && text.endsWith(after) && /quota/i.test(text), text);
        await popup.waitForFunction(() => !document.querySelector('#chk-prerequisites-cosell-ready').checked);
        assert.deepEqual(await axeViolations(popup), [], 'the notice of a change not saved');
        const stored = await browser.sw.evaluate(async () => (await chrome.storage.local.get('checklist')).checklist?.ticks ?? {});
        assert.equal(
          Object.keys(stored).some((k) => k.endsWith('/cosell-ready')),
          false,
        );
        await popup.close();
      } finally {
        await browser.sw.evaluate(() => chrome.storage.local.remove('ballast'));
      }
    });

    it('full storage: the background records what a solution page showed without an unhandled error', async () => {
      // An unhandled rejection in the service worker is listed as an error of the extension on
      // chrome://extensions; a write the browser refuses is best effort there, and must stay quiet.
      await browser.sw.evaluate(async () => {
        globalThis.cosellUnhandled = [];
        globalThis.addEventListener('unhandledrejection', (e) => globalThis.cosellUnhandled.push(String(e.reason?.message ?? e.reason)));
        const used = await chrome.storage.local.getBytesInUse(null);
        await chrome.storage.local.set({ ballast: 'x'.repeat(chrome.storage.local.QUOTA_BYTES - used - 'ballast'.length - 2 - 16) });
      });
      try {
        const page = await browser.context.newPage();
        const f = listFixtures().find((x) => x.name === 'solution-flows-dynamics');
        await openAndSettle(browser, page, f.url, f.meta.rules);
        const tabId = await tabIdFor(browser.sw, f.url);
        // The page's report has reached the background (its findings are kept for the tab), and the
        // sightings' write it started has had time to fail.
        await browser.sw.evaluate(async (id) => {
          for (let i = 0; i < 100 && Object.keys(await chrome.storage.session.get(null)).every((k) => !k.includes(String(id))); i++)
            await new Promise((ok) => setTimeout(ok, 50));
          await new Promise((ok) => setTimeout(ok, 500));
        }, tabId);
        await page.close();
        await new Promise((ok) => setTimeout(ok, 300));
        assert.deepEqual(await browser.sw.evaluate(() => globalThis.cosellUnhandled), []);
      } finally {
        await browser.sw.evaluate(() => chrome.storage.local.remove('ballast'));
      }
    });

    it('in a forced-colors (Windows contrast) theme, only the selected tab is underlined, in the highlight colour', async () => {
      // Forced colours paint every border in the text colour, a transparent one too: without its own
      // rule, every tab showed the selected tab's underline.
      const popup = await openPopup(browser);
      const cdp = await popup.context().newCDPSession(popup);
      try {
        for (const scheme of ['light', 'dark']) {
          await cdp.send('Emulation.setEmulatedMedia', {
            features: [
              { name: 'forced-colors', value: 'active' },
              { name: 'prefers-color-scheme', value: scheme },
            ],
          });
          const seen = await popup.evaluate(() => ({
            forced: matchMedia('(forced-colors: active)').matches,
            canvas: getComputedStyle(document.body).backgroundColor,
            tabs: [...document.querySelectorAll('[role="tab"]')].map((t) => ({
              selected: t.getAttribute('aria-selected') === 'true',
              line: getComputedStyle(t).borderBottomColor,
            })),
          }));
          assert.ok(seen.forced, scheme);
          const [selected, ...others] = [...seen.tabs].sort((a, b) => Number(b.selected) - Number(a.selected));
          assert.ok(selected.selected, JSON.stringify(seen));
          assert.ok(
            others.every((t) => t.line === seen.canvas),
            `unselected tabs have no underline: ${JSON.stringify(seen)}`,
          );
          assert.notEqual(selected.line, seen.canvas, `the selected tab is underlined: ${JSON.stringify(seen)}`);
        }
      } finally {
        await cdp.detach().catch(() => undefined);
        await popup.close();
      }
    });

    it('has no accessibility violations in any view, light and dark, whatever their impact (axe-core)', async () => {
      const popup = await openPopup(browser);
      for (const scheme of ['light', 'dark']) {
        await popup.emulateMedia({ colorScheme: scheme });
        await popup.waitForFunction((s) => document.documentElement.dataset.theme === s, scheme);
        for (const id of TABS) {
          await popup.locator(`#tab-${id}`).click();
          await popup.locator(`#panel-${id}`).waitFor();
          if (id === 'troubleshoot')
            await popup
              .locator('details')
              .first()
              .evaluate((d) => (d.open = true));
          // The settings with a domain refused: its alert, and the field marked invalid.
          if (id === 'settings') {
            await popup.getByLabel(m.custom_domain.message).fill('localhost');
            await popup.getByRole('button', { name: m.custom_add.message }).click();
            await popup.locator('[data-custom-message="error"]').waitFor();
            // And a label typed where a field name goes: its message, and the field marked invalid.
            await popup.getByLabel(m.settings_dealValue.message).fill('Est. Revenue');
            await popup.getByLabel(m.settings_dealValue.message).press('Tab');
            await popup.locator('[data-invalid-setting="fields.dealValue"]').waitFor();
          }
          const bad = await axeViolations(popup);
          assert.deepEqual(bad, [], `${scheme} ${id}: ${JSON.stringify(bad)}`);
        }
      }
      await popup.emulateMedia({ colorScheme: 'light' });
      await popup.close();
    });

    it('an administrator policy shows as set by the administrator, locked, and applies', async (t) => {
      if (!canWritePolicy()) return t.skip(`needs write access to ${POLICY_DIR} (run as root) to install a Chromium policy`);
      const file = join(POLICY_DIR, `cosell-companion-test-${process.pid}.json`);
      const policy = {
        '3rdparty': {
          extensions: {
            [browser.extensionId]: {
              dealValueField: 'new_dealvalue',
              disabledRules: ['crm.visibility-irreversible'],
              customDomains: [
                { host: '*.mcas.ms', app: 'salesforce' },
                { host: '*.com', app: 'dynamics' },
              ],
            },
          },
        },
      };
      writeFileSync(file, JSON.stringify(policy));
      try {
        await browser.close();
        browser = await launch({ port: server.port, lang, profile });
        const popup = await openPopup(browser);
        await popup.locator('#tab-settings').click();
        const field = popup.locator('[data-setting="fields.dealValue"]');
        await popup.waitForFunction(
          () => document.querySelector('[data-setting="fields.dealValue"]')?.getAttribute('data-locked') === 'admin',
          null,
          { timeout: 10000 },
        );
        assert.equal(await field.locator('input').inputValue(), 'new_dealvalue');
        assert.equal(await field.locator('input').getAttribute('readonly'), '');
        assert.equal((await field.locator('.admin').textContent()).trim(), m.settings_locked.message);
        assert.equal(await popup.locator('input[id="rule-crm.visibility-irreversible"]').isDisabled(), true);
        assert.equal(await popup.locator('input[id="rule-crm.visibility-irreversible"]').isChecked(), false);
        // The administrator's custom domain: listed, locked, to be allowed by the user; the one it cannot use, said.
        const row = popup.locator('[data-custom-host="*.mcas.ms"]');
        assert.equal(await row.getAttribute('data-locked'), 'admin');
        assert.equal(await row.getByRole('button', { name: m.custom_remove.message.replace('{host}', '*.mcas.ms') }).count(), 0);
        assert.equal(await row.getByRole('button', { name: m.custom_allow.message.replace('{host}', '*.mcas.ms') }).count(), 1);
        assert.equal(
          (await popup.locator('[data-custom-refused="*.com"]').textContent()).trim(),
          m.custom_managed_too_broad.message.replace('{host}', '*.com'),
        );
        await popup.close();
        // And the pages follow it: the rule the administrator switched off shows nowhere; the deal
        // value is read from the policy's field, which this form does not have, so that check stays
        // silent (unknown, not missing); the others show.
        const problems = listFixtures().find((f) => f.name === 'opportunity-problems');
        const expected = problems.meta.rules.filter((r) => r !== 'crm.visibility-irreversible' && r !== 'crm.deal-value-missing');
        assert.equal(expected.length, new Set(problems.meta.rules).size - 2, 'the fixture shows both rules the policy changes');
        const page = await browser.context.newPage();
        assert.deepEqual(await openAndSettle(browser, page, problems.url, expected, { timeout: 15000 }), [...new Set(expected)].sort());
        await page.close();
      } finally {
        if (existsSync(file)) rmSync(file);
      }
    });
  });
}
