/**
 * The one message the page-world Xrm bridge (entrypoints/xrm-bridge.content.ts) sends the
 * isolated world: a DOM CustomEvent whose `detail` is a JSON string (objects do not cross worlds).
 * Any page script can send the same event, so the answer is page data: validated, bounded, never obeyed.
 */
import { z } from '../model/zod';
import { BRIDGE_VERSION, MAX_ANSWER_CHARS } from './protocol';

export { BRIDGE_VERSION, MAX_ANSWER_CHARS, XRM_ANSWER_EVENT, XRM_REQUEST_EVENT, type XrmWant } from './protocol';

const name = z.string().check(z.regex(/^[a-z0-9_]{1,100}$/));
const str = z.string().check(z.maxLength(2000));
const lookup = z.object({ id: z.string().check(z.maxLength(64)), name: z.nullable(str), entityType: z.optional(z.string().check(z.maxLength(100))) });

/** One attribute: its Xrm type and typed value; dates as the user's calendar day `YYYY-MM-DD`. */
export const XrmAttribute = z.object({
  type: z.enum(['boolean', 'datetime', 'decimal', 'double', 'integer', 'lookup', 'memo', 'money', 'multioptionset', 'optionset', 'string']),
  value: z.nullable(z.union([z.string().check(z.maxLength(4000)), z.number(), z.boolean(), z.array(lookup).check(z.maxLength(20)), z.array(z.number()).check(z.maxLength(100))])),
  /** An option set's chosen label, as the form shows it. */
  text: z.optional(z.nullable(str)),
  /** Whether its control on the form can be edited (absent when it has no control). */
  editable: z.optional(z.boolean()),
});
export type XrmAttribute = z.infer<typeof XrmAttribute>;

export const XrmAnswer = z.object({
  v: z.literal(BRIDGE_VERSION),
  kind: z.literal('xrm'),
  entity: name,
  /** Record id, lower case without braces; null on a new record. */
  id: z.nullable(z.string().check(z.regex(/^[0-9a-f-]{36}$/))),
  attributes: z.record(name, XrmAttribute).check(z.refine((r) => Object.keys(r).length <= 200)),
  /** The logical name behind each connector custom field, found by its control's label. */
  labels: z.record(z.string().check(z.maxLength(40)), name).check(z.refine((r) => Object.keys(r).length <= 40)),
  /** Rows of the subgrids found by label, by field key. */
  grids: z.optional(z.record(z.string().check(z.maxLength(40)), z.number().check(z.int(), z.gte(0)))),
  /** The user's short date pattern (userSettings.dateFormattingInfo.ShortDatePattern). */
  dateFormat: z.optional(z.string().check(z.maxLength(40))),
});
export type XrmAnswer = z.infer<typeof XrmAnswer>;

/** The answer when `detail` is one, else null (not a string, too long, not JSON, wrong shape). */
export function parseXrmAnswer(detail: unknown): XrmAnswer | null {
  if (typeof detail !== 'string' || detail.length > MAX_ANSWER_CHARS) return null;
  let data: unknown;
  try {
    data = JSON.parse(detail);
  } catch {
    return null;
  }
  const r = XrmAnswer.safeParse(data);
  return r.success ? r.data : null;
}
