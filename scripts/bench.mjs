#!/usr/bin/env node
/**
 * `npm run bench`: runs the built extension in Chromium against bench and fixture pages and prints
 * each figure beside its budget. Measures side by side (A/B alternating, median of rounds) because
 * machines are noisy. Asserts nothing unless `--check`, which exits 1 when a figure is over budget.
 * Results are also written to bench-results/latest.json.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION, ROOT, actionPopups, launch, listFixtures, startServer, useSettings } from '../test/e2e/harness.mjs';

const CHECK = process.argv.includes('--check');
// The storm: rounds of STORM_FRAMES frames plus a quiet tail, per variant (BENCH_ROUNDS, default 120).
// One page's CPU time per frame varies by about 10 % from round to round on a 2-vCPU VM, even beside
// an identical page panned at the same moment; 60 rounds left a 95 % interval of about ±3.5 % on a
// ratio, wider than the budget's 5 % margin, so the default is twice that.
const STORM_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 120);
const STORM_FRAMES = 60;
const STORM_TAIL_MS = 700;
// The popup and the blank page are each opened this many times (after 2 warm-up opens).
const POPUP_OPENS = 60;
// The variants: the extension; no extension; a second "no extension" (A/A); the naive reference
// observer. Each round they rotate over as many browsers, all with the extension installed: "no
// extension" is the same page at a host the extension does not match, where it injects nothing.
// So every browser plays every role, and no role keeps whatever one browser instance costs more or
// less than another (a few per cent either way, from launch to launch, on this machine).
const STORM_ROLES = ['ext', 'base', 'same', 'naive'];
// BENCH_ONLY=storm,idle… measures only those sections (bundles are always listed).
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const want = (section) => !ONLY || ONLY.has(section);
const BENCH = join(ROOT, 'test/bench/pages');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
/**
 * Paired ratio of two series measured round by round: sum(a) ÷ sum(b), and a 95 % percentile
 * bootstrap interval from resampling rounds (seeded, so a run's interval is reproducible from its data).
 */
function pairedRatio(a, b, resamples = 4000) {
  let seed = 0x9e3779b9;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const ratios = [];
  for (let i = 0; i < resamples; i++) {
    let x = 0;
    let y = 0;
    for (let j = 0; j < a.length; j++) {
      const k = Math.floor(random() * a.length);
      x += a[k];
      y += b[k];
    }
    ratios.push(x / y);
  }
  ratios.sort((p, q) => p - q);
  return { ratio: mean(a) / mean(b), interval: [ratios[Math.floor(resamples * 0.025)], ratios[Math.ceil(resamples * 0.975) - 1]] };
}
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const rows = [];
/** Per-round figures behind the ratios, written to bench-results/latest.json for a closer look. */
const raw = {};
const add = (figure, value, unit, budget, ok, note = '') => rows.push({ figure, value, unit, budget, ok, note });
const log = (...a) => console.error(...a);

// 1. Bundle sizes --------------------------------------------------------------------------
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
for (const f of readdirSync(join(EXTENSION, 'content-scripts')).filter((f) => f.endsWith('.js'))) {
  const file = join(EXTENSION, 'content-scripts', f);
  const size = gz(file);
  add(`bundle ${f} (gzip)`, size / 1000, 'kB', '≤ 25 kB', size <= 25_000, `${(readFileSync(file).length / 1000).toFixed(1)} kB raw`);
}
// The popup is its page (popup.html, with its stylesheet inlined) and its chunks: the entry, and the
// other tabs' code loaded after the first render. Only the popup has chunks; the content scripts and
// the worker are single files.
const popupEntry = readdirSync(join(EXTENSION, 'chunks')).find((f) => f.startsWith('popup-'));
const popupFiles = [join(EXTENSION, 'popup.html'), ...readdirSync(join(EXTENSION, 'chunks')).map((f) => join(EXTENSION, 'chunks', f))];
const popupGz = popupFiles.reduce((n, f) => n + gz(f), 0);
const firstGz = gz(join(EXTENSION, 'popup.html')) + gz(join(EXTENSION, 'chunks', popupEntry));
add(
  'bundle popup HTML + JS (gzip)',
  popupGz / 1000,
  'kB',
  '≤ 60 kB',
  popupGz <= 60_000,
  `${(popupFiles.reduce((n, f) => n + readFileSync(f).length, 0) / 1000).toFixed(1)} kB raw; ${(firstGz / 1000).toFixed(1)} kB gzip before the first render`,
);
const bg = join(EXTENSION, 'background.js');
add('bundle background.js (gzip)', gz(bg) / 1000, 'kB', '—', true, `${(readFileSync(bg).length / 1000).toFixed(1)} kB raw`);

const BRIDGE = join(ROOT, 'test/fixtures/bridge');
const server = await startServer({ extraRoots: [BENCH, BRIDGE] });
const bench = Object.fromEntries(listFixtures(BENCH).map((f) => [f.name, f]));
const launchedAt = Date.now();
const withExt = await launch({ port: server.port });
const without = await launch({ port: server.port, extension: false });
await useSettings(withExt.sw);

const metrics = async (cdp) => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
const metric = async (cdp, name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name).value;
async function instrumented(browser) {
  const page = await browser.context.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

/**
 * Where a page's main thread spent its time, from a V8 CPU profile, split into `windows` equal
 * spans from the profile's start: `ours`, samples with a chrome-extension:// script anywhere on
 * the stack (the content script runs in the page's isolate, in a world of its own), and `gc`,
 * the garbage collector; both in ms.
 */
function sampled(profile, windows) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const oursMemo = new Map();
  const isOurs = (id) => {
    if (id === undefined) return false;
    if (!oursMemo.has(id)) oursMemo.set(id, nodes.get(id).callFrame.url.startsWith('chrome-extension://') || isOurs(parent.get(id)));
    return oursMemo.get(id);
  };
  const span = (profile.endTime - profile.startTime) / windows;
  const out = { ours: Array(windows).fill(0), gc: Array(windows).fill(0) };
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i];
    // A sample stands for the time until the next one, at most 0.5 ms: on a busy machine the sampler
    // thread itself is sometimes not scheduled for a few ms, and that gap says nothing of the stack.
    const ms = Math.min(profile.timeDeltas[i + 1] ?? 0, 500) / 1000;
    const w = Math.min(windows - 1, Math.floor((at - profile.startTime) / span));
    const node = nodes.get(profile.samples[i]);
    if (node.callFrame.functionName === '(garbage collector)') out.gc[w] += ms;
    else if (isOurs(node.id)) out.ours[w] += ms;
  }
  return out;
}

try {
  if (want('latency')) {
    // 2. Hint latency -----------------------------------------------------------------------
    log('hint latency…');
    const latencies = [];
    const warmUp = [];
    // Each load in a new tab, as a user opens a record: a new tab is a new renderer process, where
    // nothing of the extension is cached yet (the same tab reloaded keeps, for one, the message
    // bundle `i18n.getMessage` loads on its first call). The first two loads are not counted, as the
    // popup's first two opens are not: the very first page after the extension's files were written
    // (a new build, an update) is 180-200 ms later on this machine, once, in the browser's own work
    // (docs/performance.md, "Hint latency"); it is reported beside the figure.
    for (let i = 0; i < 22; i++) {
      const { page } = await instrumented(withExt);
      await page.goto(bench.latency.url);
      await page.waitForFunction(() => window.__bench?.hintAt > 0 && window.__bench.renderedAt > 0, null, { timeout: 10000 });
      (i < 2 ? warmUp : latencies).push(await page.evaluate(() => window.__bench.hintAt - window.__bench.renderedAt));
      await page.close();
    }
    raw.latency = { unit: 'ms from the field rendered to the hint in the DOM, per load, in order', warmUp, latencies };
    if (process.env.BENCH_VERBOSE) log(`  loads: ${latencies.map((x) => x.toFixed(1)).join(', ')} ms`);
    add(
      'hint latency p50',
      median(latencies),
      'ms',
      '—',
      true,
      `${latencies.length} page loads, each in a new tab, after 2 not counted (the first: ${warmUp[0].toFixed(1)} ms)`,
    );
    add('hint latency p95', p95(latencies), 'ms', '≤ 50 ms', p95(latencies) <= 50);
  }

  if (want('storm')) {
    // 3. Mutation storm (variants side by side, round by round) ----------------------------------
    // Four browsers, one tab each. In a round, every tab loads a fresh page in its role (STORM_ROLES),
    // warms up and collects garbage; then all pan for STORM_FRAMES frames at the same moment, plus a
    // quiet tail in which the extension's deferred read happens. Panning at the same moment makes the
    // machine's own ups and downs hit every variant alike; with several main threads sharing the
    // cores, the figure is the main thread's CPU time (CDP ThreadTime), which being descheduled does
    // not inflate. The ratio is summed over all rounds; its 95 % interval comes from resampling the
    // rounds. "A/A" is the second page without the extension: how far apart equal things measure.
    log(`mutation storm (${STORM_ROUNDS} rounds × ${STORM_FRAMES} frames, ${STORM_ROLES.length} variants side by side)…`);
    // Each role is served from a site of its own (the extension runs on the first only). A browser
    // plays the roles in turn, so each round it navigates to another site and gets a renderer process
    // of its own. When "base" and "same" shared one site, "same" always followed "base" in the same
    // browser, and measured 1-3 % slower than "base" in every run (the A/A row; docs/performance.md).
    const [elsewhere, elsewhereAA, elsewhereNaive] = bench.storm.meta.aliases;
    const stormUrl = { ext: bench.storm.url, base: elsewhere, same: elsewhereAA, naive: elsewhereNaive };
    const browsers = [];
    for (let i = 0; i < STORM_ROLES.length; i++)
      browsers.push(
        await launch({ port: server.port, extraHosts: [elsewhere, elsewhereAA, elsewhereNaive].map((u) => new URL(u).hostname) }),
      );
    for (const b of browsers) await useSettings(b.sw);
    const tabs = await Promise.all(browsers.map((b) => instrumented(b)));
    const cpu = Object.fromEntries(STORM_ROLES.map((key) => [key, []]));
    const wall = Object.fromEntries(STORM_ROLES.map((key) => [key, []]));
    try {
      for (let r = 0; r < STORM_ROUNDS; r++) {
        tabs.forEach((tab, i) => (tab.role = STORM_ROLES[(i + r) % STORM_ROLES.length]));
        await Promise.all(
          tabs.map(async ({ page, cdp, role }) => {
            await page.goto(stormUrl[role]);
            await page.waitForTimeout(400); // the extension reads the page
            if (role === 'naive') {
              // The reference the budget compares against: a subtree observer that re-queries on every batch.
              await page.evaluate(() => {
                new MutationObserver(() => {
                  for (const n of document.querySelectorAll('[data-id]')) n.getAttribute('data-id');
                  document.querySelectorAll('[role="alert"], [role="row"], label');
                }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
              });
            }
            await page.evaluate((n) => window.__storm(n), 5);
            await cdp.send('HeapProfiler.collectGarbage');
          }),
        );
        await Promise.all(
          tabs.map(async ({ page, cdp, role }) => {
            const before = await metrics(cdp);
            const frames = await page.evaluate((n) => window.__storm(n), STORM_FRAMES);
            await page.waitForTimeout(STORM_TAIL_MS);
            const after = await metrics(cdp);
            cpu[role].push(((after.ThreadTime - before.ThreadTime) * 1000) / frames);
            wall[role].push(((after.TaskDuration - before.TaskDuration) * 1000) / frames);
          }),
        );
        if (process.env.BENCH_VERBOSE)
          log(`  round ${r}: ${STORM_ROLES.map((key) => `${key} ${cpu[key].at(-1).toFixed(2)}`).join(', ')} ms/frame CPU`);
      }
    } finally {
      for (const b of browsers) await b.close();
    }
    raw.storm = { unit: 'ms main-thread CPU per frame, per round', ...cpu };
    const est = (a, b) => pairedRatio(cpu[a], cpu[b]);
    const interval = ([lo, hi]) => `95 % interval ${lo.toFixed(3)}–${hi.toFixed(3)}`;
    const main = est('ext', 'base');
    add(
      'storm: main-thread CPU time per frame, with extension',
      mean(cpu.ext),
      'ms',
      '—',
      true,
      `1500 cards moved + 20 re-created per frame; ${STORM_ROUNDS} rounds × ${STORM_FRAMES} frames + ${STORM_TAIL_MS} ms tail, variants side by side, roles rotating over 4 browsers`,
    );
    add(
      'storm: same, without extension',
      mean(cpu.base),
      'ms',
      '—',
      true,
      `task time (wall, shared cores) ${mean(wall.ext).toFixed(1)} vs ${mean(wall.base).toFixed(1)} ms`,
    );
    add('storm: with ÷ without', main.ratio, '×', '≤ 1.05', main.ratio <= 1.05, interval(main.interval));
    const aa = est('same', 'base');
    add('storm: A/A, without ÷ without', aa.ratio, '×', '(noise)', true, `${interval(aa.interval)}; the same thing measured twice`);
    const naive = est('naive', 'base');
    add('storm: naive subtree observer ÷ without', naive.ratio, '×', '(reference)', true, interval(naive.interval));
    const vsNaive = est('ext', 'naive');
    add('storm: extension ÷ naive observer', vsNaive.ratio, '×', '—', true, interval(vsNaive.interval));
  }

  if (want('idle')) {
    // 4. Idle cost ---------------------------------------------------------------------------
    log('idle…');
    const idle = { ext: [], base: [] };
    const syncOff = listFixtures().find((f) => f.name === 'opportunity-sync-off');
    // A browser that has just started finishes its start-up in the background: its policy load re-sends
    // every renderer the extensions' scripts and permissions (extensions.mojom.Renderer messages, 5–15
    // ms in each open page, once, with no line of ours running), seen from 3 s to about 30 s after the
    // start, later the busier the browser. That is the browser's start, not an idle page: the pages
    // load once the browsers have been up 40 s (in a full run they have been up for minutes).
    const up = Date.now() - launchedAt;
    if (up < 40_000) await new Promise((ok) => setTimeout(ok, 40_000 - up));
    const idlePages = { ext: await instrumented(withExt), base: await instrumented(without) };
    // Both pages load at the same moment and are measured over the same four 10-second windows, each
    // in its own browser (each in front): what the browser does by itself at a given time after a load
    // (a garbage collection about 30 s after it, with or without the extension) falls in the same
    // window for both. Each page's main thread is sampled every 100 µs (V8's CPU profiler, which sees
    // the content script's isolated world too): the budget is the time it spent in the extension's
    // code (any frame of a chrome-extension:// script on the stack, microtasks and callbacks included)
    // while idle. The same count over the load is the control: if it read 0 the attribution would be
    // broken. The page's whole main-thread time, with minus without, is listed beside it.
    const profiled = (cdp) =>
      cdp
        .send('Profiler.enable')
        .then(() => cdp.send('Profiler.setSamplingInterval', { interval: 100 }))
        .then(() => cdp.send('Profiler.start'));
    await Promise.all(Object.values(idlePages).map(({ page }) => page.bringToFront()));
    await Promise.all(Object.values(idlePages).map(({ cdp }) => profiled(cdp)));
    await Promise.all(Object.values(idlePages).map(({ page }) => page.goto(syncOff.url)));
    await new Promise((ok) => setTimeout(ok, 1500));
    const loadProfiles = await Promise.all(['ext', 'base'].map(async (key) => (await idlePages[key].cdp.send('Profiler.stop')).profile));
    await Promise.all(Object.values(idlePages).map(({ cdp }) => cdp.send('Profiler.start')));
    const taskTime = () => Promise.all(['ext', 'base'].map((key) => metric(idlePages[key].cdp, 'TaskDuration')));
    let before = await taskTime();
    for (let r = 0; r < 4; r++) {
      await new Promise((ok) => setTimeout(ok, 10_000));
      const after = await taskTime();
      idle.ext.push(after[0] - before[0]);
      idle.base.push(after[1] - before[1]);
      before = after;
    }
    const idleProfiles = await Promise.all(['ext', 'base'].map(async (key) => (await idlePages[key].cdp.send('Profiler.stop')).profile));
    const load = sampled(loadProfiles[0], 1);
    const [ext, base] = idleProfiles.map((p) => sampled(p, 4));
    raw.idle = {
      unit: 's of main-thread task time per 10 s window, both pages over the same windows',
      ...idle,
      sampledMs: { ext, base, load },
    };
    const ours = ext.ours.reduce((a, b) => a + b, 0);
    const list = (xs) => xs.map((x) => x.toFixed(2)).join(', ');
    add(
      "idle 40 s: main-thread time in the extension's code",
      ours,
      'ms',
      'none (≤ 0.1 ms per 10 s)',
      ours <= 0.4 && load.ours[0] > 0,
      `sampled every 100 µs, 1.5–41.5 s after the load; per window ${list(ext.ours)} ms; control, during the load: ${load.ours[0].toFixed(1)} ms${load.ours[0] > 0 ? '' : ' (NOT SEEN: the attribution is broken)'}`,
    );
    const idleExtra = (idle.ext.reduce((n, x, i) => n + x - idle.base[i], 0) / idle.ext.length) * 1000;
    const gcExtra = ext.gc.reduce((n, x, i) => n + x - base.gc[i], 0) / 4;
    add(
      "idle 10 s: the page's main-thread time, with − without extension",
      idleExtra,
      'ms',
      '—',
      true,
      `mean of 4 windows side by side: ${idle.ext.map((x, i) => ((x - idle.base[i]) * 1000).toFixed(2)).join(', ')} ms; of which garbage collection ${gcExtra.toFixed(2)} ms (windows ${ext.gc.map((x, i) => (x - base.gc[i]).toFixed(2)).join(', ')}): the page's heap holds the content script's too`,
    );
    for (const { page } of Object.values(idlePages)) await page.close();
  }

  if (want('navigation')) {
    // 5. Navigation leak ---------------------------------------------------------------------
    log('navigation leak…');
    {
      const spa = listFixtures().find((f) => f.name === 'opportunity-spa-navigation');
      const { page, cdp } = await instrumented(withExt);
      // One hint per finding the fixture expects, on each of its two records.
      const hints = { a: spa.meta.rules.length, b: spa.meta.spa.other.rules.length };
      await page.goto(spa.url);
      await page.waitForFunction((n) => document.querySelectorAll('cosell-hint').length === n, hints.a);
      const snapshot = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
        const count = await page.evaluate(() => ({
          hosts: [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('cosell-')).length,
        }));
        const { result: doc } = await cdp.send('Runtime.evaluate', { expression: 'document' });
        const { result: win } = await cdp.send('Runtime.evaluate', { expression: 'window' });
        const listeners =
          (await cdp.send('DOMDebugger.getEventListeners', { objectId: doc.objectId })).listeners.length +
          (await cdp.send('DOMDebugger.getEventListeners', { objectId: win.objectId })).listeners.length;
        return { heap, listeners, ...count };
      };
      await cdp.send('HeapProfiler.enable');
      const start = await snapshot();
      for (let i = 0; i < 200; i++) {
        const now = await page.evaluate(() => window.cosellFixtureNavigate());
        await page.waitForFunction((n) => document.querySelectorAll('cosell-hint').length === n, hints[now], { timeout: 5000 });
      }
      const end = await snapshot();
      const growth = (end.heap - start.heap) / 1e6;
      add('200 navigations: hosts at the end', end.hosts, '', `= ${start.hosts} (one set)`, end.hosts === start.hosts);
      add(
        '200 navigations: document + window listeners',
        end.listeners - start.listeners,
        'added',
        '0',
        end.listeners === start.listeners,
        `${start.listeners} → ${end.listeners}`,
      );
      add('200 navigations: heap growth after GC', growth, 'MB', '≤ 1 MB', growth <= 1);
      await page.close();
    }
  }

  if (want('popup')) {
    // 6. Popup first render with a realistic stored state -------------------------------------------
    log('popup…');
    // A copy of the build with one more page, blank.html: an extension page with one line of text and
    // nothing else, opened the same way. It shows what the browser itself takes to show a page of the
    // extension here.
    const copy = mkdtempSync(join(tmpdir(), 'cosell-popup-'));
    cpSync(EXTENSION, copy, { recursive: true });
    writeFileSync(join(copy, 'blank.html'), '<!doctype html><meta charset="utf-8"><title>blank</title><p>blank</p>');
    // A 1920 × 1080 screen: on headless Chrome's default 800 × 600 one a popup gets less than 600 px.
    const browser = await launch({ port: server.port, extensionPath: copy, debugging: true, args: ['--screen-info={1920x1080}'] });
    try {
      await useSettings(browser.sw);
      const problems = listFixtures().find((f) => f.name === 'opportunity-problems');
      const page = await browser.context.newPage();
      await page.goto(problems.url);
      await page.waitForFunction(() => document.querySelectorAll('cosell-hint').length > 5);
      await browser.sw.evaluate(async () => {
        const flows = (n, on) =>
          Object.fromEntries(
            [
              'webhook-registration',
              'customize',
              'create-referral',
              'helper',
              'referral-updates',
              'pc-to-crm',
              'crm-to-pc',
              'opportunity-to-pc',
              'solutions-to-pc',
            ]
              .slice(0, n)
              .map((r, i) => [r, { name: r, state: i < on ? 'on' : 'off', seenAt: Date.now() }]),
          );
        await chrome.storage.local.set({
          flowSightings: {
            version: 1,
            environments: {
              'Default-a': { solution: 'dynamics', seenAt: Date.now(), flows: flows(9, 5) },
              Prod: { solution: 'dynamics', seenAt: Date.now() - 1e6, flows: flows(9, 9) },
              SF: { solution: 'salesforce', seenAt: Date.now() - 2e6, flows: flows(8, 3) },
            },
          },
          checklist: {
            version: 1,
            solution: null,
            ticks: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`dynamics/prerequisites/item-${i}`, Date.now()])),
          },
        });
      });
      const times = { popup: [], blank: [] };
      const painted = { popup: [], blank: [] };
      const sizes = { popup: new Set(), blank: new Set() };
      const shownFindings = new Set();
      // The popup itself, opened from the toolbar action as a click opens it (`action.openPopup()`),
      // on the tab with the findings: Chrome sizes it to its content (the page's minimum width, within
      // 800 × 600) and draws it in its own bubble. The blank page is opened as the action's popup too.
      // A browser-level DevTools connection finds each one once it has rendered, reads its timings, and
      // closes it; nothing of it runs in the popup before then.
      await page.bringToFront();
      const popups = await actionPopups(browser);
      const openAsPopup = async (name) => {
        const popup = await popups.open(`${name}.html`);
        try {
          await popup.waitFor(
            `performance.getEntriesByName('first-contentful-paint').length > 0 && ${name === 'popup' ? "performance.getEntriesByName('cosell-popup-rendered').length > 0" : 'true'}`,
          );
          // The figure is when the frame that shows the content reaches the screen: paint timing's
          // startTime, which Chromium reports at presentation, after raster and draw (paintTime is when
          // the main thread painted it). The popup renders once, with its content: its mark (set when
          // that content is committed to the DOM) must precede the first contentful paint, else that
          // paint showed something else and the open is counted as not measured.
          return JSON.parse(
            await popup.evaluate(`(() => {
            const fcp = performance.getEntriesByName('first-contentful-paint')[0];
            const mark = performance.getEntriesByName('cosell-popup-rendered')[0];
            return JSON.stringify({ shown: fcp.startTime, painted: fcp.paintTime ?? fcp.startTime, contentFirst: !mark || mark.startTime <= (fcp.paintTime ?? fcp.startTime), size: innerWidth + ' × ' + innerHeight, findings: document.querySelectorAll('[data-rule]').length });
          })()`),
          );
        } finally {
          await popup.close();
        }
      };
      try {
        for (let i = 0; i < POPUP_OPENS + 2; i++) {
          for (const name of ['popup', 'blank']) {
            const r = await openAsPopup(name);
            // The popup must be about the tab with the findings, as when a user clicks the action there.
            if (name === 'popup' && r.findings === 0) throw new Error('the popup shows no findings: it was opened on another tab');
            if (name === 'popup') shownFindings.add(r.findings);
            if (i < 2) continue;
            times[name].push(r.contentFirst ? r.shown : Infinity);
            painted[name].push(r.painted);
            sizes[name].add(r.size);
          }
        }
      } finally {
        await popups.dispose();
      }
      const unmeasured = times.popup.filter((x) => x === Infinity).length;
      // Opened one right after the other, the popup and the blank page share the machine's speed of
      // that moment: their difference is the popup's own share, less blurred by this VM's drift.
      raw.popup = { unit: 'ms to first contentful paint, presented, per open', ...times };
      const own = times.popup.map((x, i) => x - times.blank[i]);
      add(
        'popup: first render on screen (median)',
        median(times.popup),
        'ms',
        '—',
        true,
        `${POPUP_OPENS} opens from the toolbar action after 2 warm-up, ${[...sizes.popup].join(', ')} px as Chrome sized it; 3 environments, 20 ticks, ${[...shownFindings].join(', ')} findings; painted on the main thread at ${median(painted.popup).toFixed(1)} ms${unmeasured ? `; ${unmeasured} opens did not show the findings in their first paint` : ''}`,
      );
      add(
        'popup: first render on screen (p95)',
        p95(times.popup),
        'ms',
        '—',
        true,
        `painted p95 ${p95(painted.popup).toFixed(1)} ms; the budget is on its own share below`,
      );
      add(
        'popup: a blank extension page, opened the same way (median / p95)',
        median(times.blank),
        'ms',
        '(floor)',
        true,
        `p95 ${p95(times.blank).toFixed(1)} ms: the browser's own share (${[...sizes.blank].join(', ')} px)`,
      );
      // The budget: what the browser spends opening any extension page is not the popup's to save.
      add(
        'popup: its own share, popup − the blank page opened right after it (median)',
        median(own),
        'ms',
        '≤ 40 ms',
        median(own) <= 40,
        `over ${median(times.blank).toFixed(1)} ms of the blank page`,
      );
      add(
        'popup: its own share (p95)',
        p95(own),
        'ms',
        '≤ 60 ms',
        p95(own) <= 60,
        `${unmeasured ? `${unmeasured} opens unmeasured, counted as over` : 'every open measured'}`,
      );
    } finally {
      await browser.close();
      rmSync(copy, { recursive: true, force: true });
    }
  }

  if (want('xrm')) {
    // The Xrm bridge: one pass's question and answer, on the form the bridge test reads (10
    // attributes, 6 custom fields by label). Timed in the page: the page-world read, the answer's
    // event, and the isolated world's JSON + zod check, all synchronous in one dispatch.
    log('Xrm read per pass…');
    const f = listFixtures(BRIDGE).find((x) => x.name === 'opportunity-xrm-values');
    const page = await withExt.context.newPage();
    await page.addInitScript(() => document.addEventListener('cosell:xrm-request', (e) => (window.__xrmWant = e.detail)));
    await page.goto(f.url);
    await page.waitForFunction(() => typeof window.__xrmWant === 'string', null, { timeout: 10000 });
    await page.waitForTimeout(500);
    const per = await page.evaluate(() => {
      const out = [];
      for (let i = 0; i < 220; i++) {
        const t0 = performance.now();
        document.dispatchEvent(new window.CustomEvent('cosell:xrm-request', { detail: window.__xrmWant }));
        if (i >= 20) out.push(performance.now() - t0);
      }
      return out;
    });
    await page.close();
    raw.xrm = { unit: 'ms per question and answer, in the page', per };
    add(
      'Xrm bridge: read per pass (median / p95)',
      median(per),
      'ms',
      '≤ 1 ms (median)',
      median(per) <= 1,
      `p95 ${p95(per).toFixed(3)} ms; 200 reads after 20 not counted; no timer, no work while the form is idle`,
    );
  }
} finally {
  await withExt.close();
  await without.close();
  await server.close();
}

const fmt = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 1)) : String(v));
const table = [
  '| figure | value | budget | within | note |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.figure} | ${fmt(r.value)} ${r.unit} | ${r.budget} | ${r.ok ? 'yes' : '**no**'} | ${r.note} |`),
].join('\n');
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`Co-sell Companion benchmark — ${new Date().toISOString()} — ${machine}\n\n${table}`);
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results/latest.json'), JSON.stringify({ at: new Date().toISOString(), machine, rows, raw }, null, 2));
const over = rows.filter((r) => !r.ok);
if (over.length) console.log(`\nOver budget: ${over.map((r) => r.figure).join('; ')}`);
process.exit(CHECK && over.length ? 1 : 0);
