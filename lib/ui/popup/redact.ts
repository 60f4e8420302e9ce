/**
 * What of a page string may go into the diagnostic report, and how. The report is an allow-list:
 * numbers, dates, IDs, codes and the connector solution's own names pass; free page text does not.
 * What passes is NFKC-normalised (full-width ＠ and digits become plain), scrubbed and escaped.
 */
import { matchFlow } from '../../knowledge/flows';
import { bound as boundText } from '../../model/bound';

/** Longest page value the report quotes; the whole report is bounded in report.ts. */
export const MAX_VALUE = 200;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// A run of digits with the separators phone numbers use; classified below, so dates, IDs and
// amounts inside it are kept. Not after or before a letter, digit or underscore (GUIDs, codes).
const DIGIT_RUN = /(?<![\p{L}\p{N}_]-?)(?:\+|\(\s*)?\d[\d\s()./-]*\d\)?(?!-?[\p{L}\p{N}_])/gu;
const DATE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;
const AMOUNT = /^\d{1,3}(?:([,. ])\d{3})(?:\1\d{3})*(?:[.,]\d{1,2})?$|^\d+(?:[.,]\d{1,2})?$/;

/** True when a run of digits is a phone number (international, or national with its trunk 0 or separators). */
export function isPhone(run: string): boolean {
  const s = run.trim();
  const digits = s.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15) return false;
  if (s.startsWith('+')) return digits >= 8;
  if (!/[\s()./-]/.test(s)) return s.startsWith('0') && digits >= 9;
  const core = s.replace(/^\(\s*|\)$/g, '');
  if (DATE.test(core) || AMOUNT.test(core)) return false;
  return digits >= 9 || (s.startsWith('0') && digits >= 8) || s.startsWith('(');
}

// A date with its time ("01/01/1990 00:00:00", "1.1.1990, 00:00"), or a time alone: set apart
// before phone numbers are looked for, so that a date and the hour after it never read as one.
const DATE_TIME =
  /(?<![\p{N}./-])(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?![\p{N}]|[-/.]\d)(?:(?:,?\s*|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?|(?<![\p{N}:])\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?![\p{N}:])/gu;

const scrubPhones = (text: string): string =>
  text.replace(DIGIT_RUN, (run) => {
    const lead = run.match(/^\s*/)?.[0] ?? '';
    return isPhone(run) ? `${lead}[phone]` : run;
  });

/** Replaces e-mail addresses and phone numbers, leaving dates, times, IDs and amounts as they are. */
export function scrub(text: string): string {
  const plain = text.normalize('NFKC').replace(EMAIL, '[e-mail]');
  let out = '';
  let at = 0;
  for (const m of plain.matchAll(DATE_TIME)) {
    out += scrubPhones(plain.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return out + scrubPhones(plain.slice(at));
}

/** Escapes what Markdown (and HTML inside it) would read as syntax; line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`);
}

/** Cuts to `max` characters (default MAX_VALUE) without splitting a surrogate pair. */
export const bound = (text: string, max = MAX_VALUE): string => boundText(text, max);

/** Page text as the report may quote it: normalised, bounded, scrubbed and escaped. */
export const quotePage = (text: string): string => escapeMarkdown(scrub(bound(text.normalize('NFKC'))));

const CODE = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$|^0x[0-9a-fA-F]{1,16}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?$/;
// Connectors are named by their product; a connection's own name ("Fabrikam – Jane Doe") is not.
const CONNECTOR =
  /^(?:Microsoft Dataverse|Dataverse|Common Data Service(?: \(current environment\))?|Dynamics 365|Salesforce|Partner Center(?: [A-Z][a-z]+)*|Office 365 (?:Users|Outlook)|Microsoft Teams|HTTP)$/;

/** Parameters whose value is always the extension's own (a message key, a field's logical name, a list name). */
const OWN = new Set(['knownKey', 'missingKey', 'list', 'missing']);

/**
 * A finding parameter as the report may show it, or null when it is withheld. Numbers pass; a
 * string passes when it is a date, an error code, one of the solution's flow names, a known
 * connector, or the extension's own value; all other page text is withheld.
 */
export function reportParam(key: string, value: string | number): string | number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const v = value.normalize('NFKC').trim();
  if (v === '') return '';
  if (OWN.has(key)) return escapeMarkdown(bound(v));
  // A field's logical name may come from policy or settings: only an identifier's shape passes.
  if (key === 'field') return CODE.test(v) ? escapeMarkdown(v) : null;
  if (key === 'date') return ISO_DATE.test(v) ? v : null;
  if (key === 'code') return CODE.test(v) ? escapeMarkdown(v) : null;
  if (key === 'flow' || key === 'before' || key === 'child') return matchFlow(v).length ? escapeMarkdown(bound(v)) : null;
  if (key === 'connector') return CONNECTOR.test(v) ? escapeMarkdown(v) : null;
  return null;
}
