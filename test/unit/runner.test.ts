import { afterEach, describe, expect, it, vi } from 'vitest';
import { startRunner, type Report } from '@/lib/content/runner';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { readDynamics } from '@/lib/readers/dynamics';
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

const hints = (doc: Document) =>
  [...doc.querySelectorAll('cosell-hint')].map((h) => h.shadowRoot!.querySelector('[data-rule]')!);

describe('content runner', () => {
  it('puts the localized hint beside the sync field, in an open shadow root', () => {
    for (const locale of ['en', 'ja', 'fr'] as const) {
      const { doc, reports } = run('opportunity-sync-off', locale);
      const [hint] = hints(doc);
      expect(hint?.getAttribute('data-rule')).toBe('crm.sync-disabled');
      expect(hint?.getAttribute('data-severity')).toBe('info');
      const host = doc.querySelector('cosell-hint')!;
      expect(host.parentElement?.getAttribute('data-id')).toMatch(/_syncwithpartnercenter-FieldSectionItemContainer$/);
      expect(hint!.querySelector('.msg')!.textContent).toBe(translator(locale)('crm_sync_disabled_info'));
      expect(reports.at(-1)?.findings.map((f) => f.rule)).toEqual(['crm.sync-disabled']);
    }
  });

  it('shows nothing and reports no findings when sync is on', () => {
    const { doc, reports } = run('opportunity-sync-on');
    expect(doc.querySelectorAll('[data-rule], cosell-hint, cosell-panel')).toHaveLength(0);
    expect(reports).toEqual([{ url: expect.any(String), findings: [] }]);
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
    expect(reports.map((r) => r.findings.map((f) => f.rule))).toEqual([['crm.sync-disabled'], ['crm.solution-missing', 'crm.not-yet-synced']]);
  });

  it('does not touch the page when a pass finds the same thing', () => {
    const { doc, runner } = run('opportunity-sync-off');
    const host = doc.querySelector('cosell-hint');
    const observer = new (doc.defaultView as unknown as typeof globalThis).MutationObserver(() => undefined);
    observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    runner.pass();
    expect(observer.takeRecords()).toHaveLength(0);
    expect(doc.querySelector('cosell-hint')).toBe(host);
  });

  it('re-anchors when the host app re-renders the field', () => {
    const { doc, runner } = run('opportunity-sync-off');
    const container = doc.querySelector('[data-id$="_syncwithpartnercenter-FieldSectionItemContainer"]')!;
    const clone = container.cloneNode(true) as Element;
    clone.querySelector('cosell-hint')?.remove();
    container.replaceWith(clone);
    runner.pass();
    expect(doc.querySelectorAll('cosell-hint')).toHaveLength(1);
    expect(clone.querySelector('cosell-hint')).not.toBeNull();
  });

  it('keeps a dismissed hint away on this record only', () => {
    const { doc, runner } = run('opportunity-sync-off');
    (doc.querySelector('cosell-hint')!.shadowRoot!.querySelector('button.dismiss') as HTMLButtonElement).click();
    runner.pass();
    expect(doc.querySelectorAll('cosell-hint')).toHaveLength(0);
  });

  it('goes quiet and removes its hosts when the extension context ends', () => {
    const { doc, ac } = run('opportunity-sync-off');
    ac.abort();
    expect(doc.querySelectorAll('cosell-hint, cosell-panel')).toHaveLength(0);
  });

  it('after an in-app URL change, waits for the page to swap the record before reading it', async () => {
    const fx = loadFixture('dynamics', 'opportunity-sync-off');
    let href = fx.meta.url;
    const ac = new AbortController();
    controllers.push(ac);
    const reports: Report[] = [];
    const runner = startRunner({ doc: fx.doc, read: readDynamics, rules: RULES, settings: () => DEFAULT_SETTINGS, t: translator('en'), report: (r) => reports.push(r), signal: ac.signal, url: () => href });
    runner.pass();
    expect(fx.doc.querySelectorAll('cosell-hint')).toHaveLength(1);
    // The app pushes the next record's URL; its form is not rendered yet (the old one still is).
    href = fx.meta.url.replace('7D1C1A2E', '00000000');
    runner.pass();
    expect(fx.doc.querySelectorAll('cosell-hint')).toHaveLength(0);
    expect(reports.map((r) => r.url)).toEqual([fx.meta.url]);
    // Nothing changes in the page: after a short wait it is read as it is.
    await new Promise((r) => setTimeout(r, 400));
    expect(reports.map((r) => r.url)).toEqual([fx.meta.url, href]);
    expect(fx.doc.querySelectorAll('cosell-hint')).toHaveLength(1);
  });

  it('never lets a throwing reader reach the page', () => {
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
    expect(report).toHaveBeenCalledWith({ url: fx.meta.url, findings: [] });
  });
});
