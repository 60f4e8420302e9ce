/**
 * Browser-test harness, shared by the e2e tests, `npm run demo` and `npm run bench`:
 * - serves the saved fixture pages over HTTPS on loopback, each at its production URL;
 * - starts Debian Chromium with the built extension, production host names mapped to that
 *   server (`--host-resolver-rules`) and every other host unresolvable, so nothing leaves the machine.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'test/fixtures/pages');
export const EXTENSION = join(ROOT, '.output/chrome-mv3');
export const LANGS = ['en', 'ja', 'fr'];

export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(
      `Chromium not found at ${path}. Run "node scripts/ensure-chromium.mjs" (it installs Debian's chromium) or set CHROMIUM_PATH.`,
    );
  return path;
}

/** Every fixture page: `{ app, name, url, meta, file }` (from `root`, default the test fixtures). */
export function listFixtures(root = FIXTURES) {
  const out = [];
  for (const app of readdirSync(root).sort()) {
    const dir = join(root, app);
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.json') || f.startsWith('_')) continue;
      const meta = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      const name = f.replace(/\.json$/, '');
      out.push({ app, name, url: meta.url, meta, file: join(dir, `${name}.html`) });
    }
  }
  return out;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

function certificate() {
  const dir = mkdtempSync(join(tmpdir(), 'cosell-cert-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=cosell-fixtures.test',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const pair = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  rmSync(dir, { recursive: true, force: true });
  return pair;
}

/**
 * Starts the fixture server. Pages are found by host + path + query of their `url`; shared
 * assets live under `/__fixtures/`. `requests` records every request the browser made.
 */
export async function startServer({ gallery, extraRoots = [] } = {}) {
  const fixtures = listFixtures();
  // A page may also be served at `meta.aliases` (the bench loads its storm where the extension does not run).
  const byUrl = new Map(
    [...fixtures, ...extraRoots.flatMap((r) => listFixtures(r))].flatMap((f) =>
      [f.url, ...(f.meta.aliases ?? [])].map((u) => [keyOf(new URL(u)), f]),
    ),
  );
  const requests = [];
  const server = createServer(certificate(), (req, res) => {
    const url = new URL(req.url, `https://${req.headers.host}`);
    requests.push(url.href);
    if (url.pathname.startsWith('/__fixtures/')) {
      const file = resolve(FIXTURES, '.' + decodeURIComponent(url.pathname.slice('/__fixtures'.length)));
      if (file.startsWith(FIXTURES) && existsSync(file)) {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        return res.end(readFileSync(file));
      }
    }
    const hit = byUrl.get(keyOf(url));
    if (hit) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      return res.end(readFileSync(hit.file));
    }
    if (url.pathname === '/' && gallery) {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      return res.end(gallery(fixtures));
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('No fixture at this URL');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { port, fixtures, requests, close: () => new Promise((ok) => server.close(ok)) };
}

const keyOf = (u) => `${u.hostname}${u.pathname}${u.search}`;

/** Host patterns of the built manifest (and `extraHosts`), mapped to the fixture server; everything else → NOTFOUND. */
export function hostResolverRules(port, extraHosts = []) {
  const manifest = JSON.parse(readFileSync(join(EXTENSION, 'manifest.json'), 'utf8'));
  const hosts = [
    ...manifest.host_permissions.map((p) => new URL(p.replace('*.', 'wildcard.')).hostname.replace('wildcard.', '*.')),
    ...extraHosts,
  ];
  return [...hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'].join(', ');
}

/**
 * Launches Chromium with the built extension in the given UI language. `LANGUAGE` (with
 * chromium-l10n) switches `i18n.getUILanguage()`, `--lang` switches `i18n.getMessage()`.
 */
/**
 * `debugging: true` also opens a DevTools port on loopback and allows extension commands over it
 * (see `reinstallExtension`). `zoom` (1.75 for 175 %) is the browser's default page zoom, as set in
 * its settings; extension popups follow it.
 */
export async function launch({
  port,
  lang = 'en',
  headless = true,
  extension = true,
  extensionPath = EXTENSION,
  args = [],
  extraHosts = [],
  profile: given = null,
  debugging = false,
  zoom = null,
}) {
  if (extension && !existsSync(join(extensionPath, 'manifest.json')))
    throw new Error('No built extension in .output/chrome-mv3: run "npm run build" first.');
  // A given profile survives close() (to test a browser restart); the caller removes it.
  const profile = given ?? mkdtempSync(join(tmpdir(), 'cosell-profile-'));
  if (zoom) {
    // Chrome keeps zoom levels as powers of 1.2, per storage partition ("x" is the default one).
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(
      join(profile, 'Default', 'Preferences'),
      JSON.stringify({ partition: { default_zoom_level: { x: Math.log(zoom) / Math.log(1.2) } } }),
    );
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless,
    ignoreHTTPSErrors: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 900 },
    env: { ...process.env, LANGUAGE: lang, LANG: `${lang}.UTF-8` },
    args: [
      ...(extension ? [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`] : []),
      `--lang=${lang}`,
      `--host-resolver-rules=${hostResolverRules(port, extraHosts)}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      ...(debugging ? ['--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', '--enable-unsafe-extension-debugging'] : []),
      ...args,
    ],
  });
  let sw = null;
  if (extension) {
    sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  }
  const extensionId = sw ? new URL(sw.url()).host : null;
  return {
    context,
    sw,
    extensionId,
    extensionPath,
    profile,
    async close() {
      await context.close();
      if (!given) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Installs the extension at `browser.extensionPath` again while it runs, as an update does: the
 * browser unloads the running one (its content scripts in open tabs are orphaned) and loads what is
 * on disk now, under the same ID. Needs `launch({ debugging: true })`; the browser's own
 * `Extensions.loadUnpacked` over a browser-level DevTools connection, which Playwright's persistent
 * context does not give, so this connects to the DevTools port. Returns the new service worker.
 */
export async function reinstallExtension(browser) {
  const [port] = readFileSync(join(browser.profile, 'DevToolsActivePort'), 'utf8').split('\n');
  const remote = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const session = await remote.newBrowserCDPSession();
    const old = browser.sw;
    const next = browser.context.waitForEvent('serviceworker', {
      predicate: (w) => w !== old && w.url().startsWith(`chrome-extension://${browser.extensionId}/`),
      timeout: 15000,
    });
    const { id } = await session.send('Extensions.loadUnpacked', { path: browser.extensionPath });
    if (id !== browser.extensionId) throw new Error(`reinstalled under another ID: ${id}`);
    browser.sw = await next;
    return browser.sw;
  } finally {
    // Only the connection: the browser stays with the caller.
    await remote.close().catch(() => undefined);
  }
}

/** The rule IDs shown on a page, read from our hosts' open shadow roots (across frames). */
export async function shownRules(page) {
  const ids = [];
  for (const frame of page.frames()) {
    ids.push(
      ...(await frame
        .evaluate(() => {
          const out = [];
          for (const host of document.querySelectorAll('*')) {
            if (!host.localName.startsWith('cosell-') || !host.shadowRoot) continue;
            for (const el of host.shadowRoot.querySelectorAll('[data-rule]')) out.push(el.getAttribute('data-rule'));
          }
          return out;
        })
        .catch(() => [])),
    );
  }
  return ids.sort();
}

/** Tab id of the first tab whose URL matches (asked of the service worker; needs host permission). */
export async function tabIdFor(sw, urlPattern) {
  return sw.evaluate(async (pattern) => (await chrome.tabs.query({ url: pattern }))[0]?.id ?? null, urlPattern);
}

export function messages(lang) {
  return JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8'));
}

const DEFAULT_SETTINGS = { version: 1, disabledRules: [], fields: {}, salesforceStages: {}, labelOverrides: {} };

/** Stores the fixture's settings (or the defaults) the way the popup would. */
export async function useSettings(sw, partial) {
  await sw.evaluate(async (value) => chrome.storage.local.set({ settings: value }), { ...DEFAULT_SETTINGS, ...(partial ?? {}) });
}

/**
 * Opens a fixture and waits until the extension has read it: until the hints shown equal the
 * expected rule set, or the background holds a report for this URL and the page is quiet. Returns
 * the unique rule IDs shown.
 */
export async function openAndSettle(browser, page, url, expected, { timeout = 8000 } = {}) {
  await page.goto(url);
  const want = [...new Set(expected)].sort().join(',');
  const started = Date.now();
  let shown = [];
  while (Date.now() - started < timeout) {
    shown = [...new Set(await shownRules(page))].sort();
    const tabId = await tabIdFor(browser.sw, page.url().split('#')[0]).catch(() => null);
    const reported = tabId
      ? await browser.sw.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`]?.frames?.['0'] ?? null, tabId)
      : null;
    // What the page shows: the findings reported, less those said in the popup only (a normal
    // state) or only while their field is edited (docs/architecture.md, "inline or not").
    const inline = reported ? [...new Set(reported.findings.filter((f) => !f.display).map((f) => f.rule))].sort().join(',') : null;
    const reportedAll = reported ? [...new Set(reported.findings.map((f) => f.rule))].sort().join(',') : null;
    if (reported && reported.url === page.url() && reportedAll === want && shown.join(',') === inline)
      return want.split(',').filter(Boolean);
    await page.waitForTimeout(100);
  }
  return shown;
}

/** Opens the popup as a page, pinned to a tab when given. */
export async function openPopup(browser, tabId = null) {
  const popup = await browser.context.newPage();
  // The size Chrome gives it from the toolbar: its body's 500 px and 30 px for a scrollbar, 600 high.
  await popup.setViewportSize({ width: 530, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html${tabId ? `?tab=${tabId}` : ''}`);
  await popup.locator('[role="tablist"]').waitFor();
  return popup;
}

/**
 * The extension's popups as a click on its toolbar action opens them (`action.openPopup()`), in the
 * window of the tab brought to the front last: Chrome sizes each one to its content and draws it in
 * its own bubble, which a tab cannot show. Needs `launch({ debugging: true })`: a browser-level
 * DevTools connection finds the popup (Playwright does not list it as a page) and evaluates in it.
 * `open(file)` waits `settle` ms, untouched, before it looks for the popup.
 */
export async function actionPopups(browser) {
  const [port] = readFileSync(join(browser.profile, 'DevToolsActivePort'), 'utf8').split('\n');
  const remote = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const cdp = await remote.newBrowserCDPSession();
  let nextId = 1;
  const replies = new Map();
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const m = JSON.parse(message);
    replies.get(m.id)?.(m);
  });
  const send = (sessionId, expression) =>
    new Promise((ok, fail) => {
      const id = nextId++;
      const timer = setTimeout(() => fail(new Error(`the popup did not answer ${expression.slice(0, 60)}`)), 5000);
      replies.set(id, (m) => {
        clearTimeout(timer);
        replies.delete(id);
        if (m.error || m.result?.exceptionDetails) fail(new Error(m.error?.message ?? m.result.exceptionDetails.text));
        else ok(m.result?.result?.value);
      });
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true, awaitPromise: true } }),
      });
    });
  return {
    async open(file = 'popup.html', { settle = 400 } = {}) {
      await browser.sw.evaluate(async (popup) => {
        await chrome.action.setPopup({ popup });
        await chrome.action.openPopup();
      }, file);
      await new Promise((ok) => setTimeout(ok, settle));
      const { targetInfos } = await cdp.send('Target.getTargets');
      const target = targetInfos.find((t) => t.url.startsWith(`chrome-extension://${browser.extensionId}/${file}`));
      if (!target) throw new Error(`the ${file} popup did not open`);
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
      return {
        /** Evaluates an expression (a string: it runs in the popup) and returns its value. */
        evaluate: (expression) => send(sessionId, expression),
        /** Until the expression is truthy (polled every 50 ms, at most 5 s). */
        async waitFor(expression) {
          for (let waited = 0; !(await send(sessionId, expression)); waited += 50) {
            if (waited > 5000) throw new Error(`the ${file} popup never showed ${expression.slice(0, 60)}`);
            await new Promise((ok) => setTimeout(ok, 50));
          }
        },
        async close() {
          await cdp.send('Target.closeTarget', { targetId: target.targetId }).catch(() => undefined);
          await new Promise((ok) => setTimeout(ok, 150));
        },
      };
    },
    /** Puts the action's own popup back and lets go of the browser (which stays with the caller). */
    async dispose() {
      await browser.sw.evaluate(() => chrome.action.setPopup({ popup: 'popup.html' })).catch(() => undefined);
      await remote.close().catch(() => undefined);
    },
  };
}

/** Where Debian's Chromium reads machine policies (root only); a test writes its file there and removes it. */
export const POLICY_DIR = '/etc/chromium/policies/managed';

export const canWritePolicy = () => {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

export const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

/**
 * axe-core findings (of any impact) on the whole page that are there only because of what the
 * extension added (a control of ours nested in the page's button, say): the page is scanned as it is,
 * then with our hosts taken out, and the rule ids that more elements fail in the first scan are
 * returned. Our hosts are put back (popovers closed: the next pass shows them).
 */
export async function axeAddedByUs(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    // Rule id → how many elements fail it: a rule the page already fails still counts when we add to it.
    // Not `region` (content outside every landmark): axe reports the outermost such element, so a
    // host of ours in the page's header splits its one finding into three. We fail it only where
    // the page does not: one of our hosts outside every landmark in a page that has all else in one.
    const counts = async () =>
      new Map((await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => [v.id, v.nodes.length]));
    const withUs = await counts();
    const ours = [...document.querySelectorAll('*')]
      .filter((el) => el.localName.startsWith('cosell-'))
      .map((el) => ({ el, parent: el.parentNode, next: el.nextSibling }));
    for (const { el } of ours) el.remove();
    const without = await counts();
    for (const { el, parent, next } of ours.reverse()) parent.insertBefore(el, next?.parentNode === parent ? next : null);
    return [...withUs].filter(([id, n]) => (id === 'region' ? !without.has(id) : n > (without.get(id) ?? 0))).map(([id]) => id);
  });
}

/**
 * axe-core in the page (evaluated through the debugger, so the extension page's CSP does not apply).
 * `ours`: scan only what the extension added (every `cosell-*` host and its shadow tree), not the
 * page around it.
 */
export async function axeViolations(page, { ours = false } = {}) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(async (onlyOurs) => {
    const contexts = onlyOurs ? [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('cosell-')) : [document];
    const violations = [];
    for (const context of contexts) {
      const r = await window.axe.run(context, { resultTypes: ['violations'] });
      violations.push(
        ...r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0]?.target?.join(' ') })),
      );
    }
    return violations;
  }, ours);
  return result;
}
