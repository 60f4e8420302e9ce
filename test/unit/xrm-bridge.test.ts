import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseXrmAnswer, type XrmAnswer } from '@/lib/bridge/xrm-message';
import { XRM_ANSWER_EVENT, XRM_REQUEST_EVENT } from '@/lib/bridge/protocol';
import { readXrm } from '@/lib/bridge/xrm-read';
import { xrmClient } from '@/lib/content/xrm-client';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { readDynamics } from '@/lib/readers/dynamics';
import { dateLangOf, xrmWant } from '@/lib/readers/dynamics/xrm';
import { RULES } from '@/lib/rules';
import { evaluate, localToday } from '@/lib/rules/engine';

const ROOT = join(__dirname, '../fixtures');
type Spec = Record<string, unknown> & { attributes: Record<string, unknown>[] };
type FakeXrm = {
  Page: { getAttribute(n: string): { setValue(v: unknown): void; fireOnChange(): void; addOnChange(h: () => void): void } };
};
let makeFakeXrm: (spec: Spec) => FakeXrm;

beforeAll(async () => {
  // @ts-expect-error the fixture pages' plain script, which defines a global
  await import('../fixtures/pages/dynamics/_xrm.js');
  makeFakeXrm = (globalThis as unknown as { makeFakeXrm: typeof makeFakeXrm }).makeFakeXrm;
});

/** A bridge fixture page: its DOM (scripts not run), URL, expectations and the Xrm its script builds. */
function page(name: string) {
  const meta = JSON.parse(readFileSync(join(ROOT, 'bridge/dynamics', `${name}.json`), 'utf8')) as {
    url: string;
    rules: { xrm: string[]; dom: string[] };
  };
  const html = readFileSync(join(ROOT, 'bridge/dynamics', `${name}.html`), 'utf8');
  const spec = JSON.parse(/makeFakeXrm\((\{[\s\S]*?\})\);<\/script>/.exec(html)![1]!) as Spec;
  const win = new Window({ url: meta.url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  const doc = win.document as unknown as Document;
  doc.write(html.replace(/<script[\s\S]*?<\/script>/g, ''));
  return { doc, url: new URL(meta.url), meta, spec };
}
const rulesOf = (r: ReturnType<typeof readDynamics>) =>
  [...new Set(evaluate(r!.observations, { settings: DEFAULT_SETTINGS, today: localToday() }, RULES).map((f) => f.rule))].sort();
/** Through JSON and the receiving schema, as the answer crosses from the page's world. */
const crossed = (a: XrmAnswer | null) => parseXrmAnswer(JSON.stringify(a));

describe('Xrm bridge: reading the form through the client API', () => {
  it('reads typed values, lookups with ids, custom fields by their control label, subgrid rows and the date format', () => {
    const { spec } = page('opportunity-xrm-values');
    const a = crossed(readXrm(makeFakeXrm(spec), xrmWant(DEFAULT_SETTINGS)))!;
    expect(a).toMatchObject({
      v: 1,
      kind: 'xrm',
      entity: 'opportunity',
      id: '7d1c1a2e-90b1-4c39-8d4e-1f0a2b3c4d5e',
      dateFormat: 'd/M/yyyy',
      grids: { solutions: 0 },
    });
    expect(a.labels).toMatchObject({
      syncWithPartnerCenter: 'msp_syncwithpartnercenter',
      helpRequested: 'msp_howcanmicrosofthelp',
      referralIdentifier: 'msp_referralidentifier',
      audit: 'msp_audit',
    });
    expect(a.attributes.estimatedvalue).toEqual({ type: 'money', value: 50000, editable: true });
    expect(a.attributes.estimatedclosedate).toMatchObject({ type: 'datetime', value: '2024-03-31' });
    expect(a.attributes.statecode).toEqual({ type: 'optionset', value: 0, text: 'Open' });
    expect(a.attributes.transactioncurrencyid!.value).toEqual([
      { id: '4f1e0c2b-0000-0000-0000-000000000001', name: 'US Dollar', entityType: 'transactioncurrency' },
    ]);
    expect(a.attributes.msp_referralidentifier).toEqual({ type: 'string', value: null, editable: false });
  });

  it('answers nothing when Xrm is missing, has no form yet, or throws', () => {
    const want = xrmWant(DEFAULT_SETTINGS);
    expect(readXrm(undefined, want)).toBeNull();
    expect(readXrm({ Page: { data: null } }, want)).toBeNull();
    expect(readXrm(makeFakeXrm(page('opportunity-xrm-throws').spec), want)).toBeNull();
    const getter = {
      get Page(): never {
        throw new Error('boom');
      },
    };
    expect(readXrm(getter, want)).toBeNull();
  });

  it('leaves out an attribute whose value is not of its declared type, and reads the rest', () => {
    const { spec } = page('opportunity-xrm-values');
    const bad = { ...spec, attributes: spec.attributes.map((x) => (x.name === 'estimatedvalue' ? { ...x, value: 'lots' } : x)) };
    const a = readXrm(makeFakeXrm(bad), xrmWant(DEFAULT_SETTINGS))!;
    expect('estimatedvalue' in a.attributes).toBe(false);
    expect(a.attributes.name).toMatchObject({ value: 'Contoso – 500 seats' });
  });
});

describe('Xrm bridge: the answer on receipt is page data', () => {
  const good = () => JSON.stringify({ v: 1, kind: 'xrm', entity: 'opportunity', id: null, attributes: {}, labels: {} });
  it('accepts the versioned shape', () => expect(parseXrmAnswer(good())).not.toBeNull());
  it.each([
    ['not a string', { v: 1 }],
    ['not JSON', '{v:1'],
    ['another version', good().replace('"v":1', '"v":2')],
    ['a name that is not a logical name', good().replace('"opportunity"', '"<img src=x>"')],
    ['an attribute of an unknown type', good().replace('"attributes":{}', '"attributes":{"x":{"type":"script","value":"1"}}')],
    [
      'too many attributes',
      good().replace(
        '"attributes":{}',
        `"attributes":{${Array.from({ length: 201 }, (_, i) => `"a${i}":{"type":"string","value":null}`).join(',')}}`,
      ),
    ],
    ['an unexpected key', good().replace('"labels":{}', '"labels":{},"run":"alert(1)"')],
    ['a label naming no logical name', good().replace('"labels":{}', '"labels":{"syncWithPartnerCenter":"Sync with PC"}')],
    [
      'a lookup with extra keys',
      good().replace('"attributes":{}', '"attributes":{"x":{"type":"lookup","value":[{"id":"1","name":null,"href":"javascript:"}]}}'),
    ],
    ['over the size bound', good().replace('"labels":{}', `"labels":{},"pad":"${'x'.repeat(70_000)}"`)],
  ])('refuses %s', (_, detail) => expect(parseXrmAnswer(detail)).toBeNull());
});

describe('Dynamics reader with the bridge', () => {
  it('prefers the client API where the DOM cannot be read, and says so field by field', () => {
    const { doc, url, spec, meta } = page('opportunity-xrm-values');
    const dom = readDynamics(doc, url, DEFAULT_SETTINGS)!;
    expect('syncWithPartnerCenter' in dom.observations[0]!).toBe(false);
    expect('closeDate' in dom.observations[0]!).toBe(false);
    expect(rulesOf(dom)).toEqual(meta.rules.dom);
    const r = readDynamics(doc, url, DEFAULT_SETTINGS, undefined, { xrm: crossed(readXrm(makeFakeXrm(spec), xrmWant(DEFAULT_SETTINGS))) })!;
    expect(r.observations[0]).toMatchObject({
      syncWithPartnerCenter: true,
      closeDate: '2024-03-31',
      dealValue: 50000,
      dealValueText: '$50,000.00',
      currency: 'US Dollar',
      contactLinked: true,
      state: 'open',
      solutionsCount: 0,
    });
    expect(r.sources).toMatchObject({ syncWithPartnerCenter: 'xrm', closeDate: 'xrm', dealValue: 'xrm', state: 'xrm', solutions: 'xrm' });
    // The hint still goes beside the field: the anchor is the DOM's, found by the logical name Xrm gave.
    expect(r.anchors.syncWithPartnerCenter?.getAttribute('data-id')).toBe('msp_syncwithpartnercenter-FieldSectionItemContainer');
    expect(rulesOf(r)).toEqual(meta.rules.xrm);
  });

  it('falls back to the DOM field by field when the answer lacks an attribute', () => {
    const { doc, url, spec } = page('opportunity-xrm-values');
    const partial = { ...spec, attributes: spec.attributes.filter((x) => x.name !== 'estimatedvalue' && x.name !== 'parentcontactid') };
    const r = readDynamics(doc, url, DEFAULT_SETTINGS, undefined, {
      xrm: crossed(readXrm(makeFakeXrm(partial), xrmWant(DEFAULT_SETTINGS))),
    })!;
    expect(r.observations[0]).toMatchObject({ dealValue: 50000, contactLinked: true, syncWithPartnerCenter: true });
    expect(r.sources).toMatchObject({ dealValue: 'dom', contactLinked: 'dom', syncWithPartnerCenter: 'xrm' });
  });

  it('reads the DOM alone when Xrm throws, and ignores an answer about another record', () => {
    const { doc, url, spec, meta } = page('opportunity-xrm-throws');
    const dom = readDynamics(doc, url, DEFAULT_SETTINGS)!;
    const thrown = readDynamics(doc, url, DEFAULT_SETTINGS, undefined, { xrm: readXrm(makeFakeXrm(spec), xrmWant(DEFAULT_SETTINGS)) })!;
    expect(thrown.observations).toEqual(dom.observations);
    expect(Object.values(thrown.sources ?? {}).every((s) => s === 'dom')).toBe(true);
    expect(rulesOf(thrown)).toEqual(meta.rules.dom);
    const other = {
      ...spec,
      throws: false,
      id: '00000000-0000-0000-0000-000000000001',
      attributes: spec.attributes.map((x) => (x.name === 'msp_syncwithpartnercenter' ? { ...x, value: true } : x)),
    };
    const stale = readDynamics(doc, url, DEFAULT_SETTINGS, undefined, {
      xrm: crossed(readXrm(makeFakeXrm(other), xrmWant(DEFAULT_SETTINGS))),
    })!;
    expect(stale.observations).toEqual(dom.observations);
  });

  it("parses a date the DOM shows in the user's own format (userSettings), not the page language's", () => {
    expect(dateLangOf('d/M/yyyy')).toBe('fr');
    expect(dateLangOf('M/d/yyyy')).toBe('en-us');
    expect(dateLangOf('yyyy/MM/dd')).toBe('ja');
    const { doc, url } = page('opportunity-xrm-throws');
    doc.querySelector<HTMLInputElement>('[data-id="estimatedclosedate.fieldControl-date-time-input"]')!.value = '03/04/2031';
    const answer: XrmAnswer = {
      v: 1,
      kind: 'xrm',
      entity: 'opportunity',
      id: '7d1c1a2e-90b1-4c39-8d4e-1f0a2b3c4d5e',
      attributes: {},
      labels: {},
      dateFormat: 'dd/MM/yyyy',
    };
    expect(readDynamics(doc, url, DEFAULT_SETTINGS, undefined, { xrm: answer })!.observations[0]).toMatchObject({
      closeDate: '2031-04-03',
    });
    // Without the user's format, a date that reads both ways is unknown: the UI language does not say.
    expect('closeDate' in readDynamics(doc, url, DEFAULT_SETTINGS)!.observations[0]!).toBe(false);
  });
});

describe('Xrm bridge: the isolated side', () => {
  it('gets the answer during its request, and is woken by a pushed answer only when it differs', () => {
    const win = new Window({ url: 'https://contoso.crm.dynamics.com/main.aspx' });
    const doc = win.document as unknown as Document;
    const Ev = win.CustomEvent as unknown as typeof CustomEvent;
    const { spec } = page('opportunity-xrm-values');
    const xrm = makeFakeXrm(spec);
    // What the page-world script does (entrypoints/xrm-bridge.content.ts), in one world here.
    let want = xrmWant(DEFAULT_SETTINGS);
    const send = () => doc.dispatchEvent(new Ev(XRM_ANSWER_EVENT, { detail: JSON.stringify(readXrm(xrm, want)) }));
    doc.addEventListener(XRM_REQUEST_EVENT, (e) => ((want = JSON.parse((e as CustomEvent<string>).detail)), send()));
    let woken = 0;
    const client = xrmClient(doc, new AbortController().signal, () => woken++);
    expect(client.ask(xrmWant(DEFAULT_SETTINGS))?.attributes.msp_syncwithpartnercenter?.value).toBe(true);
    expect(woken).toBe(0);
    send();
    expect(woken).toBe(0); // the same answer again
    xrm.Page.getAttribute('msp_syncwithpartnercenter').setValue(false);
    send();
    expect(woken).toBe(1);
    doc.dispatchEvent(new Ev(XRM_ANSWER_EVENT, { detail: '{"v":1,"kind":"xrm","forged":' }));
    expect(woken).toBe(1);
  });
});
