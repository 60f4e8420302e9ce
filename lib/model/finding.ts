import { z } from './zod';

/** Most severe first: the order findings are listed and grouped in everywhere. */
export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
/** Most severe first: the order lists and labels use. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const Finding = z.object({
  /** Rule ID, as listed in docs/rules.md. */
  rule: z.string(),
  severity: Severity,
  /** The field the hint belongs beside: a `FieldKey` of its observation, such as `step:Send_email`. */
  field: z.optional(z.string()),
  /** i18n message key: what is wrong and why it matters. */
  messageKey: z.string(),
  /** Values substituted into `{name}` placeholders of the message and the fix steps. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Ordered fix steps, as i18n message keys. */
  fixSteps: z.array(z.string()),
  /** The FAQ question or domain section the rule implements. */
  source: z.string(),
  /**
   * Where it shows (docs/architecture.md, "inline or not"): absent, beside its field; `popup`, only in the popup
   * (a normal state); `editing`, beside its field only while the user is in it.
   */
  display: z.optional(z.enum(['popup', 'editing'])),
  /** The known error (`error.*` ID) a quoted message matched, for rules that quote one. */
  matched: z.optional(z.string()),
  /** The rule whose finding on the same record explains this one (said once, under it: `explains`). */
  cause: z.optional(z.string()),
});
export type Finding = z.infer<typeof Finding>;

/** What failed while a page was read (each fails open): the reader, a rule, the hints' rendering. */
export const Failures = z.object({ read: z.number(), rules: z.number(), render: z.number() });
export type Failures = z.infer<typeof Failures>;
