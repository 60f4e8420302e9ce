/**
 * Builds the `error.*` rules from the error catalogue (lib/knowledge/errors.ts). Each rule still has
 * its own file, named by its ID, that calls `errorRule`.
 */
import { ERROR_CATALOGUE, UNRECOGNIZED_ID, matchError } from '../knowledge/errors';
import type { MessageKey } from '../i18n/keys';
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
export function errorRule(id: string): Rule {
  const entry = ERROR_CATALOGUE.find((e) => e.id === id);
  if (!entry) throw new Error(`No catalogue entry for ${id}`);
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

/** A failed action whose error matches nothing in the catalogue: how to read it and where to look. */
/* @__NO_SIDE_EFFECTS__ */
export function unrecognizedErrorRule(): Rule {
  const fixSteps: MessageKey[] = ['error_unrecognized_fix1', 'error_unrecognized_fix2', 'error_unrecognized_fix3'];
  return defineRule({
    id: UNRECOGNIZED_ID,
    kinds: ['flowRun', 'errorMessages'],
    // A step failed: that needs looking at, whatever the cause.
    severity: 'warning',
    source: 'FAQ R1',
    messages: ['error_unrecognized_msg', ...fixSteps],
    check(o) {
      return errorTexts(o)
        .filter((e) => e.action && !matchError(e.text, e.code))
        .flatMap((e): Draft<'flowRun' | 'errorMessages'>[] =>
          e.field === 'audit' ? [] : [{ field: e.field, messageKey: 'error_unrecognized_msg', params: { text: quote(e.text) }, fixSteps }],
        );
    },
  });
}
