/**
 * The one question the popup asks the background about domains: which of these names are public
 * suffixes. Only the background bundles the Public Suffix List (public-suffix.ts); the popup stays
 * small and validates the answer as strictly as the background validates the question.
 */
export const PUBLIC_SUFFIXES = 'cosell:public-suffixes';
const MAX_NAMES = 100;
const MAX_NAME = 253;

const validNames = (names: unknown): names is string[] =>
  Array.isArray(names) && names.length <= MAX_NAMES && names.every((n) => typeof n === 'string' && n.length > 0 && n.length <= MAX_NAME);

export const publicSuffixQuestion = (names: readonly string[]) => ({ type: PUBLIC_SUFFIXES, names: [...names] });

/** The background's answer: the names asked that are public suffixes; null for any other message. */
export function answerPublicSuffixes(message: unknown, isPublicSuffix: (name: string) => boolean): { suffixes: string[] } | null {
  const m = message as { type?: unknown; names?: unknown } | null;
  if (m?.type !== PUBLIC_SUFFIXES || !validNames(m.names)) return null;
  return { suffixes: m.names.filter((n) => isPublicSuffix(n)) };
}

/** The popup's reading of that answer: the suffixes among the names asked, or null when there is none. */
export function readPublicSuffixes(answer: unknown, asked: readonly string[]): Set<string> | null {
  const suffixes = (answer as { suffixes?: unknown } | null)?.suffixes;
  if (!validNames(suffixes)) return null;
  return new Set(suffixes.filter((s) => asked.includes(s)));
}
