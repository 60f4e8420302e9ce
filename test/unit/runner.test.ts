import { afterEach, describe, expect, it, vi } from 'vitest';
import { PACING, startRunner, type Clock, type Report } from '@/lib/content/runner';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import type { FlowDesigner } from '@/lib/model/observation';
import { readDynamics } from '@/lib/readers/dynamics';
import { readPowerAutomate } from '@/lib/readers/power-automate';
import type { Reader } from '@/lib/readers/types';
import { RULES } from '@/lib/rules';
import { loadFixture, translator } from './helpers';

const controllers: AbortController[] = [];
afterEach(() => controllers.splice(0).forEach((c) => c.abort()));

function run(name: string, locale: 'en' | 'ja' | 'fr' = 'en') {
  const fx = loadFixture('dynamics', name);
  const reports: Report[] = [];
  const ac = new AbortController();
  controllers.push(ac);
  const runner = startRunner({
    doc: fx.doc,
    read: readDynamics,
    rules: RULES,
    settings: () => DEFAULT_SETTINGS,
    t: translator(locale),
    report: (r) => reports.push(r),
    signal: ac.signal,
    url: () => fx.meta.url,
  });
  runner.pass();
  return { ...fx, reports, runner, ac };
}

const hints = (doc: Document) => [...doc.querySelectorAll('cosell-hint')].map((h) => h.shadowRoot!.querySelector('[data-rule]')!);

describe('content runner', () => {
  it('says a normal state in the popup only: sync off without a sign of co-sell intent is reported, not shown', () => {
    const { doc, reports } = run('opportunity-sync-off');
    expect(doc.querySelectorAll('cosell-hint, cosell-panel')).toHaveLength(0);
    expect(reports.at(-1)?.findings.map((f) => [f.rule, f.display])).toEqual([['crm.sync-disabled', 'popup']]);
  });

  it('puts the localized hint beside its field, in an open shadow root, quoting the label the page shows', () => {
    for (const locale of ['en', 'ja', 'fr'] as const) {
      const { doc, reports } = run('opportunity-sync-on-fr', locale);
      const [hint] = hints(doc);
      expect(hint?.getAttribute('data-rule')).toBe('crm.not-yet-synced');
      expect(hint?.getAttribute('data-severity')).toBe('info');
      const host = doc.querySelector('cosell-hint')!;
      expect(host.parentElement?.getAttribute('data-id')).toMatch(/_referralidentifier-FieldSectionItemContainer$/);
      expect(hint!.querySelector('.msg')!.textContent).toBe(translator(locale)('crm_not_yet_synced_msg'));
      // The page is in French: its label is quoted whatever the browser's language.
      const label = doc.querySelector('[data-id$="_referralidentifier-FieldSectionItemContainer"] label')!.textContent!.trim();
      expect(host.shadowRoot!.querySelector('.hint')!.getAttribute('aria-label')).toContain(label);
      expect(reports.at(-1)?.findings.map((f) => f.rule)).toEqual(['crm.not-yet-synced']);
    }
  });

  it('shows nothing and reports no findings when sync is on', () => {
    const { doc, reports } = run('opportunity-sync-on');
    expect(doc.querySelectorAll('[data-rule], cosell-hint, cosell-panel')).toHaveLength(0);
    expect(reports).toEqual([{ url: expect.any(String), findings: [], checked: expect.objectContaining({ kinds: ['opportunity'] }) }]);
    expect(reports[0]!.checked!.rules).toBeGreaterThan(5);
  });

  it('follows the user: turning sync on replaces the sync hint with what now matters, reported once', () => {
    const { doc, runner, reports } = run('opportunity-sync-off');
    (doc.querySelector('select[data-id$="checkbox-select"]') as HTMLSelectElement).value = '1';
    runner.pass();
    runner.pass();
    const rules = hints(doc).map((h) => h.getAttribute('data-rule'));
    expect(rules).not.toContain('crm.sync-disabled');
    // Now meant to sync: the empty solutions subgrid and the missing Referral Identifier matter.
    expect(rules.sort()).toEqual(['crm.not-yet-synced', 'crm.solution-missing']);
    expect(reports.map((r) => r.findings.map((f) => f.rule))).toEqual([
      ['crm.sync-disabled'],
      ['crm.solution-missing', 'crm.not-yet-synced'],
    ]);
  });

  it('does not touch the page when a pass finds the same thing', () => {
    const { doc, runner } = run('opportunity-sync-on-fr');
    const host = doc.querySelector('cosell-hint');
    const observer = new (doc.defaultView as unknown as typeof globalThis).MutationObserver(() => undefined);
    observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    runner.pass();
    expect(observer.takeRecords()).toHaveLength(0);
    expect(doc.querySelector('cosell-hint')).toBe(host);
  });

  it('re-anchors when the host app re-renders the field', () => {
    const { doc, runner } = run('opportunity-sync-on-fr');
    const container = doc.querySelector('[data-id$="_referralidentifier-FieldSectionItemContainer"]')!;
    const clone = container.cloneNode(true) as Element;
    clone.querySelector('cosell-hint')?.remove();
    container.replaceWith(clone);
    runner.pass();
    expect(doc.querySelectorAll('cosell-hint')).toHaveLength(1);
    expect(clone.querySelector('cosell-hint')).not.toBeNull();
  });

  it('keeps a dismissed hint away on this record, with an undo until the record changes', () => {
    const { doc, runner } = run('opportunity-sync-on-fr');
    const root = () => doc.querySelector('cosell-hint')!.shadowRoot!;
    (root().querySelector('button.dismiss, button.dismiss-text') as HTMLButtonElement).click();
    runner.pass();
    expect(doc.querySelectorAll('cosell-hint')).toHaveLength(1);
    expect(root().querySelector('[data-rule]')).toBeNull();
    (root().querySelector('button.undo') as HTMLButtonElement).click();
    expect(root().querySelector('[data-rule="crm.not-yet-synced"]')).not.toBeNull();
  });

  it('goes quiet and removes its hosts when the extension context ends', () => {
    const { doc, ac } = run('opportunity-sync-on-fr');
    ac.abort();
    expect(doc.querySelectorAll('cosell-hint, cosell-panel')).toHaveLength(0);
  });

  it('after an in-app URL change, waits for the page to swap the record before reading it', async () => {
    const fx = loadFixture('dynamics', 'opportunity-sync-on-fr');
    let href = fx.meta.url;
    const ac = new AbortController();
    controllers.push(ac);
    const reports: Report[] = [];
    const runner = startRunner({
      doc: fx.doc,
      read: readDynamics,
      rules: RULES,
      settings: () => DEFAULT_SETTINGS,
      t: translator('en'),
      report: (r) => reports.push(r),
      signal: ac.signal,
      url: () => href,
    });
    runner.pass();
    expect(fx.doc.querySelectorAll('cosell-hint')).toHaveLength(1);
    // The app pushes the next record's URL; its form is not rendered yet (the old one still is).
    href = fx.meta.url.replace('F0E1D2C3', '00000000');
    runner.pass();
    expect(fx.doc.querySelectorAll('cosell-hint')).toHaveLength(0);
    expect(reports.map((r) => r.url)).toEqual([fx.meta.url]);
    // Nothing changes in the page: after a short wait it is read as it is.
    await new Promise((r) => setTimeout(r, 400));
    expect(reports.map((r) => r.url)).toEqual([fx.meta.url, href]);
    expect(fx.doc.querySelectorAll('cosell-hint')).toHaveLength(1);
  });

  it('an orphaned script (extension reloaded under the page) reads nothing more', () => {
    const fx = loadFixture('dynamics', 'opportunity-sync-on-fr');
    const ac = new AbortController();
    controllers.push(ac);
    let alive = true;
    const read = vi.fn(readDynamics);
    const runner = startRunner({
      doc: fx.doc,
      read,
      rules: RULES,
      settings: () => DEFAULT_SETTINGS,
      t: translator('en'),
      report: () => undefined,
      signal: ac.signal,
      url: () => fx.meta.url,
      alive: () => alive || (ac.abort(), false),
    });
    runner.pass();
    expect(fx.doc.querySelectorAll('cosell-hint')).toHaveLength(1);
    alive = false;
    runner.pass();
    expect(read).toHaveBeenCalledTimes(1);
    expect(fx.doc.querySelectorAll('cosell-hint, cosell-panel')).toHaveLength(0);
  });

  it('never lets a throwing reader reach the page, and counts it', () => {
    const fx = loadFixture('dynamics', 'opportunity-sync-off');
    const ac = new AbortController();
    controllers.push(ac);
    const report = vi.fn();
    const runner = startRunner({
      doc: fx.doc,
      rules: RULES,
      read: () => {
        throw new Error('boom');
      },
      settings: () => DEFAULT_SETTINGS,
      t: translator('en'),
      report,
      signal: ac.signal,
      url: () => fx.meta.url,
    });
    expect(() => runner.pass()).not.toThrow();
    expect(report).toHaveBeenCalledWith({ url: fx.meta.url, findings: [], failures: { read: 1, rules: 0, render: 0 } });
  });

  it('counts a rule that throws, and still reports what the others found', () => {
    const fx = loadFixture('dynamics', 'opportunity-sync-off');
    const ac = new AbortController();
    controllers.push(ac);
    const report = vi.fn();
    const broken = {
      ...RULES[0]!,
      id: 'crm.broken',
      kinds: ['opportunity'],
      check: () => {
        throw new Error('boom');
      },
    } as unknown as (typeof RULES)[number];
    const runner = startRunner({
      doc: fx.doc,
      rules: [...RULES, broken],
      read: readDynamics,
      settings: () => DEFAULT_SETTINGS,
      t: translator('en'),
      report,
      signal: ac.signal,
      url: () => fx.meta.url,
    });
    runner.pass();
    const sent = report.mock.calls.at(-1)![0];
    expect(sent.failures).toEqual({ read: 0, rules: 1, render: 0 });
    expect(sent.findings.map((f: { rule: string }) => f.rule)).toContain('crm.sync-disabled');
  });

  it('reports the findings when the page breaks our hints (its own custom element takes the host)', () => {
    const fx = loadFixture('dynamics', 'opportunity-sync-on-fr');
    const ac = new AbortController();
    controllers.push(ac);
    const report = vi.fn();
    const win = fx.doc.defaultView as unknown as typeof globalThis;
    // The page defines our host names as its own elements, taking their shadow roots.
    for (const name of ['cosell-hint', 'cosell-panel']) {
      win.customElements.define(
        name,
        class extends (win.HTMLElement as typeof HTMLElement) {
          constructor() {
            super();
            this.attachShadow({ mode: 'closed' });
          }
        },
      );
    }
    const runner = startRunner({
      doc: fx.doc,
      rules: RULES,
      read: readDynamics,
      settings: () => DEFAULT_SETTINGS,
      t: translator('en'),
      report,
      signal: ac.signal,
      url: () => fx.meta.url,
    });
    runner.pass();
    const sent = report.mock.calls.at(-1)![0];
    expect(sent.failures).toBeUndefined();
    const hosts = [...fx.doc.querySelectorAll('*')].filter((e) => e.localName.startsWith('cosell-') && e.shadowRoot);
    expect(hosts.length).toBeGreaterThan(0);
    expect(hosts.flatMap((h) => [...h.shadowRoot!.querySelectorAll('[data-rule]')]).length).toBeGreaterThan(0);
  });

  it('reads what changed in the designer cards at the next pass: problems, titles, hidden cards', () => {
    const fx = loadFixture('power-automate', 'designer-v1');
    let steps: FlowDesigner['steps'] = [];
    const ac = new AbortController();
    controllers.push(ac);
    const read: Reader = (doc, url, settings, hints) => {
      const r = readPowerAutomate(doc, url, settings, hints);
      steps = (r?.observations.find((o) => o.kind === 'flowDesigner') as FlowDesigner | undefined)?.steps ?? [];
      return r;
    };
    const runner = startRunner({
      doc: fx.doc,
      read,
      rules: RULES,
      settings: () => DEFAULT_SETTINGS,
      t: translator('en'),
      report: () => undefined,
      signal: ac.signal,
      url: () => fx.meta.url,
    });
    runner.pass();
    const step = (id: string) => steps.find((s) => s.id === id);
    // Only the step that shows a problem is read.
    expect(steps.map((s) => s.id)).toEqual(['Get_referral']);
    const card = (id: string) => fx.doc.querySelector(`[data-id="${id}"]`)!;

    // Changes the page makes in ways we watch (text, children) are read on the next pass.
    card('Get_referral').querySelector('.panel-msla-title')!.textContent = 'Get the referral';
    card('Apply_to_each-#scope')
      .querySelector('.panel-card-main')!
      .insertAdjacentHTML('beforeend', '<div class="msla-panel-card-error-text">Invalid connection.</div>');
    runner.pass();
    expect(step('Get_referral')?.title).toBe('Get the referral');
    expect(step('Apply_to_each')).toMatchObject({ title: 'Apply to each', connectionProblem: true, errorText: 'Invalid connection.' });

    // A card the page hides with the `hidden` attribute (watched) is no longer a step, and is again
    // once shown; one React Flow has not measured yet (inline `visibility: hidden`, not watched) is a
    // step all along, but anchors nothing while it is hidden: its finding goes to the panel.
    card('Apply_to_each-#scope').setAttribute('hidden', '');
    runner.pass();
    expect(step('Apply_to_each')).toBeUndefined();
    card('Apply_to_each-#scope').removeAttribute('hidden');
    runner.pass();
    expect(step('Apply_to_each')).toBeDefined();
    const hinted = () =>
      [...fx.doc.querySelectorAll('cosell-hint')].some((h) => h.shadowRoot?.querySelector('[data-rule="flow.connection-missing"]'));
    expect(hinted()).toBe(true);
    for (const id of ['Get_referral', 'Apply_to_each-#scope']) (card(id) as HTMLElement).style.visibility = 'hidden';
    runner.pass();
    expect(steps.filter((s) => s.connectionProblem).map((s) => s.id)).toEqual(['Get_referral', 'Apply_to_each']);
    expect(hinted()).toBe(false);
    expect(fx.doc.querySelector('cosell-panel')?.shadowRoot?.querySelector(`[data-rule="flow.connection-missing"]`)).not.toBeNull();

    // A problem solved: the card's error goes, and so does its step.
    for (const id of ['Get_referral', 'Apply_to_each-#scope']) (card(id) as HTMLElement).style.visibility = '';
    card('Apply_to_each-#scope').querySelector('.msla-panel-card-error-text')!.remove();
    runner.pass();
    expect(steps.map((s) => s.id)).toEqual(['Get_referral']);
  });

  it('keeps what it read around the designer while only its cards change; reads it again after any other change', () => {
    const fx = loadFixture('power-automate', 'designer-v1');
    let designer: FlowDesigner | undefined;
    let observed: string[] = [];
    const ac = new AbortController();
    controllers.push(ac);
    const read: Reader = (doc, url, settings, hints) => {
      const r = readPowerAutomate(doc, url, settings, hints);
      designer = r?.observations.find((o): o is FlowDesigner => o.kind === 'flowDesigner');
      observed = r?.observations.map((o) => o.kind) ?? [];
      return r;
    };
    const runner = startRunner({
      doc: fx.doc,
      read,
      rules: RULES,
      settings: () => DEFAULT_SETTINGS,
      t: translator('en'),
      report: () => undefined,
      signal: ac.signal,
      url: () => fx.meta.url,
    });
    runner.pass();
    const name = fx.doc.querySelector<HTMLInputElement>('input[aria-label="Flow name"]')!;
    expect(designer?.flowName).toBe('Partner Center to Dynamics 365 (Insider Preview)');
    const card = (id: string) => fx.doc.querySelector(`[data-id="${id}"]`)!;

    // A pan: cards re-created, nothing else. A name set behind the page's back (no event, no
    // mutation) shows that the name was not read again; the cards were.
    name.value = 'Set without an event';
    card('Update_a_row').replaceWith(card('Update_a_row').cloneNode(true));
    card('Get_referral').querySelector('.panel-msla-title')!.textContent = 'Get the referral';
    runner.pass();
    expect(designer?.flowName).toBe('Partner Center to Dynamics 365 (Insider Preview)');
    expect(designer?.steps.find((s) => s.id === 'Get_referral')?.title).toBe('Get the referral');

    // Typing in the name box is a change outside the cards.
    name.value = 'Partner Center to Dynamics 365 (Insider Preview) copy';
    name.dispatchEvent(new fx.window.Event('input', { bubbles: true }) as unknown as Event);
    runner.pass();
    expect(designer?.flowName).toBe('Partner Center to Dynamics 365 (Insider Preview) copy');

    // So is a banner the page adds, even in the same batch as a card change.
    card('Update_a_row').querySelector('.panel-msla-title')!.append('!');
    fx.doc.querySelector('main')!.insertAdjacentHTML('afterbegin', '<div role="alert">Flow save failed: {"code": "InvalidTemplate"}</div>');
    runner.pass();
    expect(observed).toContain('errorMessages');

    // …and the header's own text changing, with nothing in the cards.
    name.value = 'Renamed in place';
    name.parentElement!.setAttribute('title', 'renamed');
    runner.pass();
    expect(designer?.flowName).toBe('Renamed in place');
  });

  it('paces itself: a change after a quiet spell is read at the next frame, a storm about once a second, its end at once', () => {
    const clock = new FakeClock();
    const fx = loadFixture('dynamics', 'opportunity-sync-off');
    const ac = new AbortController();
    controllers.push(ac);
    const passes: number[] = [];
    const read: Reader = (doc, url, settings) => (passes.push(clock.now()), readDynamics(doc, url, settings));
    const runner = startRunner({
      doc: fx.doc,
      read,
      rules: RULES,
      settings: () => DEFAULT_SETTINGS,
      t: translator('en'),
      report: () => undefined,
      signal: ac.signal,
      url: () => fx.meta.url,
      clock,
    });
    clock.advance(20);
    expect(passes).toEqual([16]); // the first frame

    clock.advance(480);
    runner.schedule(); // a single change on a quiet page: the next frame
    clock.advance(20);
    expect(passes).toHaveLength(2);
    expect(passes[1]! - 500).toBeLessThanOrEqual(16);

    // A ten-second storm, one change a frame.
    passes.length = 0;
    for (let t = 0; t < 10_000; t += 16) {
      runner.schedule();
      clock.advance(16);
    }
    const during = passes.length;
    expect(during).toBeGreaterThanOrEqual(Math.floor(10_000 / PACING.MAX_WAIT)); // never stale for longer than MAX_WAIT…
    expect(during).toBeLessThanOrEqual(Math.ceil(10_000 / PACING.MAX_WAIT) + 1); // …and not a read per frame
    clock.advance(PACING.QUIET + 20);
    expect(passes).toHaveLength(during + 1); // the page at rest is read once, promptly
    clock.advance(10_000);
    expect(passes).toHaveLength(during + 1); // and then nothing: no polling
    expect(clock.pending()).toBe(0);
  });

  it('reads a costly page less often while it keeps changing: passes take at most DUTY of the time', () => {
    const clock = new FakeClock();
    const fx = loadFixture('power-automate', 'designer-v1');
    const ac = new AbortController();
    controllers.push(ac);
    const passes: number[] = [];
    const COST = 50; // ms a pass of a huge designer takes
    const read: Reader = (doc, url, settings, hints) => (
      passes.push(clock.now()),
      clock.spend(COST),
      readPowerAutomate(doc, url, settings, hints)
    );
    const runner = startRunner({
      doc: fx.doc,
      read,
      rules: RULES,
      settings: () => DEFAULT_SETTINGS,
      t: translator('en'),
      report: () => undefined,
      signal: ac.signal,
      url: () => fx.meta.url,
      clock,
    });
    clock.advance(500);
    passes.length = 0;
    for (let t = 0; t < 30_000; t += 16) {
      runner.schedule();
      clock.advance(16);
    }
    // 30 s of changes: COST / DUTY = 10 s between passes, longer than MAX_WAIT.
    expect(COST / PACING.DUTY).toBeGreaterThan(PACING.MAX_WAIT);
    expect(passes.length).toBeGreaterThanOrEqual(2);
    expect(passes.length).toBeLessThanOrEqual(4);
    expect((passes.length * COST) / 30_000).toBeLessThanOrEqual(PACING.DUTY + COST / 30_000);
  });
});

/** A clock the test moves by hand: timers fire in order, animation frames every 16 ms. */
class FakeClock implements Clock {
  private t = 0;
  private seq = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    this.timers.set(++this.seq, { at: this.t + Math.max(0, ms), fn });
    return this.seq;
  };
  clearTimeout = (id: number) => void this.timers.delete(id);
  requestAnimationFrame = (fn: () => void) => this.setTimeout(fn, 16 - (this.t % 16) || 16);
  cancelAnimationFrame = (id: number) => this.clearTimeout(id);
  pending = () => this.timers.size;
  /** Time passing inside a task (no timer fires). */
  spend(ms: number) {
    this.t += ms;
  }
  advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      const next = [...this.timers].sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!next || next[1].at > end) break;
      this.timers.delete(next[0]);
      this.t = next[1].at;
      next[1].fn();
    }
    this.t = end;
  }
}
