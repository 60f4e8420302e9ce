import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/model/finding';
import { MAX_REPORT, buildReport } from '@/lib/ui/popup/report';
import { bound, escapeMarkdown, isPhone, scrub } from '@/lib/ui/popup/redact';
import { LOCALES, translator } from './helpers';

const finding = (rule: string, messageKey: string, params: Finding['params'], fixSteps: string[] = []): Finding => ({
  rule,
  severity: 'error',
  messageKey,
  params,
  fixSteps,
  source: 's',
});
const report = (findings: Finding[], locale: (typeof LOCALES)[number] = 'en') =>
  buildReport({
    t: translator(locale),
    version: '0.1.0',
    now: new Date('2025-01-15T10:00:00Z'),
    page: { app: 'Power Automate', host: 'make.powerautomate.com', findings },
    checklists: null,
  });

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

describe('redaction by what a value is', () => {
  const date = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true });
  it('keeps dates and times in every format the apps write them', () => {
    fc.assert(
      fc.property(date, (d) => {
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const forms = [
          d.toISOString(),
          `${y}-${pad(m)}-${pad(day)}`,
          `${pad(day)}/${pad(m)}/${y}`,
          `${m}/${day}/${y}`,
          `${y}/${pad(m)}/${pad(day)}`,
          `${pad(day)}.${pad(m)}.${y}`,
          `${y}年${m}月${day}日`,
          `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
        ];
        for (const f of forms)
          expect(scrub(`The estimated close date (${f}) has passed`)).toBe(`The estimated close date (${f.normalize('NFKC')}) has passed`);
      }),
    );
  });

  it('keeps a date with its time, as each locale writes them', () => {
    fc.assert(
      fc.property(date, fc.constantFrom('en-US', 'en-GB', 'fr-FR', 'ja-JP', 'de-DE'), (d, locale) => {
        for (const f of [
          d.toLocaleString(locale, { timeZone: 'UTC' }),
          `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)}`,
        ]) {
          const text = `Modified on ${f} by the flow`.normalize('NFKC');
          expect(scrub(text)).toBe(text);
        }
      }),
    );
  });

  it('keeps GUIDs in every shape the apps print them', () => {
    fc.assert(
      fc.property(fc.uuid(), (u) => {
        for (const id of [u, u.toUpperCase(), `{${u}}`, u.replace(/-/g, ''), `id=${u}`])
          expect(scrub(`record ${id} x`)).toBe(`record ${id} x`);
      }),
    );
  });

  it('keeps amounts written with their currency', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e11, noNaN: true }),
        fc.constantFrom('en-US', 'fr-FR', 'ja-JP', 'de-DE', 'en-IN', 'de-CH'),
        fc.constantFrom('USD', 'EUR', 'JPY', 'INR'),
        (n, locale, currency) => {
          const text = `Deal value ${new Intl.NumberFormat(locale, { style: 'currency', currency }).format(n)}`.normalize('NFKC');
          expect(scrub(text)).toBe(text);
        },
      ),
    );
  });

  // Generated numbers in each country's own formats (national with its trunk 0, and international).
  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
  const lead = fc.integer({ min: 2, max: 9 });
  const generatedPhone = fc.oneof(
    fc.tuple(lead, digits(2), lead, digits(2), digits(4)).map(([a, b, c, d, e]) => `+1 ${a}${b} ${c}${d} ${e}`),
    fc.tuple(lead, digits(2), lead, digits(2), digits(4)).map(([a, b, c, d, e]) => `(${a}${b}) ${c}${d}-${e}`),
    fc.tuple(lead, digits(2), lead, digits(2), digits(4)).map(([a, b, c, d, e]) => `${a}${b}-${c}${d}-${e}`),
    fc.tuple(lead, digits(4), digits(4)).map(([a, b, c]) => `0${a}-${b}-${c}`),
    fc.tuple(fc.constantFrom('70', '80', '90'), digits(4), digits(4)).map(([a, b, c]) => `0${a}-${b}-${c}`),
    fc.tuple(lead, digits(4), digits(4)).map(([a, b, c]) => `+81 ${a}-${b}-${c}`),
    fc.tuple(lead, digits(2), digits(2), digits(2), digits(2)).map(([a, ...r]) => `0${a} ${r.join(' ')}`),
    fc.tuple(lead, digits(2), digits(2), digits(2), digits(2)).map(([a, ...r]) => `0${a}.${r.join('.')}`),
    fc.tuple(lead, digits(2), digits(2), digits(2), digits(2)).map(([a, ...r]) => `+33 ${a} ${r.join(' ')}`),
    fc.tuple(digits(4), digits(4)).map(([a, b]) => `+44 20 ${a} ${b}`),
    fc.tuple(digits(4), digits(4)).map(([a, b]) => `020 ${a} ${b}`),
    digits(7).map((a) => `+49 30 ${a}`),
    digits(7).map((a) => `030 ${a}`),
    fc.tuple(fc.integer({ min: 6, max: 9 }), digits(4), digits(5)).map(([a, b, c]) => `+91 ${a}${b} ${c}`),
    fc.tuple(digits(4), digits(4)).map(([a, b]) => `+61 2 ${a} ${b}`),
  );
  it('redacts generated phone numbers of several countries, beside dates it keeps', () => {
    fc.assert(
      fc.property(generatedPhone, date, (phone, d) => {
        const day = d.toISOString().slice(0, 10);
        expect(scrub(`Call ${phone} before ${day}`)).toBe(`Call [phone] before ${day}`);
        expect(scrub(`電話: ${phone}。`)).toBe('電話: [phone]。');
      }),
    );
  });

  it('keeps GUIDs, hex IDs and error codes', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.integer({ min: 0, max: 0x7fffffff }), (id, n) => {
        const hex = `0x${n.toString(16).padStart(8, '0')}`;
        const text = `record ${id} failed with ${hex} (run 08584${String(n).padStart(10, '0')}CU12)`;
        expect(scrub(text)).toBe(text);
      }),
    );
  });

  it('keeps amounts as each locale writes them', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e11, noNaN: true }),
        fc.constantFrom('en-US', 'fr-FR', 'ja-JP', 'de-DE', 'en-IN'),
        (n, locale) => {
          const text = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
          expect(scrub(`Deal value ${text} EUR`)).toBe(`Deal value ${text} EUR`.normalize('NFKC'));
        },
      ),
    );
  });

  const phones = [
    '+1 425 555 0100',
    '(425) 555-0100',
    '425-555-0100',
    '425/555/0100',
    '425.555.0100',
    '+14255550100',
    '03-1234-5678',
    '090-1234-5678',
    '０３－１２３４－５６７８',
    '+81 3-1234-5678',
    '01 23 45 67 89',
    '+33 1 23 45 67 89',
    '0123456789',
    '+44 20 7946 0958',
    '020 7946 0958',
    '+49 30 1234567',
    '030 1234567',
    '+91 98765 43210',
  ];
  it.each(phones)('redacts the phone number %s', (phone) => {
    const out = scrub(`Call ${phone} today`);
    expect(out).toBe('Call [phone] today');
  });

  it('redacts e-mail addresses, full-width ones included', () => {
    expect(scrub('jane.doe@fabrikam.com')).toBe('[e-mail]');
    expect(scrub('ｊａｎｅ＠ｆａｂｒｉｋａｍ．ｃｏｍ に連絡')).toBe('[e-mail] に連絡');
  });

  it('classifies runs of digits', () => {
    expect(isPhone('2026-12-07')).toBe(false);
    expect(isPhone('1,517,000.00')).toBe(false);
    expect(isPhone('425/555/0100')).toBe(true);
  });
});

describe('the report is an allow-list', () => {
  it.each(LOCALES)('withholds page text in every parameter a rule carries, and says so (%s)', (locale) => {
    const md = report(
      [
        finding('flow.connection-missing', 'flow_connection_missing_msg', { count: 1, steps: 'Email Jane Doe at jane.doe@fabrikam.com' }),
        finding('flow.run-only-user', 'flow_run_only_user_msg', { connector: 'Fabrikam – Jane Doe (jane@fabrikam.com)' }),
        finding('crm.on-hold-stage', 'crm_on_hold_stage_msg', { stage: 'Hold for Jane Doe', active: 'Jane’s stage' }),
        finding('flow.activation-order', 'flow_activation_order_violation', {
          flow: 'Notify Hiroshi Sato ０３－１２３４－５６７８',
          before: 'Partner Center to Dynamics 365 (Insider Preview)',
          position: 3,
          beforePosition: 6,
          total: 9,
        }),
      ],
      locale,
    );
    expect(md).not.toMatch(/Jane|jane|Hiroshi|Sato|1234|5678|Fabrikam/);
    const t = translator(locale);
    expect(md).toContain(
      t('report_withheld', {
        kinds: `${t('report_kind_steps')} (1), ${t('report_kind_connections')} (1), ${t('report_kind_stages')} (2), ${t('report_kind_flows')} (1)`,
      }),
    );
    // A name of the solution's own flows is what support needs, so it stays.
    expect(md).toContain('Partner Center to Dynamics 365 \\(Insider Preview\\)');
  });

  it('keeps dates, codes and counts', () => {
    const md = report([
      finding('crm.close-date-past', 'crm_close_date_past_msg', { date: '2025-01-02' }),
      finding('crm.country-code-invalid', 'crm_country_code_invalid_name', { field: 'address1_country', value: 'Japan', code: 'JP' }),
    ]);
    expect(md).toContain(translator('en')('crm_close_date_past_msg', { date: '2025-01-02' }));
    expect(md).toContain('JP');
    expect(md).not.toContain('Japan');
    expect(md).not.toContain('[phone]');
  });

  it('escapes Markdown and HTML in every value it quotes', () => {
    const hostile = '[Fix it here](https://evil.example) ![](https://evil.example/x.png) <img src=x onerror=alert(1)> `code` *bold*';
    const md = buildReport({
      t: translator('en'),
      version: '0.1.0',
      now: new Date('2025-01-15T10:00:00Z'),
      page: {
        app: 'Dynamics 365',
        host: 'contoso.crm.dynamics.com',
        findings: [finding('crm.audit-failure', 'crm_audit_failure_msg', { text: hostile })],
      },
      checklists: null,
      settings: {
        effective: {
          settings: {
            version: 1,
            disabledRules: [],
            fields: { dealValue: 'a`b' },
            salesforceStages: {},
            labelOverrides: { audit: [hostile] },
          },
          locked: new Set(),
          reset: false,
        },
        domains: [],
      },
    });
    expect(md).not.toMatch(/(?<!\\)\](?<!\\)\(https|(?<!\\)<img|(?<!\\)!(?<!\\)\[/);
    expect(md).not.toContain('a`b');
    expect(escapeMarkdown('<b>[x](y)</b>')).toBe('\\<b\\>\\[x\\]\\(y\\)\\</b\\>');
  });

  it('stays small enough to paste, and never splits a character', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      finding('flow.activation-order', 'flow_activation_order_violation', {
        flow: 'Partner Center to Dynamics 365 (Insider Preview)',
        before: 'Partner Center to Dynamics 365 (Insider Preview)',
        position: i,
        beforePosition: i,
        total: 9,
      }),
    );
    const md = report(many);
    expect(md.length).toBeLessThan(MAX_REPORT + 500);
    expect(md).toContain(translator('en')('report_truncated'));
    expect(bound('😀'.repeat(10), 6)).toBe('😀😀…');
  });
});
