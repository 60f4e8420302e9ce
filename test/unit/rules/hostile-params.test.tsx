/**
 * Hostile page strings in every observation field every rule reads: the hint, the stored finding
 * and the copied report stay text, bounded and free of personal data. Parameters are collected by
 * running the rules' own cases, so a new parameter is covered (or must be named below) by itself.
 */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/model/finding';
import type { Observation } from '@/lib/model/observation';
import { FindingsReport } from '@/lib/model/messages';
import { MAX_PARAM } from '@/lib/model/bound';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { RULES } from '@/lib/rules';
import { evaluate } from '@/lib/rules/engine';
import { HintCard } from '@/lib/ui/Hint';
import { MAX_REPORT, buildReport } from '@/lib/ui/popup/report';
import { messages, translator } from '../helpers';
import type { RuleCases } from './types';

// The rules' own case tables (as rules.test.ts finds them), without re-running that file's tests.
const families = import.meta.glob<Record<string, RuleCases>>('./*.cases.ts', { eager: true });
const ALL_CASES: RuleCases = Object.assign({}, ...Object.values(families).flatMap((m) => Object.values(m)));

const HUGE = 'W'.repeat(200_000);
/** Each hostile string, with what must never reach the report from it (checked after NFKC). */
const HOSTILE: { text: string; secret: string[] }[] = [
  { text: 'Email Jane Doe at jane.doe@fabrikam.com', secret: ['Jane', 'jane.doe@', 'fabrikam.com'] },
  { text: 'Mail ｊａｎｅ＠ｆａｂｒｉｋａｍ．ｃｏｍ now', secret: ['jane@', 'fabrikam'] },
  { text: 'Notify Hiroshi Sato ０３－１２３４－５６７８', secret: ['Hiroshi', 'Sato', '5678'] },
  { text: 'Call 425/555/0100 or (425) 555-0100', secret: ['555', '0100'] },
  { text: 'Ring +1 425 555 0100 / 425.555.0100 / 03-1234-5678', secret: ['555', '0100', '5678'] },
  { text: '[Fix it here](https://evil.example/x) ![](https://evil.example/p.png)', secret: ['evil.example'] },
  { text: '<img src=x onerror="alert(1)"><b>bold</b>', secret: ['alert(1)'] },
  { text: 'a `code` ``` breaks out', secret: [] },
  { text: HUGE, secret: [] },
  { text: 'lone \uD800 and \uDC00 halves', secret: [] },
  { text: '\u202Eevil\u202C\u2066 rtl', secret: [] },
  { text: 'nul\u0000bell\u0007esc\u001b[31m\r\nline', secret: [] },
];
/** What marks a hostile string inside a parameter (its start, or the huge word). */
const mark = (h: string) => (h === HUGE ? 'WWWWWWWWWW' : h.slice(0, 12).normalize('NFKC'));

/** String-valued parameters that never carry page text, and why. */
const NOT_FROM_PAGE: Record<string, string> = {
  field: "a field's logical name from settings or the rule, never page text",
  list: "the extension's own name for a list",
  knownKey: 'a message key',
  missingKey: 'a message key',
  missing: 'a documented flow name the page lacks',
  code: 'an ISO code the rule proposes, from its own table',
  flow: "a solution flow's documented name (the rules fire only on names matchFlow knows)",
  before: "a solution flow's documented name",
  child: "a solution flow's documented name",
};

type Path = (string | number)[];
/** Every string (or null) leaf of an observation, as a path. */
function leaves(v: unknown, at: Path = []): Path[] {
  if (typeof v === 'string' || v === null) return at.length ? [at] : [];
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...at, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, [...at, k]));
  return [];
}
function setAt<T>(v: T, path: Path, to: (old: unknown) => string): T {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  o[last] = to(o[last]);
  return copy as T;
}

const t = translator('en');
const EN = messages('en');
const withheldPrefix = EN.report_withheld!.message.split('{')[0]!.trim();
const PAGE_TAGS = new Set(['DIV', 'SPAN', 'P', 'DETAILS', 'SUMMARY', 'OL', 'LI', 'BUTTON']);
const PAGE_ATTRS = new Set(['class', 'data-rule', 'data-severity', 'role', 'aria-label', 'aria-hidden', 'type', 'title']);

const report = (findings: Finding[]) =>
  buildReport({
    t,
    version: '0.1.0',
    now: new Date('2025-01-15T10:00:00Z'),
    page: { app: 'x', host: 'example.com', findings },
    checklists: null,
  });

interface Hit {
  rule: string;
  hostile: (typeof HOSTILE)[number];
  findings: Finding[];
}

/** Runs every rule's cases with each hostile string in each field, in place of and after its value. */
function inject(): { keys: Map<string, Set<string>>; reached: Set<string>; hits: Hit[] } {
  const keys = new Map<string, Set<string>>();
  const reached = new Set<string>();
  const hits: Hit[] = [];
  for (const [id, cases] of Object.entries(ALL_CASES)) {
    const rule = RULES.find((r) => r.id === id)!;
    const seen = new Set<string>();
    const collect = (findings: Finding[], hostile: (typeof HOSTILE)[number]) => {
      const carrying = findings.filter((f) =>
        Object.entries(f.params).some(([k, v]) => {
          const has = typeof v === 'string' && v.normalize('NFKC').includes(mark(hostile.text));
          if (has) reached.add(`${id}:${k}`);
          return has;
        }),
      );
      // One check per rule, hostile string and message is enough; the rest repeat it.
      const fresh = carrying.filter((f) => !seen.has(`${hostile.text.slice(0, 20)}|${f.messageKey}|${Object.keys(f.params).join()}`));
      for (const f of fresh) seen.add(`${hostile.text.slice(0, 20)}|${f.messageKey}|${Object.keys(f.params).join()}`);
      if (fresh.length) hits.push({ rule: id, hostile, findings: fresh });
    };
    for (const c of cases) {
      const settings = { ...DEFAULT_SETTINGS, ...c.settings };
      const run = (o: Observation) => evaluate([o], { settings, today: c.today ?? '2025-01-15' }, [rule]);
      for (const f of run(c.observation))
        for (const [k, v] of Object.entries(f.params)) if (typeof v === 'string') (keys.get(id) ?? keys.set(id, new Set()).get(id)!).add(k);
      // A setting the finding quotes (the Active stage's name): policy can be as hostile as a page.
      for (const path of leaves(c.settings ?? {}))
        for (const hostile of HOSTILE) {
          const findings = evaluate(
            [c.observation],
            { settings: { ...settings, ...setAt(c.settings!, path, () => hostile.text) }, today: c.today ?? '2025-01-15' },
            [rule],
          );
          collect(findings, hostile);
        }
      for (const path of leaves(c.observation))
        for (const hostile of HOSTILE)
          for (const mode of ['replace', 'append', 'everywhere'] as const) {
            const o = setAt(c.observation, path, (old) =>
              mode === 'append' && typeof old === 'string' ? `${old} ${hostile.text}` : hostile.text,
            );
            let findings = run(o);
            // A page value the rule compares with a setting (an On-hold stage name): both hostile.
            if (mode === 'everywhere') {
              const old = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], c.observation);
              if (typeof old !== 'string' || !c.settings) continue;
              const swap = (v: unknown): unknown =>
                v === old
                  ? hostile.text
                  : Array.isArray(v)
                    ? v.map(swap)
                    : v && typeof v === 'object'
                      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]))
                      : v;
              findings = evaluate(
                [o],
                { settings: { ...DEFAULT_SETTINGS, ...(swap(c.settings) as object) }, today: c.today ?? '2025-01-15' },
                [rule],
              );
            }
            collect(findings, hostile);
          }
    }
  }
  return { keys, reached, hits };
}

describe('hostile strings in every parameter of every rule', () => {
  const { keys, reached, hits } = inject();

  it('reaches every string parameter a rule carries from the page', () => {
    const missed = [...keys].flatMap(([id, ks]) =>
      [...ks].filter((k) => !reached.has(`${id}:${k}`) && !(k in NOT_FROM_PAGE)).map((k) => `${id}:${k}`),
    );
    expect(missed).toEqual([]);
    expect(hits.length).toBeGreaterThan(0);
  });

  it.each(HOSTILE.map((h, i) => [i, h.text.slice(0, 40)] as const))('hostile %i (%s): the hint is text, bounded', (i) => {
    const root = document.createElement('div');
    for (const { findings } of hits.filter((h) => h.hostile === HOSTILE[i])) {
      for (const f of findings) {
        render(<HintCard finding={f} t={t} onDismiss={() => {}} />, root);
        for (const el of root.querySelectorAll('*')) {
          expect(PAGE_TAGS, `${f.rule} <${el.tagName}>`).toContain(el.tagName);
          for (const a of el.getAttributeNames()) expect(PAGE_ATTRS, `${f.rule} ${a}`).toContain(a);
        }
        const budget = (1 + f.fixSteps.length) * (2_000 + Object.keys(f.params).length * MAX_PARAM);
        expect(root.textContent!.length, f.rule).toBeLessThanOrEqual(budget);
        render(null, root);
      }
    }
  });

  it.each(HOSTILE.map((h, i) => [i, h.text.slice(0, 40)] as const))('hostile %i (%s): the stored finding is valid and bounded', (i) => {
    for (const { findings } of hits.filter((h) => h.hostile === HOSTILE[i])) {
      expect(FindingsReport.safeParse({ type: 'cosell:findings', url: 'https://example.com/', findings }).success).toBe(true);
      for (const f of findings) {
        // Escaped control characters take six characters each in JSON.
        const budget = 6 * (Object.keys(f.params).length + 3) * MAX_PARAM + 2_000;
        expect(JSON.stringify(f).length, f.rule).toBeLessThanOrEqual(budget);
      }
    }
  });

  it.each(HOSTILE.map((h, i) => [i, h.text.slice(0, 40)] as const))(
    'hostile %i (%s): the report withholds it, escaped and bounded',
    (i) => {
      const hostile = HOSTILE[i]!;
      const mine = hits.filter((h) => h.hostile === hostile);
      for (const { rule, findings } of mine) {
        const text = report(findings);
        const plain = text.normalize('NFKC');
        for (const s of hostile.secret) expect(plain, `${rule}: ${s}`).not.toContain(s);
        for (const bad of [/(?<!\\)<(?:img|b)\b/, /(?<!\\)\]\(/, /(?<!\\)!\[/, /(?<!\\)`/])
          expect(text, `${rule}: ${bad}`).not.toMatch(bad);
        for (const c of '\u0000\u0007\u001b\u202e\u2066')
          expect(text.includes(c), `${rule}: U+${c.charCodeAt(0).toString(16)}`).toBe(false);
        expect(text.isWellFormed(), rule).toBe(true);
        expect(text, rule).toContain(withheldPrefix);
      }
      const all = report(mine.flatMap((h) => h.findings));
      expect(all.length).toBeLessThanOrEqual(MAX_REPORT + 2_000);
    },
  );
});
