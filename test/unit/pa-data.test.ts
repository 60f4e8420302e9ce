import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { routeOf } from '@/lib/bridge/pa-reduce';
import { PaStore } from '@/lib/bridge/pa-store';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { readPowerAutomate } from '@/lib/readers/power-automate';
import { paWant, withPageData } from '@/lib/readers/power-automate/data';
import { RULES } from '@/lib/rules';
import { evaluate, localToday } from '@/lib/rules/engine';

const DIR = join(__dirname, '../fixtures/bridge/power-automate');
const API = (name: string) => readFileSync(join(DIR, 'api', `${name}.json`), 'utf8');

/** The page's DOM (its scripts not run), and the store filled as its calls would fill it. */
function page(name: string) {
  const meta = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as {
    url: string;
    rules: { api: string[]; dom: string[] };
    steps?: { api: string[]; dom: string[] };
  };
  const html = readFileSync(join(DIR, `${name}.html`), 'utf8');
  const win = new Window({ url: meta.url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  const doc = win.document as unknown as Document;
  doc.write(html.replace(/<script[\s\S]*?<\/script>/g, ''));
  const store = new PaStore();
  const file: Record<string, string> = {
    '': 'flow',
    ActionOutputs: 'run-bad-request-outputs',
    connections: 'connections',
    'CU00?': 'run-offscreen',
    'CU11?': 'run-bad-request',
    'CU11/actions': 'run-bad-request-actions',
  };
  for (const [, url] of html.matchAll(/\['(?:fetch|xhr|xhr-json|abort)', '([^']+)'\]/g)) {
    const route = routeOf(new URL(url!, meta.url).href);
    const key = Object.keys(file).find((k) => k && url!.includes(k)) ?? (route?.kind === 'flow' ? '' : null);
    if (route && key !== null) store.put(route, API(file[key]!.replace('run-bad-request', 'run-badrequest')));
  }
  return { doc, url: new URL(meta.url), meta, store };
}

function rulesOf(doc: Document, url: URL, store: PaStore | null) {
  const want = paWant(url);
  const reading = withPageData(readPowerAutomate(doc, url, DEFAULT_SETTINGS), store && want ? store.answer(want) : null, url);
  const findings = evaluate(reading?.observations ?? [], { settings: DEFAULT_SETTINGS, today: localToday() }, RULES);
  return { reading, findings, rules: [...new Set(findings.map((f) => f.rule))].sort() };
}

describe.each(['designer-40-steps', 'run-failed-offscreen', 'run-bad-request'])('%s', (name) => {
  it('gives its findings from the API data where the page received it', () => {
    const { doc, url, meta, store } = page(name);
    const { rules, reading } = rulesOf(doc, url, store);
    expect(rules).toEqual(meta.rules.api);
    expect(Object.values(reading!.sources!)).toContain('api');
  });
  it('and from the DOM when it did not', () => {
    const { doc, url, meta } = page(name);
    expect(rulesOf(doc, url, null).rules).toEqual(meta.rules.dom);
  });
  it("keeps the DOM reader's record key", () => {
    const { doc, url, store } = page(name);
    const dom = readPowerAutomate(doc, url, DEFAULT_SETTINGS);
    const merged = rulesOf(doc, url, store).reading!;
    if (dom) expect(merged.recordKey).toBe(dom.recordKey);
    else expect(merged.recordKey).toMatch(/^power-automate:/);
  });
});

describe('the merge, field by field', () => {
  it('lists off-screen and collapsed steps; a rendered card comes first and anchors the hint', () => {
    const { doc, url, store, meta } = page('designer-40-steps');
    const { findings, reading } = rulesOf(doc, url, store);
    const f = findings.find((x) => x.rule === 'flow.connection-missing')!;
    expect(String(f.params.steps).split(', ')).toEqual(meta.steps!.api);
    expect(f.field).toBe('step:List_rows');
    expect(reading!.anchors['step:List_rows']).toBeDefined();
    expect(reading!.anchors['step:Get_referral_details']).toBeUndefined();
    expect(reading!.sources).toMatchObject({ flowName: 'api', steps: 'api' });
  });
  it('a run is failed when the API says so, though no rendered card failed', () => {
    const { doc, url, store } = page('run-failed-offscreen');
    const run = rulesOf(doc, url, store).reading!.observations.find((o) => o.kind === 'flowRun');
    expect(run).toMatchObject({ status: 'failed', errors: [{ action: 'Run_a_Child_Flow', code: 'WorkflowTriggerNotFound' }] });
    const domOnly = readPowerAutomate(doc, url, DEFAULT_SETTINGS)!.observations.find((o) => o.kind === 'flowRun');
    expect(domOnly).toMatchObject({ status: 'unknown' });
  });
  it("matches the outputs' message where the card shows only the code, on the card", () => {
    const { doc, url, store } = page('run-bad-request');
    const { findings, reading } = rulesOf(doc, url, store);
    expect(findings.map((f) => f.field)).toEqual(['error:Create_or_update_referral']);
    expect(reading!.anchors['error:Create_or_update_referral']).toBeDefined();
  });
  it('asks nothing where the URL names no flow or solution', () => {
    expect(paWant(new URL('https://make.powerautomate.com/environments/x/home'))).toBeNull();
    expect(paWant(new URL('https://make.powerautomate.com/environments/E/solutions/S'))).toEqual({ v: 1, env: 'e', solution: 's' });
  });
  it('adds the solution flows the list has not rendered, with their states', () => {
    const doc = new Window({ url: 'https://make.powerautomate.com/' }).document as unknown as Document;
    const url = new URL('https://make.powerautomate.com/environments/E/solutions/4f0c8d3e-2b1a-4c5d-9e8f-7a6b5c4d3e2f');
    const r = withPageData(
      readPowerAutomate(doc, url, DEFAULT_SETTINGS),
      { v: 1, kind: 'pa', flows: [{ id: 'a', name: 'Partner Center Webhook Registration', state: 'on' }] },
      url,
    );
    expect(r!.observations[0]).toMatchObject({
      kind: 'solutionFlows',
      flows: [{ name: 'Partner Center Webhook Registration', state: 'on', flowId: 'a' }],
    });
  });
});
