/**
 * Hardening, on every saved page of the four apps:
 * - zero network: the only requests are the page's own (its URL, its /__fixtures/ assets, the
 *   favicon the browser asks for) and our extension's packaged files;
 * - read-only: the page's DOM outside our `cosell-*` hosts, and every form value, is identical
 *   with and without the extension once the rules ran;
 * - no error from us reaches the page.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ts from 'typescript';
import {
  ROOT,
  POLICY_DIR,
  canWritePolicy,
  launch,
  listFixtures,
  messages,
  openAndSettle,
  openPopup,
  shownRules,
  startServer,
  tabIdFor,
  useSettings,
} from './harness.mjs';

const APPS = ['dynamics', 'salesforce', 'power-automate', 'partner-center'];

/** The page as its owner sees it: markup without our hosts, plus live form values. */
const serialize = () => {
  const clone = document.documentElement.cloneNode(true);
  for (const el of [...clone.querySelectorAll('*')]) if (el.localName.startsWith('cosell-')) el.remove();
  const values = [...document.querySelectorAll('input, select, textarea')].map((e) =>
    e.type === 'checkbox' || e.type === 'radio' ? e.checked : e.value,
  );
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
        return !(
          url.href === f.url ||
          (url.hostname === own.hostname && url.pathname === own.pathname) ||
          listFixtures().some((x) => x.url === url.href)
        );
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

/**
 * Hostile content, injected into saved pages before the extension reads them: HTML and script
 * payloads where page data lives (error texts, step names, form values, the document title), right-to-left and zero-width
 * characters, placeholder syntax our messages use, a 1 MB string and a 2,000-level nested DOM.
 * Nothing may execute, our hints must hold text only, no error may reach the page, and the
 * extension must still read the page.
 */
function poison() {
  const PAYLOADS = [
    '<img src=x onerror="window.__pwned=(window.__pwned||0)+1">',
    '<script>window.__pwned=(window.__pwned||0)+1</script>',
    '"><svg onload="window.__pwned=(window.__pwned||0)+1">',
    'javascript:window.__pwned=1',
    '\u202Egnp.exe\u202C \u200F\u05E9\u05DC\u05D5\u05DD\u200E',
    'zero\u200Bwidth\u200C\u200D\uFEFFjoiners',
    '{app} {date} {count} $& $1 %s __MSG_extName__',
  ];
  const all = PAYLOADS.join(' ');
  const run = () => {
    document.title += ` ${all}`;
    for (const el of document.querySelectorAll(
      '[role="alert"], .msla-panel-card-error-text, .panel-msla-title, [data-automation-id*="error"]',
    )) {
      if (el.textContent.trim()) el.append(document.createTextNode(` ${PAYLOADS[el.textContent.length % PAYLOADS.length]}`));
    }
    for (const input of document.querySelectorAll('input[type="text"], input:not([type]), textarea')) {
      if (input.value) input.value += ` ${all}`;
    }
    let deep = document.createElement('div');
    const top = deep;
    for (let i = 0; i < 2000; i++) deep = deep.appendChild(document.createElement('div'));
    deep.textContent = all;
    const huge = document.createElement('div');
    huge.setAttribute('role', 'alert');
    huge.textContent = `ActionFailed ${'A'.repeat(1 << 20)} ${all}`;
    (document.querySelector('main') ?? document.body).append(top, huge);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
}

describe('hardening: hostile page content', () => {
  let server;
  let browser;
  const pageErrors = [];
  const pages = [
    ...APPS.flatMap((app) =>
      listFixtures()
        .filter((f) => f.app === app && f.meta.rules.length > 0)
        .slice(0, 2),
    ),
    ...listFixtures().filter((f) => f.app === 'power-automate' && ['run-details', 'designer-v1'].includes(f.name)),
  ];

  before(async () => {
    server = await startServer();
    browser = await launch({ port: server.port });
    browser.context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`)));
    await useSettings(browser.sw);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("escapes field names and page IDs for Chromium's selector parser", async () => {
    // lib/readers/dom.ts's cssEscape, as the bundle has it: happy-dom accepts selectors Chromium refuses.
    const source = readFileSync(join(ROOT, 'lib/readers/dom.ts'), 'utf8').match(/export const cssEscape =[\s\S]*?;\n/)[0];
    const code = ts.transpileModule(source.replace('export ', ''), { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
    const page = await browser.context.newPage();
    await page.setContent('<main></main>');
    await page.addScriptTag({ content: `${code}\nwindow.__cssEscape = cssEscape;` });
    const names = ['new\nvalue', 'a"]b', 'back\\slash', 'nul\u0000x', 'all\n"\\\u0000\r\t\u001f'];
    const out = await page.evaluate(
      ({ names }) => {
        const cssEscape = window.__cssEscape;
        return names.map((name) => {
          // A page's HTML parser turns NUL into U+FFFD, as CSS does: that is the value a page holds.
          const held = name.split('\u0000').join('\ufffd');
          const el = document.createElement('div');
          el.setAttribute('data-id', `${held}-FieldSectionItemContainer`);
          el.id = held;
          document.querySelector('main').replaceChildren(el);
          try {
            const byName = document.querySelectorAll(`[data-id$="${cssEscape(name)}-FieldSectionItemContainer"]`).length;
            const byId = document.querySelectorAll(`[id~="${cssEscape(name)}"], [id="${cssEscape(name)}"]`).length;
            return { byName, byId };
          } catch (e) {
            return { error: String(e) };
          }
        });
      },
      { names },
    );
    await page.close();
    assert.deepEqual(
      out,
      names.map(() => ({ byName: 1, byId: 1 })),
    );
  });

  for (const f of pages) {
    it(`${f.app}/${f.name} with payloads, RTL, zero-width, 1 MB and deep nesting`, async () => {
      await useSettings(browser.sw, f.meta.settings);
      const page = await browser.context.newPage();
      await page.addInitScript(poison);
      await page.goto(f.url);
      await page.bringToFront();
      // Our hosts, also inside the page's open shadow roots (Salesforce).
      const HOSTS = () => {
        const out = [];
        const walk = (root) => {
          for (const el of root.querySelectorAll('*')) {
            if (el.localName.startsWith('cosell-')) out.push(el);
            else if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document);
        return out;
      };
      await page.waitForFunction(`(${HOSTS})().length > 0`, null, { timeout: 8000 });
      await page.waitForTimeout(600);
      const seen = await page.evaluate((hostsSource) => {
        const hosts = (0, eval)(`(${hostsSource})`)();
        const inside = hosts.flatMap((h) => [...h.shadowRoot.querySelectorAll('*')]);
        return {
          pwned: window.__pwned ?? 0,
          hosts: hosts.length,
          rules: inside.filter((e) => e.hasAttribute('data-rule')).length,
          foreign: inside
            .filter(
              (e) =>
                ['img', 'script', 'iframe', 'object', 'embed'].includes(e.localName) ||
                [...e.attributes].some((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value)),
            )
            .map((e) => e.outerHTML.slice(0, 80)),
          text: hosts.map((h) => h.shadowRoot.textContent).join(' ').length,
        };
      }, String(HOSTS));
      assert.equal(seen.pwned, 0, 'a payload executed');
      assert.deepEqual(seen.foreign, [], 'our hints hold only our own elements');
      assert.ok(seen.rules > 0, 'the page is still read');
      // Hints stay readable: a 1 MB page string never lands in a hint whole.
      assert.ok(seen.text < 50_000, `hint text is ${seen.text} characters`);
      assert.deepEqual(pageErrors, []);
      await page.close();
    });
  }
});

/**
 * A page cannot silence or imitate us: it may dispatch WXT's "content script started" event with
 * our public ID (which would stop the script), or define our host names as its own elements.
 */
describe('hardening: a page cannot silence or spoof the extension', () => {
  let server;
  let browser;
  const f = () => listFixtures().find((x) => x.app === 'dynamics' && x.name === 'opportunity-problems');

  before(async () => {
    server = await startServer();
    browser = await launch({ port: server.port });
    await useSettings(browser.sw);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("ignores WXT's started event when the page sends it", async () => {
    const page = await browser.context.newPage();
    const shown = await openAndSettle(browser, page, f().url, f().meta.rules);
    assert.ok(shown.length > 0);
    await page.evaluate((id) => {
      for (const name of [`${id}:dynamics:wxt:content-script-started`, `${id}:content-scripts/dynamics:wxt:content-script-started`]) {
        document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'dynamics', messageId: 'forged' } }));
      }
    }, browser.extensionId);
    // A stopped script removes its hints at once; ours are still there. (Referral Visibility shows
    // only while its field has focus, which the page's script may have moved.)
    await page.waitForTimeout(600);
    const steady = (ids) => [...new Set(ids)].filter((id) => id !== 'crm.visibility-irreversible').sort();
    assert.deepEqual(steady(await shownRules(page)), steady(shown));
    await page.close();
  });

  it('shows its hints when the page defines cosell-hint and cosell-panel as its own elements', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      for (const name of ['cosell-hint', 'cosell-panel']) {
        customElements.define(
          name,
          class extends HTMLElement {
            constructor() {
              super();
              this.attachShadow({ mode: 'closed' });
            }
          },
        );
      }
    });
    const shown = await openAndSettle(browser, page, f().url, f().meta.rules);
    assert.deepEqual(shown, [...new Set(f().meta.rules)].sort());
    await page.close();
  });
});

/**
 * The page's frames come and go: what a frame said leaves the tab's findings, the badge and the
 * popup when the page removes it.
 */
describe('hardening: a removed frame takes its findings with it', () => {
  let server;
  let browser;
  const f = () => listFixtures().find((x) => x.app === 'power-automate' && x.name === 'powerapps-embedded-designer');

  before(async () => {
    server = await startServer();
    browser = await launch({ port: server.port });
    await useSettings(browser.sw);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const stored = (tabId) =>
    browser.sw.evaluate(async (id) => {
      const frames = (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`]?.frames ?? {};
      const badge = await chrome.action.getBadgeText({ tabId: id });
      return { findings: Object.values(frames).flatMap((fr) => fr.findings.map((x) => x.rule)), badge };
    }, tabId);

  it("drops the designer frame's findings and badge when the page removes the frame", async () => {
    const page = await browser.context.newPage();
    const shown = await openAndSettle(browser, page, f().url, f().meta.rules);
    assert.deepEqual(shown, [...new Set(f().meta.rules)].sort());
    const tabId = await tabIdFor(browser.sw, page.url());
    let state;
    for (let i = 0; i < 50 && !(state = await stored(tabId)).findings.includes('flow.connection-missing'); i++)
      await page.waitForTimeout(100);
    assert.ok(state.findings.includes('flow.connection-missing'), 'the frame reported');
    assert.notEqual(state.badge, '');
    await page.evaluate(() => document.querySelector('iframe').remove());
    for (let i = 0; i < 50 && (state = await stored(tabId)).findings.length > 0; i++) await page.waitForTimeout(100);
    assert.deepEqual(state, { findings: [], badge: '' });
    await page.close();
  });
});

/**
 * Hostile policy values of the right type, installed as a real Chromium policy: a field name with a
 * line break and a selector's quote, markup as a stage name, a custom domain with a misspelled app
 * next to a good one; then a list one entry of which breaks the schema (the browser drops it whole).
 */
describe('hardening: hostile administrator policy', () => {
  let server;
  let profile;
  let browser;
  let id;
  const file = join(POLICY_DIR, `cosell-companion-hardening-${process.pid}.json`);
  const m = messages('en');
  const install = async (policy) => {
    await browser?.close();
    writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
    browser = await launch({ port: server.port, profile });
  };
  const settingsPopup = async () => {
    const popup = await openPopup(browser);
    await popup.locator('#tab-settings').click();
    await popup.locator('[data-setting="customHosts"]').waitFor({ timeout: 10000 });
    return popup;
  };

  before(async () => {
    server = await startServer();
    profile = mkdtempSync(join(tmpdir(), 'cosell-hardening-policy-'));
    browser = await launch({ port: server.port, profile });
    id = browser.extensionId;
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (existsSync(file)) rmSync(file);
    rmSync(profile, { recursive: true, force: true });
  });

  it('reads the page, names each value it cannot use, and keeps the good domain', async (t) => {
    if (!canWritePolicy()) return t.skip(`needs write access to ${POLICY_DIR} (run as root)`);
    await install({
      dealValueField: 'new_deal\nvalue"]',
      salesforceOnHoldStage: '<img src=x onerror="window.__pwned=1">',
      customDomains: [
        { host: '*.mcas.ms', app: 'salesforce' },
        { host: 'crm.contoso.com', app: 'crm' },
      ],
    });
    const f = listFixtures().find((x) => x.app === 'dynamics' && x.name === 'opportunity-problems');
    const page = await browser.context.newPage();
    // The field name is not applied (the default is read): every check of the record still runs.
    assert.deepEqual(await openAndSettle(browser, page, f.url, f.meta.rules, { timeout: 15000 }), [...new Set(f.meta.rules)].sort());
    assert.equal(await page.evaluate(() => window.__pwned ?? 0), 0);
    await page.close();
    const popup = await settingsPopup();
    await popup.locator('[data-invalid-setting="fields.dealValue"]').waitFor();
    assert.equal(await popup.locator('[data-custom-host="*.mcas.ms"]').getAttribute('data-locked'), 'admin');
    assert.equal(
      (await popup.locator('[data-custom-refused="crm.contoso.com"]').textContent()).trim(),
      m.custom_managed_app.message.replace('{host}', 'crm.contoso.com'),
    );
    assert.equal(await popup.locator('[data-custom-unlisted]').count(), 0);
    await popup.close();
  });

  it('says when the browser dropped a list that breaks the schema', async (t) => {
    if (!canWritePolicy()) return t.skip(`needs write access to ${POLICY_DIR} (run as root)`);
    await install({ dealValueField: 'new_dealvalue', customDomains: [{ host: '*.mcas.ms', app: 'salesforce' }, { host: 42 }] });
    const popup = await settingsPopup();
    // Until the browser has loaded its policy, the popup shows the last one seen (lib/background/policy.ts).
    await popup.locator('[data-custom-unlisted]').waitFor({ timeout: 10000 });
    assert.equal(await popup.locator('[data-custom-host]').count(), 0, 'Chromium ignored the whole list');
    assert.equal((await popup.locator('[data-custom-unlisted]').textContent()).trim(), m.custom_managed_unlisted.message);
    await popup.close();
  });
});

/** The browser's in-memory extension storage full: the page is still read, and the popup says what happened. */
describe('hardening: storage for tab findings full', () => {
  let server;
  let browser;
  const m = messages('en');

  before(async () => {
    server = await startServer();
    browser = await launch({ port: server.port });
    await useSettings(browser.sw);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the hints and the badge, and the popup says the findings are held in memory only', async () => {
    // Fills the area to its quota (10 MB), in chunks the browser takes, until it refuses one.
    const filled = await browser.sw.evaluate(async () => {
      const chunk = 'x'.repeat(1 << 20);
      let n = 0;
      for (; n < 20; n++) {
        try {
          await chrome.storage.session.set({ [`filler:${n}`]: chunk });
        } catch {
          break;
        }
      }
      for (let size = 1 << 19; size >= 64; size >>= 1) {
        await chrome.storage.session.set({ [`filler:small:${size}`]: 'x'.repeat(size) }).catch(() => undefined);
      }
      return n;
    });
    assert.ok(filled < 20, 'the browser refused a write at its quota');
    const f = listFixtures().find((x) => x.app === 'dynamics' && x.name === 'opportunity-problems');
    const page = await browser.context.newPage();
    await page.goto(f.url);
    await page.waitForFunction(() => [...document.querySelectorAll('*')].some((e) => e.localName.startsWith('cosell-')), null, {
      timeout: 8000,
    });
    const tabId = await tabIdFor(browser.sw, page.url());
    let badge = '';
    for (let i = 0; i < 50 && !(badge = await browser.sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)); i++)
      await page.waitForTimeout(100);
    assert.match(badge, /^[1-9]\d*$/, 'the badge counts the errors');
    const stored = await browser.sw.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null, tabId);
    assert.equal(stored, null, 'nothing could be stored');
    const popup = await openPopup(browser, tabId);
    await popup
      .waitForFunction((text) => document.body.textContent.includes(text), m.popup_unstored.message, { timeout: 8000 })
      .catch(() => undefined);
    const body = await popup.textContent('body');
    assert.ok(body.includes(m.popup_unstored.message), body.slice(0, 400));
    assert.ok((await popup.locator('[data-rule="crm.solution-missing"]').count()) > 0, 'the findings are listed');
    assert.ok(!(await popup.textContent('body')).includes(m.popup_notRead.message.split('{app}')[1]), 'not "hasn\'t been read yet"');
    await popup.close();
    await browser.sw.evaluate(() => chrome.storage.session.clear());
    await page.close();
  });
});
