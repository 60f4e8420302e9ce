/**
 * The messages a content script needs, handed over by the background with its first answer.
 *
 * `chrome.i18n.getMessage` in a page's renderer loads the extension's message bundle with a
 * synchronous request to the browser the first time it is called in that process: the page's main
 * thread waited 4–7 ms for it on every new tab (measured on our 2-core machine), before the first
 * hint. The background's worker already has the bundle; it reads every message once (in the
 * browser's UI language, as `getMessage` would pick it, `@@ui_locale` included) and sends them in
 * the content script's start-up answer, which it waits for anyway. A content script without that
 * answer (the background unreachable) calls `getMessage` as before.
 */
import type { GetMessage } from './index';
import type { MessageKey } from './keys';

/** A message key to its text, in the browser's UI language. */
export type Catalog = Readonly<Record<string, string>>;

/** The predefined messages the translator reads (the UI locale, for dates and plurals). */
export const PREDEFINED = ['@@ui_locale'] as const;

/** Every key of `keys` (and the predefined ones) read once through `get`. */
export function buildCatalog(keys: readonly MessageKey[], get: GetMessage): Catalog {
  const catalog: Record<string, string> = Object.create(null);
  for (const key of [...PREDEFINED, ...keys]) catalog[key] = get(key) ?? '';
  return catalog;
}

/**
 * A catalogue from a message, or null when it is not one: a plain object whose values are all
 * strings (it crosses a process boundary; nothing else is trusted).
 */
export function asCatalog(value: unknown): Catalog | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const catalog: Record<string, string> = Object.create(null);
  for (const [key, text] of Object.entries(value)) {
    if (typeof text !== 'string') return null;
    catalog[key] = text;
  }
  return '@@ui_locale' in catalog ? catalog : null;
}

/**
 * Looks messages up in the catalogue; a key it lacks does not exist (the catalogue holds every key
 * the extension ships), so the answer is '' as `getMessage` would give, without asking the browser.
 * Without a catalogue, `fallback` (the browser's `getMessage`) answers.
 */
export function catalogGetter(catalog: Catalog | null, fallback: GetMessage): GetMessage {
  if (!catalog) return fallback;
  return (key) => (Object.hasOwn(catalog, key) ? catalog[key]! : '');
}
