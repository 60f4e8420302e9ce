/**
 * Hints the user dismissed, per record and rule, kept in `storage.local` under DISMISSED_KEY:
 * `[key, when][]`, newest last, at most MAX_DISMISSED (the oldest go first). A key is
 * `<record key>|<rule>|<field>`. Anything unreadable counts as nothing dismissed.
 */
export const DISMISSED_KEY = 'dismissedHints';
export const MAX_DISMISSED = 500;

export type Dismissed = [key: string, when: number][];

export function parseDismissed(raw: unknown): Dismissed {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((e): e is [string, number] => Array.isArray(e) && typeof e[0] === 'string' && e[0].length <= 2000 && typeof e[1] === 'number')
    .slice(-MAX_DISMISSED);
}

export function addDismissed(list: Dismissed, keys: readonly string[], now: number): Dismissed {
  const set = new Set(keys);
  return [...list.filter(([k]) => !set.has(k)), ...keys.map((k): [string, number] => [k, now])].slice(-MAX_DISMISSED);
}

export function removeDismissed(list: Dismissed, keys: readonly string[]): Dismissed {
  const set = new Set(keys);
  return list.filter(([k]) => !set.has(k));
}
