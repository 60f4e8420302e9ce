/**
 * The `error.*` rules. Each known error is one entry of lib/knowledge/errors.ts (its codes, text,
 * message, fix steps and source), and that entry is its rule; `error.unrecognized` has its own file.
 */
import { matchError, type ErrorEntry } from '../knowledge/errors';
import type { Observation } from '../model/observation';
import { defineRule, type Draft, type Rule } from './types';
import { hasText, quote } from './shared';

/** The rule that reads the Audit field, and says a known error there itself. */
const AUDIT_RULE = 'crm.audit-failure';

/** The kinds whose observations carry error text. */
type Quoting = 'flowRun' | 'errorMessages' | 'opportunity';

interface ErrorText {
  field: 'audit' | `error:${string}` | `message:${number}`;
  text: string;
  code?: string | null;
  /** A failed action's output (error.unrecognized only speaks about these). */
  action: boolean;
}

/** Every error text an observation carries, with the field its hint belongs to. */
export function errorTexts(o: Observation): ErrorText[] {
  switch (o.kind) {
    case 'flowRun':
      return o.errors
        .map((e, i) => ({
          field: `error:${e.action ?? i}` as const,
          text: [e.code, e.message].filter(hasText).join(': '),
          code: e.code,
          action: true,
        }))
        .filter((e) => hasText(e.text));
    case 'errorMessages':
      return o.messages
        .filter((m) => hasText(m.text) || hasText(m.code))
        .map((m, i) => ({ field: `message:${i}` as const, text: m.text, code: m.code, action: m.source === 'action' }));
    case 'opportunity':
      return hasText(o.audit) ? [{ field: 'audit' as const, text: o.audit, action: false }] : [];
    default:
      return [];
  }
}

/* @__NO_SIDE_EFFECTS__ */
export function errorRule(entry: ErrorEntry): Rule {
  const id = entry.id;
  return defineRule({
    id,
    kinds: ['flowRun', 'errorMessages', 'opportunity'],
    severity: 'error',
    source: entry.source,
    messages: [entry.message, ...entry.fixes],
    check(o, ctx) {
      const out: Draft<Quoting>[] = [];
      // crm.audit-failure already quotes a known Audit error with its steps; a second hint would
      // repeat them and count one failure twice on the badge. So this one stands in only when the
      // user switched that rule off.
      const auditSaid = !ctx.settings.disabledRules.includes(AUDIT_RULE);
      for (const e of errorTexts(o)) {
        if (e.field === 'audit' && auditSaid) continue;
        if (matchError(e.text, e.code)?.id !== id || out.some((d) => d.field === e.field)) continue;
        out.push({ field: e.field, messageKey: entry.message, params: { text: quote(e.text) }, fixSteps: [...entry.fixes] });
      }
      return out;
    },
  });
}
