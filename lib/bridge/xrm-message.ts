/**
 * The one message the page-world Xrm bridge (entrypoints/xrm-bridge.content.ts) sends the
 * isolated world: a DOM CustomEvent whose `detail` is a JSON string (objects do not cross worlds).
 * Any page script can send the same event, so the answer is page data: validated, bounded, never obeyed.
 * Checked by hand, not with zod: the content scripts carry no zod (the background validates their
 * messages), and zod's core would add 8 kB gzip to dynamics.js, over its 25 kB budget.
 */
import { BRIDGE_VERSION, MAX_ANSWER_CHARS } from './protocol';

export { BRIDGE_VERSION, MAX_ANSWER_CHARS, XRM_ANSWER_EVENT, XRM_REQUEST_EVENT, type XrmWant } from './protocol';

export const XRM_TYPES = [
  'boolean',
  'datetime',
  'decimal',
  'double',
  'integer',
  'lookup',
  'memo',
  'money',
  'multioptionset',
  'optionset',
  'string',
] as const;
export interface XrmLookup {
  id: string;
  name: string | null;
  entityType?: string;
}
/** One attribute: its Xrm type and typed value; dates as the user's calendar day `YYYY-MM-DD`. */
export interface XrmAttribute {
  type: (typeof XRM_TYPES)[number];
  value: string | number | boolean | XrmLookup[] | number[] | null;
  /** An option set's chosen label, as the form shows it. */
  text?: string | null;
  /** Whether its control on the form can be edited (absent when it has no control). */
  editable?: boolean;
}
export interface XrmAnswer {
  v: typeof BRIDGE_VERSION;
  kind: 'xrm';
  entity: string;
  /** Record id, lower case without braces; null on a new record. */
  id: string | null;
  attributes: Record<string, XrmAttribute>;
  /** The logical name behind each connector custom field, found by its control's label. */
  labels: Record<string, string>;
  /** Rows of the subgrids found by label, by field key. */
  grids?: Record<string, number>;
  /** The user's short date pattern (userSettings.dateFormattingInfo.ShortDatePattern). */
  dateFormat?: string;
}

const NAME = /^[a-z0-9_]{1,100}$/;
const ID = /^[0-9a-f-]{36}$/;
const KEY = /^[A-Za-z]\w{0,39}$/;
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;
const only = (o: Record<string, unknown>, keys: string[]) => Object.keys(o).every((k) => keys.includes(k));
/** A plain record of at most `max` entries whose keys match `key` and values pass `ok`. */
const record = (x: unknown, max: number, key: RegExp, ok: (v: unknown) => boolean) =>
  isObj(x) && Object.keys(x).length <= max && Object.entries(x).every(([k, v]) => key.test(k) && ok(v));

function lookup(x: unknown): boolean {
  return (
    isObj(x) &&
    only(x, ['id', 'name', 'entityType']) &&
    str(x.id, 64) &&
    (x.name === null || str(x.name, 2000)) &&
    (x.entityType === undefined || str(x.entityType, 100))
  );
}
function value(x: unknown): boolean {
  if (x === null || typeof x === 'boolean' || str(x, 4000)) return true;
  if (typeof x === 'number') return Number.isFinite(x);
  if (!Array.isArray(x)) return false;
  return x.length <= 20
    ? x.every(lookup) || x.every((n) => typeof n === 'number' && Number.isFinite(n))
    : x.length <= 100 && x.every((n) => typeof n === 'number' && Number.isFinite(n));
}
function attribute(x: unknown): boolean {
  return (
    isObj(x) &&
    only(x, ['type', 'value', 'text', 'editable']) &&
    (XRM_TYPES as readonly unknown[]).includes(x.type) &&
    value(x.value) &&
    (x.text === undefined || x.text === null || str(x.text, 2000)) &&
    (x.editable === undefined || typeof x.editable === 'boolean')
  );
}

/** Whether `x` is an answer of this version, within every bound. */
export function isXrmAnswer(x: unknown): x is XrmAnswer {
  return (
    isObj(x) &&
    only(x, ['v', 'kind', 'entity', 'id', 'attributes', 'labels', 'grids', 'dateFormat']) &&
    x.v === BRIDGE_VERSION &&
    x.kind === 'xrm' &&
    typeof x.entity === 'string' &&
    NAME.test(x.entity) &&
    (x.id === null || (typeof x.id === 'string' && ID.test(x.id))) &&
    record(x.attributes, 200, NAME, attribute) &&
    record(x.labels, 40, KEY, (v) => typeof v === 'string' && NAME.test(v)) &&
    (x.grids === undefined || record(x.grids, 40, KEY, (n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) &&
    (x.dateFormat === undefined || str(x.dateFormat, 40))
  );
}

/** The answer when `detail` is one, else null (not a string, too long, not JSON, wrong shape). */
export function parseXrmAnswer(detail: unknown): XrmAnswer | null {
  if (typeof detail !== 'string' || detail.length > MAX_ANSWER_CHARS) return null;
  let data: unknown;
  try {
    data = JSON.parse(detail);
  } catch {
    return null;
  }
  return isXrmAnswer(data) ? data : null;
}
