/**
 * Small DOM helpers shared by the readers. Pure: they take elements, never touch `browser.*`,
 * and never throw on odd pages.
 */

import { MAX_PAGE_TEXT, bound } from '../model/bound';
import { isShown } from '../dom';

export { isShown };

/** Characters that change nothing for a reader: zero-width, bidi marks and controls, BOM. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const SPACES = /[\s\u00A0\u202F\u3000]+/g;
/** The UCI header appends a save state to the title. */
const SAVE_STATE = /\s+-\s+(?:Saved|Unsaved|Enregistré|Non enregistré|保存済み|未保存)$/u;

/** Trim, collapse white space (NBSP, U+202F, ideographic space), drop invisible characters and required markers; bounded. */
export function normalize(text: string | null | undefined): string {
  if (!text) return '';
  // Twice the bound first (white space collapses), so a megabyte of page text costs nothing here.
  const clean = bound(text, MAX_PAGE_TEXT * 2)
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .trim()
    .replace(/\s*[:：*]+$/u, '')
    .trim();
  return bound(clean, MAX_PAGE_TEXT);
}

/** Normalised comparison key for labels: case- and punctuation-insensitive. */
export function labelKey(text: string | null | undefined): string {
  return normalize(text).toLocaleLowerCase().replace(/[’']/g, "'").replace(/[?？]/g, '').trim();
}

/** Comparison keys of a vocabulary: words, or lists of words (one per language). */
export const labelKeys = (...words: (string | readonly string[])[]): Set<string> => new Set(words.flat().map(labelKey));

export function stripSaveState(text: string): string {
  return text.replace(SAVE_STATE, '');
}

export function textOf(el: Element | null | undefined): string {
  return normalize(el?.textContent ?? '');
}

export function firstShown<T extends Element>(list: Iterable<T>): T | null {
  for (const el of list) if (isShown(el)) return el;
  return null;
}

/**
 * Escapes a value for a quoted CSS attribute selector. A configured field name may hold anything:
 * a line break or other control character unescaped makes the selector throw in Chromium.
 */
export const cssEscape = (s: string): string =>
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
  s.replace(/["\\]/g, '\\$&').replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\0' ? '\ufffd' : `\\${c.charCodeAt(0).toString(16)} `));

/** Parses a displayed number ("$50,000.00", "¥5,000,000", "50 000,00 €", "1.234,5") to a number, or null when unsure. */
export function parseAmount(raw: string | null | undefined): number | null | undefined {
  const s = normalize(raw);
  if (s === '' || s === '---' || s === '--') return null;
  // A value cut short for space ("EUR 1,517,..."): what is left is not the amount.
  if (/(?:\.\.\.|…)$/.test(s)) return undefined;
  const digits = s.replace(/[^\d.,\-\s']/g, '').replace(/[\s']/g, '');
  if (!/\d/.test(digits)) return undefined;
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  let normal: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? '.' : ',';
    normal = digits
      .split(dec === '.' ? ',' : '.')
      .join('')
      .replace(dec, '.');
  } else if (lastComma >= 0) {
    // "5,000,000" (grouping) vs "50,5" (decimal comma): three digits after the only/last comma = grouping
    const after = digits.length - lastComma - 1;
    normal = after === 3 ? digits.replace(/,/g, '') : digits.replace(/,/g, (m, i: number) => (i === lastComma ? '.' : ''));
  } else if (lastDot >= 0 && (digits.match(/\./g) ?? []).length > 1) {
    normal = digits.replace(/\./g, '');
  } else {
    normal = digits;
  }
  const n = Number(normal);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Parses a displayed date to `YYYY-MM-DD`. Year-first (ja: 2025/06/30) is unambiguous; otherwise
 * the page language decides day-first (fr, en-GB…) or month-first (en-US), unless a part over 12
 * settles it. `null` for an empty field, `undefined` when unsure.
 */
export function parseDisplayDate(raw: string | null | undefined, lang: string): string | null | undefined {
  const s = normalize(raw);
  if (s === '' || s === '---' || s === '--') return null;
  const iso = /^(\d{4})[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})日?/.exec(s);
  if (iso) return ymd(+iso[1]!, +iso[2]!, +iso[3]!);
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/.exec(s);
  if (!m) return undefined;
  const a = +m[1]!;
  const b = +m[2]!;
  const y = +m[3]!;
  if (a > 12 && b <= 12) return ymd(y, b, a);
  if (b > 12 && a <= 12) return ymd(y, a, b);
  const l = lang.toLowerCase();
  if (l === 'en-us' || l === 'en' || l.startsWith('en-us')) return ymd(y, a, b);
  if (/^(fr|de|es|it|pt|nl|en-gb|en-au|en-in|en-nz|en-ie)/.test(l)) return ymd(y, b, a);
  return undefined;
}

function ymd(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Text of an element including open shadow roots (Salesforce renders some values there). */
export function deepText(el: Element | null | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  let length = 0;
  // Iterative, in document order, and stopping at the bound: a page's nesting has no depth limit.
  const stack: Node[] = [el];
  while (stack.length && length < MAX_PAGE_TEXT * 2) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      const text = n.nodeValue ?? '';
      parts.push(text);
      length += text.length + 1;
      continue;
    }
    const kids = [...((n as Element).shadowRoot?.childNodes ?? []), ...n.childNodes];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return normalize(parts.join(' '));
}

/** The page language: `<html lang>`, else the browser's. */
export const pageLang = (doc: Document): string => doc.documentElement.getAttribute('lang') || doc.defaultView?.navigator.language || 'en';

/**
 * The label the page shows for a field's container, as the user reads it: a `label` in it, the
 * element its `aria-labelledby` names, a Salesforce form-element label, or a `dt`/`th` before it.
 * Marks of a required field (`*`) and a trailing colon are left out; null when none is found.
 */
export function pageLabelOf(container: Element): string | null {
  const doc = container.ownerDocument;
  const by = container.getAttribute('aria-labelledby')?.split(/\s+/)[0];
  const candidates = [
    container.querySelector('label'),
    by ? doc.getElementById(by) : null,
    container.querySelector('.slds-form-element__label, .test-id__field-label'),
    container.localName === 'dd' ? container.previousElementSibling : null,
  ];
  for (const el of candidates) {
    if (!el) continue;
    const text = normalize(el.textContent)
      .replace(/^\*\s*|\s*[*:：]\s*$/g, '')
      .trim();
    if (text && text.length <= 80) return text;
  }
  return null;
}

/** The page's label of every anchored field that has one (hints quote it). */
export function labelsOf(anchors: Readonly<Record<string, Element>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, el] of Object.entries(anchors)) {
    const label = pageLabelOf(el);
    if (label) out[field] = label;
  }
  return out;
}
