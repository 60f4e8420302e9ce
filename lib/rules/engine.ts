import type { Finding } from '../model/finding';
import { SEVERITY_ORDER } from '../model/severity';
import type { Observation } from '../model/observation';
import type { Draft, Rule, RuleContext } from './types';
import { MAX_PARAM, bound } from '../model/bound';

/** Errors first, then warnings, then info; stable otherwise. */
export const sortFindings = (findings: Finding[]): Finding[] =>
  findings
    .map((f, i) => [f, i] as const)
    .sort(([a, i], [b, j]) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || i - j)
    .map(([f]) => f);

/** Runs every enabled rule on every observation; errors first. A rule that throws is skipped and reported to `onFailure`. */
export function evaluate(
  observations: readonly Observation[],
  ctx: RuleContext,
  rules: readonly Rule[],
  onFailure?: (rule: string, error: unknown) => void,
): Finding[] {
  const off = new Set(ctx.settings.disabledRules);
  const out: Finding[] = [];
  for (const rule of rules) {
    if (off.has(rule.id)) continue;
    for (const o of observations) {
      if (!(rule.kinds as readonly string[]).includes(o.kind)) continue;
      let drafts;
      try {
        drafts = rule.check(o, ctx);
      } catch (e) {
        onFailure?.(rule.id, e);
        continue; // fail open: a broken rule says nothing rather than something wrong
      }
      for (const d of drafts) {
        out.push({ rule: rule.id, source: rule.source, severity: d.severity ?? rule.severity, params: bounded(d.params), ...pick(d) });
      }
    }
  }
  return sortFindings(linkCauses(out, rules));
}

/** Every string a finding carries is bounded here, whatever its rule took from the page. */
const bounded = (params: Finding['params'] | undefined): Finding['params'] => {
  if (!params) return {};
  const out: Finding['params'] = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' ? bound(v, MAX_PARAM) : v;
  return out;
};

/** A draft's own parts, without keys it left out (a finding compares and serialises as it was made). */
function pick(d: Draft): Pick<Finding, 'messageKey' | 'fixSteps' | 'field' | 'display' | 'matched'> {
  const f: Pick<Finding, 'messageKey' | 'fixSteps' | 'field' | 'display' | 'matched'> = { messageKey: d.messageKey, fixSteps: d.fixSteps };
  // A field key can quote page text (`connection:<name>`): bounded like the parameters.
  if (d.field !== undefined) f.field = bound(d.field, MAX_PARAM);
  if (d.display !== undefined) f.display = d.display;
  if (d.matched !== undefined) f.matched = d.matched;
  return f;
}

/**
 * Marks each finding that another one explains (the rules' `explains`): by its rule, or by the
 * known error it quotes. A cause that is itself explained hands its findings to its own cause, so
 * everything is said once, under the first cause.
 */
export function linkCauses(findings: Finding[], rules: readonly Rule[]): Finding[] {
  const explains = new Map(rules.filter((r) => r.explains?.length).map((r) => [r.id, r.explains!]));
  if (explains.size === 0) return findings;
  const causeOf = (f: Finding): string | undefined =>
    findings.find(
      (c) =>
        c !== f && c.rule !== f.rule && c.display === undefined && explains.get(c.rule)?.some((id) => id === f.rule || id === f.matched),
    )?.rule;
  const direct = new Map(findings.map((f) => [f, causeOf(f)]));
  return findings.map((f) => {
    let cause = direct.get(f);
    // Up the chain to the first cause (bounded: a cycle in the declarations must not hang a pass).
    for (let i = 0; cause && i < 8; i++) {
      const up = findings.find((c) => c.rule === cause);
      const next = up && direct.get(up);
      if (!next || next === f.rule) break;
      cause = next;
    }
    return cause ? { ...f, cause } : f;
  });
}

/** `YYYY-MM-DD` of `now` in the given (default: the user's) time zone. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function localToday(now: Date = new Date(), timeZone?: string): string {
  // The runner asks on every pass: the browser's own time zone needs no formatter.
  if (timeZone === undefined)
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const key = timeZone;
  let format = dayFormats.get(key);
  if (!format)
    dayFormats.set(key, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = format.formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
