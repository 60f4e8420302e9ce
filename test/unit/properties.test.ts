/**
 * Property-based tests: whatever a page holds, readers and rules never throw and always produce
 * output that is valid against its schema.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Finding } from '@/lib/model/finding';
import { Observation } from '@/lib/model/observation';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { readDynamics } from '@/lib/readers/dynamics';
import { readPartnerCenter } from '@/lib/readers/partner-center';
import { readPowerAutomate } from '@/lib/readers/power-automate';
import { readSalesforce } from '@/lib/readers/salesforce';
import type { Reader } from '@/lib/readers/types';
import { RULES } from '@/lib/rules';
import { evaluate } from '@/lib/rules/engine';
import { listFixtures, loadFixture } from './helpers';

/** Strings a hostile or odd page can hold: markup, script, RTL and zero-width characters, long runs, codes. */
const pageText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '\u202Eevil\u202C',
    'a\u200Bb\u200D',
    'Japan',
    '日本',
    'jp',
    'USD',
    '0x80040216',
    'Solution ID is required',
    '✘ name',
    '---',
    '',
    ' ',
  ),
  fc.string({ minLength: 500, maxLength: 3000 }),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(fc.option(a, { nil: null }), { nil: undefined });
const date = fc
  .integer({ min: 1990, max: 2060 })
  .chain((y) => fc.tuple(fc.constant(y), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const drop = <T extends Record<string, unknown>>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const observation: fc.Arbitrary<Observation> = fc.oneof(
  fc
    .record({
      app: fc.constantFrom('dynamics', 'salesforce'),
      name: maybe(pageText),
      syncWithPartnerCenter: fc.option(fc.boolean(), { nil: undefined }),
      helpRequested: maybe(pageText),
      solutionsCount: fc.option(fc.nat(5), { nil: undefined }),
      contactLinked: fc.option(fc.boolean(), { nil: undefined }),
      dealValue: maybe(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 })),
      currency: maybe(pageText),
      closeDate: maybe(date),
      state: fc.option(fc.constantFrom('open', 'won', 'lost'), { nil: undefined }),
      stage: maybe(pageText),
      referralId: maybe(pageText),
      referralVisibilityEditable: fc.option(fc.boolean(), { nil: undefined }),
      audit: maybe(pageText),
      productsObsolete: maybe(pageText),
    })
    .map((o) => drop({ kind: 'opportunity', ...o }) as Observation),
  fc
    .record({ app: fc.constantFrom('dynamics', 'salesforce'), country: maybe(pageText) })
    .map((o) => drop({ kind: 'account', ...o }) as Observation),
  fc
    .record({
      dealValue: maybe(fc.double({ noNaN: true, noDefaultInfinity: true })),
      closeDate: maybe(date),
      status: fc.option(fc.constantFrom('new', 'active', 'closed'), { nil: undefined }),
      outcome: fc.option(fc.constantFrom('won', 'lost', 'declined', 'expired', 'error'), { nil: undefined }),
      crmId: maybe(pageText),
      solutionsCount: fc.option(fc.nat(3), { nil: undefined }),
      helpRequested: fc.option(fc.boolean(), { nil: undefined }),
      contactPresent: fc.option(fc.boolean(), { nil: undefined }),
      team: fc.option(
        fc.array(fc.record({ name: maybe(pageText), phone: maybe(pageText), email: maybe(pageText) }).map(drop), { maxLength: 4 }),
        { nil: undefined },
      ),
    })
    .map((o) => drop({ kind: 'referral', ...o }) as Observation),
  fc
    .record({
      solution: fc.option(fc.constantFrom('dynamics', 'salesforce'), { nil: null }),
      flows: fc.array(fc.record({ name: pageText, state: fc.constantFrom('on', 'off', 'unknown') }), { maxLength: 12 }),
      turningOn: maybe(pageText),
    })
    .map((o) => drop({ kind: 'solutionFlows', ...o }) as Observation),
  fc
    .record({
      flowName: maybe(pageText),
      steps: fc.array(
        fc
          .record({ id: fc.string({ minLength: 1 }), title: maybe(pageText), connectionProblem: fc.boolean(), errorText: maybe(pageText) })
          .map(drop),
        { maxLength: 6 },
      ),
    })
    .map((o) => drop({ kind: 'flowDesigner', ...o }) as Observation),
  fc
    .record({
      connections: fc.array(fc.record({ connector: pageText, mode: fc.constantFrom('run-only-user', 'this-connection', 'unknown') }), {
        maxLength: 4,
      }),
    })
    .map((o) => ({ kind: 'runOnlyUsers', ...o }) as Observation),
  fc
    .record({
      endpoint: maybe(pageText),
      events: fc.option(fc.array(pageText, { maxLength: 5 }), { nil: undefined }),
      overwrite: fc.option(fc.option(fc.boolean(), { nil: null }), { nil: undefined }),
    })
    .map((o) => drop({ kind: 'webhookRegistration', ...o }) as Observation),
  fc
    .record({
      errors: fc.array(fc.record({ action: maybe(pageText), code: maybe(pageText), message: maybe(pageText) }).map(drop), { maxLength: 4 }),
    })
    .map((o) => ({ kind: 'flowRun', status: 'failed', ...o }) as Observation),
  fc
    .record({
      runs: fc.array(fc.record({ status: fc.constantFrom('failed', 'succeeded', 'running', 'cancelled', 'unknown') }), { maxLength: 10 }),
    })
    .map((o) => ({ kind: 'runHistory', ...o }) as Observation),
  fc
    .record({
      messages: fc.array(
        fc
          .record({ source: fc.constantFrom('action', 'banner', 'dialog', 'audit', 'toast'), code: maybe(pageText), text: pageText })
          .map(drop),
        { maxLength: 3 },
      ),
    })
    .map((o) => ({ kind: 'errorMessages', ...o }) as Observation),
);

describe('rules on random observations', () => {
  it('never throw, and every finding is valid with known message keys', () => {
    const keys = new Map(RULES.map((r) => [r.id, new Set<string>(r.messages)]));
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 3 }), date, (observations, today) => {
        for (const o of observations) expect(Observation.safeParse(o).success).toBe(true);
        // Each rule directly: the engine catches a throw (it fails open), which would hide one here.
        const ctx = { settings: DEFAULT_SETTINGS, today };
        for (const rule of RULES) for (const o of observations) if (rule.kinds.includes(o.kind)) rule.check(o, ctx);
        for (const f of evaluate(observations, ctx, RULES, (id, e) => expect.fail(`${id} threw: ${String(e)}`))) {
          expect(Finding.safeParse(f).success).toBe(true);
          expect(keys.get(f.rule)!.has(f.messageKey)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});

const READERS: Record<string, Reader> = {
  dynamics: readDynamics,
  salesforce: readSalesforce,
  'power-automate': readPowerAutomate,
  'partner-center': readPartnerCenter,
};

describe.each(Object.keys(READERS))('%s reader on randomly damaged pages', (app) => {
  const fixtures = listFixtures(app);
  it('never throws, and its output is null or schema-valid', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        fc.array(fc.tuple(fc.constantFrom('text', 'attr', 'remove', 'nest', 'clone'), fc.nat(), pageText), { minLength: 1, maxLength: 8 }),
        (name, edits) => {
          const { doc, url } = loadFixture(app, name);
          const all = () => [...doc.body.querySelectorAll('*')];
          for (const [kind, n, text] of edits) {
            const els = all();
            const el = els[n % Math.max(1, els.length)];
            if (!el) continue;
            if (kind === 'text') el.textContent = text;
            else if (kind === 'attr') el.setAttribute(['aria-label', 'title', 'data-id', 'value', 'hidden', 'role'][n % 6]!, text);
            else if (kind === 'remove') el.remove();
            else if (kind === 'clone') el.after(el.cloneNode(true));
            else {
              let inner: Element = el;
              for (let i = 0; i < 50; i++) inner = inner.appendChild(doc.createElement('div'));
              inner.textContent = text;
            }
          }
          const reading = READERS[app]!(doc, url, DEFAULT_SETTINGS);
          if (reading)
            for (const o of reading.observations) expect(Observation.safeParse(o).success, JSON.stringify(o).slice(0, 300)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('power automate designer on random cards', () => {
  // Whatever the cards hold, a card among many reads as it reads alone, whether the signs are found
  // in the node layer (which holds only cards) or in the page (the layer with one element more), and
  // every step read shows a problem.
  const words = fc.oneof(
    fc.constantFrom('Invalid connection', 'Connection required', 'Error', 'Errors (2)', 'エラー', 'erreur', 'OK', 'Note', ''),
    pageText,
  );
  const child = fc.tuple(fc.constantFrom('error-text', 'alert', 'title', 'label', 'img', 'plain', 'nested-badge'), words);
  const card = fc.record({
    own: fc.option(fc.tuple(fc.constantFrom('title', 'aria-label'), words), { nil: undefined }),
    name: fc.option(words, { nil: undefined }),
    errorId: fc.boolean(),
    hidden: fc.boolean(),
    children: fc.array(child, { maxLength: 4 }),
  });
  it('reads a card among many as alone, in the node layer or in the page', () => {
    const { doc, url } = loadFixture('power-automate', 'designer-v1');
    const layer = doc.querySelector('.react-flow__nodes')!;
    const el = (tag: string, attrs: Record<string, string>, text?: string) => {
      const e = doc.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      if (text !== undefined) e.textContent = text;
      return e;
    };
    const steps = () =>
      (readPowerAutomate(doc, url, DEFAULT_SETTINGS)!.observations.find((o) => o.kind === 'flowDesigner') as { steps: unknown[] }).steps;
    fc.assert(
      fc.property(fc.array(card, { minLength: 1, maxLength: 40 }), (cards) => {
        const nodes = () =>
          cards.map((c, i) => {
            const node = el('div', { class: 'react-flow__node', 'data-id': `Step_${i}` });
            if (c.own) node.setAttribute(c.own[0], c.own[1]);
            if (c.hidden && i % 7 === 0) node.setAttribute('hidden', '');
            const box = el('div', {
              role: 'button',
              id: `msla-node-Step_${i}`,
              'data-automation-id': c.errorId ? `card-Send_error_${i}` : `card-Step_${i}`,
            });
            if (c.name !== undefined) box.setAttribute('aria-label', c.name);
            box.append(el('div', { class: 'panel-msla-title' }, `Title ${i}`));
            for (const [kind, text] of c.children) {
              if (kind === 'error-text') box.append(el('div', { class: 'msla-panel-card-error-text' }, text));
              else if (kind === 'alert') box.append(el('div', { role: 'alert' }, text));
              else if (kind === 'title') box.append(el('span', { title: text }, '!'));
              else if (kind === 'label') box.append(el('span', { 'aria-label': text }));
              else if (kind === 'img') box.append(el('img', { alt: text, src: 'x.png' }));
              else if (kind === 'plain') box.append(el('div', {}, text));
              else box.append(el('div', {}).appendChild(el('span', { title: text })).parentElement!);
            }
            node.append(el('div', { class: 'nopan' }));
            node.firstElementChild!.append(box);
            return node;
          });
        layer.replaceChildren(...nodes());
        const all = steps();
        expect(all.every((s) => (s as { errorText: string | null }).errorText !== null)).toBe(true);
        layer.append(el('div', { class: 'not-a-card' }));
        expect(steps()).toEqual(all);
        expect(nodes().flatMap((n) => (layer.replaceChildren(n), steps()))).toEqual(all);
      }),
      { numRuns: 40 },
    );
  });
});
