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
import { EXTENSION, ROOT, launch, listFixtures, startServer, useSettings } from '../test/e2e/harness.mjs';

const CHECK = process.argv.includes('--check');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const STORM_FRAMES = 120;
// BENCH_ONLY=storm,idle… measures only those sections (bundles are always listed).
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const want = (section) => !ONLY || ONLY.has(section);
const BENCH = join(ROOT, 'test/bench/pages');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.round((xs.length - 1) * q)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const rows = [];
const add = (figure, value, unit, budget, ok, note = '') => rows.push({ figure, value, unit, budget, ok, note });
const log = (...a) => console.error(...a);

// 1. Bundle sizes --------------------------------------------------------------------------
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
for (const f of readdirSync(join(EXTENSION, 'content-scripts')).filter((f) => f.endsWith('.js'))) {
  const file = join(EXTENSION, 'content-scripts', f);
  const size = gz(file);
  add(`bundle ${f} (gzip)`, size / 1000, 'kB', '≤ 25 kB', size <= 25_000, `${(readFileSync(file).length / 1000).toFixed(1)} kB raw`);
}
const popupChunk = readdirSync(join(EXTENSION, 'chunks')).find((f) => f.startsWith('popup-'));
const popupFiles = [join(EXTENSION, 'chunks', popupChunk), ...readdirSync(join(EXTENSION, 'assets')).filter((f) => f.startsWith('popup-')).map((f) => join(EXTENSION, 'assets', f))];
const popupGz = popupFiles.reduce((n, f) => n + gz(f), 0);
add('bundle popup JS + CSS (gzip)', popupGz / 1000, 'kB', '≤ 60 kB', popupGz <= 60_000, `${(popupFiles.reduce((n, f) => n + readFileSync(f).length, 0) / 1000).toFixed(1)} kB raw`);
const bg = join(EXTENSION, 'background.js');
add('bundle background.js (gzip)', gz(bg) / 1000, 'kB', '—', true, `${(readFileSync(bg).length / 1000).toFixed(1)} kB raw`);

const server = await startServer({ extraRoots: [BENCH] });
const bench = Object.fromEntries(listFixtures(BENCH).map((f) => [f.name, f]));
const withExt = await launch({ port: server.port });
const without = await launch({ port: server.port, extension: false });
// The floor: the same extension installed, its Power Automate content script replaced by an empty
// one. What an installed extension costs the page before its script does anything.
const inertPath = mkdtempSync(join(tmpdir(), 'cosell-inert-'));
cpSync(EXTENSION, inertPath, { recursive: true });
writeFileSync(join(inertPath, 'content-scripts/power-automate.js'), '');
const inert = want('storm') ? await launch({ port: server.port, extensionPath: inertPath }) : null;
await useSettings(withExt.sw);

const metrics = async (cdp) => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
const metric = async (cdp, name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name).value;
async function instrumented(browser, naive = false) {
  const page = await browser.context.newPage();
  if (naive) {
    // The reference the budget compares against: a subtree observer that re-queries on every batch.
    await page.addInitScript(() => {
      new MutationObserver(() => {
        for (const n of document.querySelectorAll('[data-id]')) n.getAttribute('data-id');
        document.querySelectorAll('[role="alert"], [role="row"], label');
      }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    });
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

try {
  if (want('latency')) {
  // 2. Hint latency -----------------------------------------------------------------------
  log('hint latency…');
  const latencies = [];
  {
    const { page } = await instrumented(withExt);
    for (let i = 0; i < 20; i++) {
      await page.goto(bench.latency.url);
      await page.waitForFunction(() => window.__bench?.hintAt > 0 && window.__bench.renderedAt > 0, null, { timeout: 10000 });
      latencies.push(await page.evaluate(() => window.__bench.hintAt - window.__bench.renderedAt));
    }
    await page.close();
  }
  add('hint latency p50', median(latencies), 'ms', '—', true, `${latencies.length} page loads`);
  add('hint latency p95', p95(latencies), 'ms', '≤ 50 ms', p95(latencies) <= 50);

  }

  if (want('storm')) {
  // 3. Mutation storm (A/B/C alternating) ------------------------------------------------------
  log('mutation storm…');
  const storm = { ext: [], base: [], naive: [], inert: [] };
  const stormCpu = { ext: [], base: [], naive: [], inert: [] };
  const variants = [
    ['ext', withExt, false],
    ['base', without, false],
    ['naive', without, true],
    ['inert', inert, false],
  ];
  const pages = {};
  for (const [key, browser, naive] of variants) {
    pages[key] = await instrumented(browser, naive);
    await pages[key].page.goto(bench.storm.url);
    await pages[key].page.waitForTimeout(500);
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const [key] of r % 2 ? [...variants].reverse() : variants) {
      const { page, cdp } = pages[key];
      await page.bringToFront(); // a background tab gets no animation frames
      const before = await metrics(cdp);
      const frames = await page.evaluate((n) => window.__storm(n), STORM_FRAMES);
      const after = await metrics(cdp);
      storm[key].push(((after.TaskDuration - before.TaskDuration) * 1000) / frames);
      stormCpu[key].push(((after.ThreadTime - before.ThreadTime) * 1000) / frames);
      if (process.env.BENCH_VERBOSE) log(`  round ${r} ${key}: ${storm[key].at(-1).toFixed(2)} ms/frame, cpu ${stormCpu[key].at(-1).toFixed(2)}`);
    }
  }
  const ratios = (a, b) => storm[a].map((x, i) => x / storm[b][i]);
  const ratio = (a, b) => median(ratios(a, b));
  const spread = (a, b) => `rounds p25–p75 ${quantile(ratios(a, b), 0.25).toFixed(2)}–${quantile(ratios(a, b), 0.75).toFixed(2)}`;
  add('storm: main-thread time per frame, with extension', median(storm.ext), 'ms', '—', true, `1500 cards moved + 20 re-created per frame, ${STORM_FRAMES} frames × ${ROUNDS} rounds; main-thread CPU ${median(stormCpu.ext).toFixed(1)} ms`);
  add('storm: same, without extension', median(storm.base), 'ms', '—', true, `main-thread CPU ${median(stormCpu.base).toFixed(1)} ms`);
  add('storm: with ÷ without', ratio('ext', 'base'), '×', '≤ 1.05', ratio('ext', 'base') <= 1.05, `${spread('ext', 'base')}; CPU time ${median(stormCpu.ext.map((x, i) => x / stormCpu.base[i])).toFixed(2)} ×`);
  add('storm: installed but inert ÷ without', ratio('inert', 'base'), '×', '(floor)', true, `${spread('inert', 'base')}; the same extension with an empty content script`);
  add('storm: with ÷ inert (our content script alone)', ratio('ext', 'inert'), '×', '—', true, spread('ext', 'inert'));
  add('storm: naive subtree observer ÷ without', ratio('naive', 'base'), '×', '(reference)', true, spread('naive', 'base'));
  add('storm: extension ÷ naive observer', ratio('ext', 'naive'), '×', '—', true);
  for (const { page } of Object.values(pages)) await page.close();

  }

  if (want('idle')) {
  // 4. Idle cost ---------------------------------------------------------------------------
  log('idle…');
  const idle = { ext: [], base: [] };
  const syncOff = listFixtures().find((f) => f.name === 'opportunity-sync-off');
  const idlePages = { ext: await instrumented(withExt), base: await instrumented(without) };
  for (const { page } of Object.values(idlePages)) {
    await page.goto(syncOff.url);
    await page.waitForTimeout(1500);
  }
  for (let r = 0; r < 2; r++) {
    for (const key of ['ext', 'base']) {
      const { page, cdp } = idlePages[key];
      await page.bringToFront();
      const before = await metric(cdp, 'TaskDuration');
      await page.waitForTimeout(10_000);
      idle[key].push((await metric(cdp, 'TaskDuration')) - before);
    }
  }
  const idleExtra = (median(idle.ext) - median(idle.base)) * 1000;
  add('idle 10 s: main-thread time with − without extension', idleExtra, 'ms', 'none (≤ 1 ms)', idleExtra <= 1, `${(median(idle.ext) * 1000).toFixed(2)} vs ${(median(idle.base) * 1000).toFixed(2)} ms`);
  for (const { page } of Object.values(idlePages)) await page.close();

  }

  if (want('navigation')) {
  // 5. Navigation leak ---------------------------------------------------------------------
  log('navigation leak…');
  {
    const spa = listFixtures().find((f) => f.name === 'opportunity-spa-navigation');
    const { page, cdp } = await instrumented(withExt);
    await page.goto(spa.url);
    await page.waitForFunction(() => document.querySelectorAll('cosell-hint').length === 1);
    const snapshot = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      const count = await page.evaluate(() => ({ hosts: [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('cosell-')).length }));
      const { result: doc } = await cdp.send('Runtime.evaluate', { expression: 'document' });
      const { result: win } = await cdp.send('Runtime.evaluate', { expression: 'window' });
      const listeners = (await cdp.send('DOMDebugger.getEventListeners', { objectId: doc.objectId })).listeners.length + (await cdp.send('DOMDebugger.getEventListeners', { objectId: win.objectId })).listeners.length;
      return { heap, listeners, ...count };
    };
    await cdp.send('HeapProfiler.enable');
    const start = await snapshot();
    for (let i = 0; i < 200; i++) {
      const now = await page.evaluate(() => window.cosellFixtureNavigate());
      await page.waitForFunction((n) => document.querySelectorAll('cosell-hint').length === n, now === 'a' ? 1 : 10, { timeout: 5000 });
    }
    const end = await snapshot();
    const growth = (end.heap - start.heap) / 1e6;
    add('200 navigations: hosts at the end', end.hosts, '', `= ${start.hosts} (one set)`, end.hosts === start.hosts);
    add('200 navigations: document + window listeners', end.listeners - start.listeners, 'added', '0', end.listeners === start.listeners, `${start.listeners} → ${end.listeners}`);
    add('200 navigations: heap growth after GC', growth, 'MB', '≤ 1 MB', growth <= 1);
    await page.close();
  }

  }

  if (want('popup')) {
  // 6. Popup first render with a realistic stored state -------------------------------------------
  log('popup…');
  {
    const problems = listFixtures().find((f) => f.name === 'opportunity-problems');
    const page = await withExt.context.newPage();
    await page.goto(problems.url);
    await page.waitForFunction(() => document.querySelectorAll('cosell-hint').length > 5);
    const tabId = await withExt.sw.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0].id, problems.url);
    await withExt.sw.evaluate(async () => {
      const flows = (n, on) => Object.fromEntries(['webhook-registration', 'customize', 'create-referral', 'helper', 'referral-updates', 'pc-to-crm', 'crm-to-pc', 'opportunity-to-pc', 'solutions-to-pc'].slice(0, n).map((r, i) => [r, { name: r, state: i < on ? 'on' : 'off', seenAt: Date.now() }]));
      await chrome.storage.local.set({
        flowSightings: { version: 1, environments: { 'Default-a': { solution: 'dynamics', seenAt: Date.now(), flows: flows(9, 5) }, Prod: { solution: 'dynamics', seenAt: Date.now() - 1e6, flows: flows(9, 9) }, SF: { solution: 'salesforce', seenAt: Date.now() - 2e6, flows: flows(8, 3) } } },
        checklist: { version: 1, solution: null, ticks: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`dynamics/prerequisites/item-${i}`, Date.now()])) },
      });
    });
    const times = [];
    const popup = await withExt.context.newPage();
    for (let i = 0; i < 12; i++) {
      await popup.goto(`chrome-extension://${withExt.extensionId}/popup.html?tab=${tabId}`);
      await popup.waitForFunction(() => performance.getEntriesByName('cosell-popup-rendered').length > 0, null, { timeout: 5000 });
      times.push(await popup.evaluate(() => performance.getEntriesByName('cosell-popup-rendered')[0].startTime));
    }
    add('popup: first render (median)', median(times.slice(2)), 'ms', '—', true, '10 opens after 2 warm-up; 3 environments, 20 ticks, 10 findings');
    add('popup: first render (p95)', p95(times.slice(2)), 'ms', '≤ 100 ms', p95(times.slice(2)) <= 100);
    await popup.close();
    await page.close();
  }
  }

} finally {
  await inert?.close();
  rmSync(inertPath, { recursive: true, force: true });
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
writeFileSync(join(ROOT, 'bench-results/latest.json'), JSON.stringify({ at: new Date().toISOString(), machine, rows }, null, 2));
const over = rows.filter((r) => !r.ok);
if (over.length) console.log(`\nOver budget: ${over.map((r) => r.figure).join('; ')}`);
process.exit(CHECK && over.length ? 1 : 0);
