/** Page text has no size of its own: every string taken from a page is bounded where it enters. */

/** Longest text a reader keeps from one element (an error message, a label, a value). */
export const MAX_PAGE_TEXT = 4_000;
/** Longest value a finding carries into a hint, the popup or storage. */
export const MAX_PARAM = 1_000;

/** Cuts to at most `max` characters, ending with "…", without splitting a surrogate pair. */
export function bound(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
