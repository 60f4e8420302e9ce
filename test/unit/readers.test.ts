import { describe, expect, it } from 'vitest';
import { Observation } from '@/lib/model/observation';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { readDynamics } from '@/lib/readers/dynamics';
import { readSalesforce } from '@/lib/readers/salesforce';
import { readPowerAutomate } from '@/lib/readers/power-automate';
import { readDesigner } from '@/lib/readers/power-automate/designer';
import { readPartnerCenter } from '@/lib/readers/partner-center';
import type { Reader } from '@/lib/readers/types';
import { evaluate, localToday } from '@/lib/rules/engine';
import type { Settings } from '@/lib/model/settings';
import { RULES } from '@/lib/rules';
import { listFixtures, loadFixture, type FixtureMeta } from './helpers';

const READERS: Record<string, Reader> = {
  dynamics: readDynamics,
  salesforce: readSalesforce,
  'power-automate': readPowerAutomate,
  'partner-center': readPartnerCenter,
};
/** Fixture dates are far in the past (2024) or future (2031), so expectations hold on any day a test runs. */
const TODAY = localToday();

const settingsOf = (meta: FixtureMeta): Settings => ({ ...DEFAULT_SETTINGS, ...(meta.settings as Partial<Settings>) });

describe.each(Object.keys(READERS))('%s reader on saved pages', (app) => {
  const read = READERS[app]!;
  const cases = listFixtures(app);
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(0));

  it.each(cases)('%s: observation equals the expected JSON and is schema-valid', (name) => {
    const { doc, url, meta } = loadFixture(app, name);
    const reading = read(doc, url, settingsOf(meta));
    if (meta.observations === null) return expect(reading).toBeNull(); // the page's content is in a frame, read as its own fixture
    expect(reading?.observations).toEqual(meta.observations);
    for (const o of reading!.observations) expect(Observation.safeParse(o).success).toBe(true);
  });

  it.each(cases)('%s: fires exactly the expected rules', (name) => {
    const { doc, url, meta } = loadFixture(app, name);
    const settings = settingsOf(meta);
    const reading = read(doc, url, settings);
    if (meta.observations === null) return;
    const ids = [...new Set(evaluate(reading!.observations, { settings, today: TODAY }, RULES).map((f) => f.rule))].sort();
    expect(ids).toEqual([...meta.rules].sort());
  });

  it.each(cases)('%s: every anchored finding has its anchor on the page', (name) => {
    const { doc, url } = loadFixture(app, name);
    const reading = read(doc, url, DEFAULT_SETTINGS);
    if (!reading) return;
    for (const f of evaluate(reading.observations, { settings: DEFAULT_SETTINGS, today: TODAY }, RULES)) {
      if (f.field) expect((reading.anchors as Record<string, Element | undefined>)[f.field]?.isConnected, f.rule).toBe(true);
    }
  });
});

describe('fixtures', () => {
  it('each has a URL of its own (the fixture server finds pages by URL)', () => {
    const urls = Object.keys(READERS).flatMap((app) => listFixtures(app).map((name) => loadFixture(app, name).meta.url));
    expect(new Set(urls).size).toBe(urls.length);
  });
});

describe('dynamics reader: unknown stays unknown', () => {
  it('returns null before the form has rendered', () => {
    const { doc, url } = loadFixture('dynamics', 'opportunity-late-render', { keepLate: true });
    expect(readDynamics(doc, url, DEFAULT_SETTINGS)).toBeNull();
  });

  it('returns null on a list page', () => {
    const { doc } = loadFixture('dynamics', 'opportunity-sync-off');
    expect(
      readDynamics(doc, new URL('https://contoso.crm.dynamics.com/main.aspx?pagetype=entitylist&etn=opportunity'), DEFAULT_SETTINGS),
    ).toBeNull();
  });

  it('leaves the sync flag unknown when its control is not one we recognise', () => {
    const { doc, url } = loadFixture('dynamics', 'opportunity-sync-off');
    doc.querySelector('select[data-id$="checkbox-select"]')!.replaceWith(doc.createElement('span'));
    const o = readDynamics(doc, url, DEFAULT_SETTINGS)!.observations[0]!;
    expect('syncWithPartnerCenter' in o).toBe(false);
    expect(evaluate([o], { settings: DEFAULT_SETTINGS, today: TODAY }, RULES)).toEqual([]);
  });

  it('ignores a label that is hidden (not what the user sees)', () => {
    const { doc, url } = loadFixture('dynamics', 'opportunity-sync-off');
    (doc.querySelector('section[aria-label="Microsoft Partner Center"]') as HTMLElement).hidden = true;
    const o = readDynamics(doc, url, DEFAULT_SETTINGS)!.observations[0]!;
    expect('syncWithPartnerCenter' in o).toBe(false);
  });

  it('finds a relabelled field through the user label overrides', () => {
    const { doc, url } = loadFixture('dynamics', 'opportunity-sync-off');
    doc.querySelector('label[id$="syncwithpartnercenter-field-label"]')!.textContent = 'Share with Microsoft';
    doc.querySelector('select[data-id$="checkbox-select"]')!.setAttribute('aria-label', 'Share with Microsoft');
    expect('syncWithPartnerCenter' in readDynamics(doc, url, DEFAULT_SETTINGS)!.observations[0]!).toBe(false);
    const settings = { ...DEFAULT_SETTINGS, labelOverrides: { syncWithPartnerCenter: ['Share with Microsoft'] } };
    expect(readDynamics(doc, url, settings)!.observations[0]).toMatchObject({ syncWithPartnerCenter: false });
  });

  it('follows the live value of the select, not the attribute it was rendered with', () => {
    const { doc, url } = loadFixture('dynamics', 'opportunity-sync-off');
    (doc.querySelector('select[data-id$="checkbox-select"]') as HTMLSelectElement).value = '1';
    expect(readDynamics(doc, url, DEFAULT_SETTINGS)!.observations[0]).toMatchObject({ syncWithPartnerCenter: true });
  });
});

describe('power automate designer: the steps that show a problem', () => {
  // Card shapes, each with a different way to show (or not show) a problem. One query finds the signs
  // of every card: in React Flow's node layer when it holds the cards and nothing else, else in the page.
  const shapes = [
    (id: string) =>
      `<div class="nopan"><div role="button" id="msla-node-${id}" class="msla-panel-card-container" aria-label="${id} operation, Invalid connection connector" data-automation-id="card-${id}"><div class="panel-msla-title">${id} title</div></div></div>`,
    (id: string) =>
      `<div class="nopan"><div role="button" id="msla-node-${id}" data-automation-id="card-${id}"><div class="panel-msla-title">T ${id}</div><div class="msla-panel-card-error-text">Invalid connection. Update the connection.</div><span class="msla-badge" title="Connection required">!</span></div></div>`,
    (id: string) =>
      `<div class="nopan"><div role="button" id="msla-node-${id}" data-automation-id="card-${id}"><div class="panel-msla-title">T ${id}</div><img alt="Error" src="x.png"><span aria-label="Errors (2)"></span></div></div>`,
    (id: string) =>
      `<div class="nopan"><div role="button" id="msla-node-${id}" data-automation-id="card-Send_error_mail_${id}"><div class="panel-msla-title">T ${id}</div></div></div>`,
    (id: string) =>
      `<div class="nopan"><div role="button" id="msla-node-${id}" data-automation-id="card-${id}"><span title="Note">i</span></div></div>`,
  ];
  const node = (i: number, attrs = '') =>
    `<div class="react-flow__node" data-id="Step_${i}"${attrs}>${shapes[i % shapes.length]!(`Step_${i}`)}</div>`;
  const designer = (cards: string) => {
    const { doc, url } = loadFixture('power-automate', 'designer-v1');
    const parsed = new DOMParser().parseFromString(`<body>${cards}</body>`, 'text/html');
    doc.querySelector('.react-flow__nodes')!.replaceChildren(...[...parsed.body.children].map((el) => doc.importNode(el, true)));
    return { doc, url };
  };
  const stepsOf = (doc: Document, url: URL) =>
    (readPowerAutomate(doc, url, DEFAULT_SETTINGS)!.observations.find((o) => o.kind === 'flowDesigner') as { steps: unknown[] }).steps;

  it('reads the cards that show a problem, and only those, whether the node layer holds only cards or not', () => {
    const cards = Array.from({ length: 40 }, (_, i) => node(i, i === 7 ? ' aria-label="Invalid connection"' : '')).join('');
    const inLayer = designer(cards);
    expect(readDesigner(inLayer.doc)?.canvas).toBe(inLayer.doc.querySelector('.react-flow__nodes'));
    const steps = stepsOf(inLayer.doc, inLayer.url);
    // Shapes 1 and 2 show a problem; 0 only in its own name, 3 in its automation id (a step that
    // sends error mail), 4 in a badge that says nothing wrong.
    expect(steps.map((s) => (s as { id: string }).id)).toEqual(
      Array.from({ length: 40 }, (_, i) => i)
        .filter((i) => i % 5 === 1 || i % 5 === 2)
        .map((i) => `Step_${i}`),
    );
    expect(steps.slice(0, 2)).toEqual([
      {
        id: 'Step_1',
        title: 'T Step_1',
        connectionProblem: true,
        errorText: 'Invalid connection. Update the connection. · Connection required',
      },
      { id: 'Step_2', title: 'T Step_2', connectionProblem: false, errorText: 'Error · Errors (2)' },
    ]);
    expect(steps.find((s) => (s as { id: string }).id === 'Step_7')).toMatchObject({
      connectionProblem: true,
      errorText: 'Invalid connection · Error · Errors (2)',
    }); // the node's own label first
    // The same cards with something else in their layer: the page is searched instead, with the same result.
    const mixed = designer(cards + '<div class="minimap" title="Error"></div>');
    expect(readDesigner(mixed.doc)?.canvas).toBeNull();
    expect(stepsOf(mixed.doc, mixed.url)).toEqual(steps);
    // And five of them alone give their own share.
    for (let start = 0; start < 40; start += 5) {
      const few = designer(
        Array.from({ length: 5 }, (_, k) => node(start + k, start + k === 7 ? ' aria-label="Invalid connection"' : '')).join(''),
      );
      expect(stepsOf(few.doc, few.url)).toEqual(
        steps.filter((s) => Number((s as { id: string }).id.slice(5)) >= start && Number((s as { id: string }).id.slice(5)) < start + 5),
      );
    }
  });
});
