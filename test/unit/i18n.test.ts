import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator, fill } from '@/lib/i18n';
import { LOCALES, ROOT, messages } from './helpers';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const en = messages('en');

  it('ships exactly en, ja and fr', () => {
    expect(readdirSync(join(ROOT, 'public/_locales')).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES)('%s has every key of en, no extra key, no empty message', (locale) => {
    const m = messages(locale);
    expect(Object.keys(m).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(m)) expect(v.message.trim(), k).not.toBe('');
  });

  it.each(LOCALES)('%s uses the same placeholders as en in every message', (locale) => {
    const m = messages(locale);
    for (const k of Object.keys(en)) expect(placeholders(m[k]!.message), k).toEqual(placeholders(en[k]!.message));
  });

  it.each(LOCALES)('%s has no stray "$" (the browser treats it as a substitution)', (locale) => {
    for (const [k, v] of Object.entries(messages(locale))) expect(v.message, k).not.toMatch(/\$/);
  });

  it("English says each message in at most 160 characters (the hints' one-line summaries come from here)", () => {
    const long = Object.entries(en)
      .filter(([, v]) => [...v.message].length > 160)
      .map(([k]) => k);
    expect(long).toEqual([]);
  });

  it.each(LOCALES)('%s: store description fits in 132 characters', (locale) => {
    expect([...messages(locale).extDescription!.message].length).toBeLessThanOrEqual(132);
  });

  it('French keeps a no-break space before : ; ? ! and inside « » (a plain one lets the mark wrap alone)', () => {
    for (const [k, v] of Object.entries(messages('fr'))) {
      expect(v.message, k).not.toMatch(/ [:;?!»]|« /);
    }
  });

  it('ja and fr are translated, not copies of en (apart from product names)', () => {
    const same = (locale: 'ja' | 'fr') =>
      // Field names the page itself shows in English in every language: the solution's own flow
      // inputs, and Partner Center's "CRM ID".
      Object.keys(en).filter(
        (k) =>
          messages(locale)[k]!.message === en[k]!.message && !/^(extName|app_|severity_info|field_(endpoint|overwrite|crmId)$)/.test(k),
      );
    // Words that are the same in the language ("OK", "Page", "e-mail").
    expect(same('ja').filter((k) => !['popup_notice_ok'].includes(k))).toEqual([]);
    expect(same('fr').filter((k) => !['panel_title', 'pc_team_missing_email', 'popup_notice_ok', 'report_page'].includes(k))).toEqual([]);
  });

  it('formats {date} in the browser UI locale', () => {
    const t = (locale: string) => createTranslator((k) => (k === '@@ui_locale' ? locale : k === 'm' ? 'Due {date}' : ''));
    expect(t('en_US')('m', { date: '2024-06-30' })).toBe('Due Jun 30, 2024');
    expect(t('ja')('m', { date: '2024-06-30' })).toBe('Due 2024/06/30');
    expect(t('fr')('m', { date: '2024-06-30' })).toBe('Due 30 juin 2024');
    expect(t('en_US')('m', { date: 'soon' })).toBe('Due soon');
  });

  it("picks the language's plural form for a numeric {count}: one step, two steps; zéro étape; Japanese has one form", () => {
    const real = (locale: 'en' | 'ja' | 'fr') => {
      const m = messages(locale);
      return createTranslator((k) => (k === '@@ui_locale' ? locale : (m[k]?.message ?? '')));
    };
    const en = real('en');
    expect(en('flow_connection_missing_msg', { count: 1, steps: 'Get referral' })).toMatch(
      /^1 step has no valid connection: Get referral\. .* until it has one\.$/,
    );
    expect(en('flow_connection_missing_msg', { count: 2, steps: 'A, B' })).toMatch(
      /^2 steps have no valid connection: A, B\. .* until each has one\.$/,
    );
    expect(en('ts_results', { count: 1 })).toBe('1 matching problem');
    expect(en('ts_results', { count: 0 })).toBe('0 matching problems');
    const fr = real('fr');
    expect(fr('ts_results', { count: 0 })).toBe('0 problème correspondant');
    expect(fr('ts_results', { count: 1 })).toBe('1 problème correspondant');
    expect(fr('ts_results', { count: 3 })).toBe('3 problèmes correspondants');
    const ja = real('ja');
    expect(ja('ts_results', { count: 1 })).toBe(ja('ts_results', { count: 2 }).replace('2', '1'));
    // A count given as text, or a message without a "_one" form, is filled as before.
    expect(en('ts_results', { count: '1' })).toBe('1 matching problems');
    expect(en('panel_title', { count: 1 })).toBe(en('panel_title', { count: 2 }).replace('2', '1'));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{count} on {page}', { count: 2 })).toBe('2 on {page}');
  });
});
