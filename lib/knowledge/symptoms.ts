/**
 * The troubleshooter's catalogue: every symptom of the FAQ and every documented error
 * (knowledge/domain.md §5), each with its cause and ordered steps as i18n keys. Error entries reuse
 * the `error.*` rules' texts, so the troubleshooter and the hints never disagree.
 */
import { ERROR_CATALOGUE, errorFixKeys, errorKey, errorMessageKey, matchError } from './errors';

export interface Symptom {
  id: string;
  titleKey: string;
  causeKey: string;
  steps: readonly string[];
  source: string;
}

/** Symptoms that are not an error message, with their number of steps. */
const FAQ: readonly [id: string, steps: number, source: string][] = [
  ['flows-dont-turn-on', 4, 'FAQ C5; domain §5 E5'],
  ['cant-add-connections', 3, 'FAQ C4; domain §5 E4'],
  ['not-synchronized', 3, 'FAQ R2; domain §5 E7'],
  ['no-bidirectional-sync', 3, 'FAQ R3; domain §5 E8'],
  ['sync-missed', 3, 'FAQ R4; domain §5 E9'],
  ['created-in-pc-not-crm', 3, 'FAQ R8; domain §5 E13'],
  ['leads-not-syncing', 2, 'domain §5 E14, E16'],
  ['leads-as-leads', 1, 'domain §5 E15'],
  ['duplicates', 2, 'domain §5 E17'],
  ['run-failures', 3, 'FAQ R1; domain §5 E20'],
  ['deal-value-zero', 2, 'domain §3.3, §5 E21'],
  ['on-hold-no-sync', 2, 'domain §5 E22'],
  ['install-failed', 2, 'domain §5 E23'],
  ['visibility-locked', 1, 'domain §5 E24'],
  ['data-policy', 3, 'domain §5, adjacent connection failures (a DLP block); §2.6'],
  // The 2020 page's rows the 2023 page dropped; their causes still occur.
  ['lead-qualified-incomplete', 2, 'domain §5 E8b [EN-2020]'],
  ['crm-id-unknown', 2, 'domain §5 E8c [EN-2020]'],
  ['sf-currency', 2, 'domain §5 E8d [EN-2020]'],
];

export const SYMPTOMS: readonly Symptom[] = [
  ...FAQ.map(([id, steps, source]) => {
    const k = `sym_${id.replace(/-/g, '_')}`;
    return { id, titleKey: `${k}_title`, causeKey: `${k}_cause`, steps: Array.from({ length: steps }, (_, i) => `${k}_fix${i + 1}`), source };
  }),
  ...ERROR_CATALOGUE.map((e) => ({ id: e.id, titleKey: `sym_${errorKey(e.id)}_title`, causeKey: errorMessageKey(e.id), steps: errorFixKeys(e), source: e.source })),
];

/**
 * Accent-, case- and width-insensitive search text, English negations spelled out ("don't" and
 * "do not", "won't" and "will not" are the same words).
 */
export const searchKey = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\bwon['’]t\b/g, 'will not')
    .replace(/\bcan['’]t\b/g, 'can not')
    .replace(/n['’]t\b/g, ' not');

/** What the troubleshooter shows for a query. */
export interface SymptomSearch {
  /** The symptoms to list, best first. */
  results: Symptom[];
  /** The documented error the query is (a pasted message or code, matched as the hints match it). */
  recognized: Symptom | null;
  /** No symptom has every word: `results` are those with the most of them. */
  partial: boolean;
}

/** Words of a query that count: a pasted log is matched as an error whole, but searched by its first words. */
const MAX_WORDS = 24;
const MAX_WORDS_TEXT = 2000;

/** Japanese is written without spaces: its runs are searched by overlapping pairs of characters. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu;
const HIRAGANA_ONLY = /^\p{Script=Hiragana}+$/u;

/** The words of a query, normalized as `searchKey` does, without quotes and punctuation at their ends. */
function queryWords(query: string): string[] {
  const words = searchKey(query.slice(0, MAX_WORDS_TEXT))
    .split(/[\s"“”«»「」『』（）()[\]{},;、。]+/u)
    .map((w) => w.replace(/^['’:.!?！？：]+|['’:.!?！？：]+$/gu, ''))
    .filter(Boolean);
  return [...new Set(words)].slice(0, MAX_WORDS);
}

/** A word as the pieces searched when no symptom has every word: Japanese runs as pairs of characters. */
function pieces(word: string): string[] {
  const runs = word.match(CJK);
  if (!runs) return [word];
  const rest = word.replace(CJK, ' ').split(' ').filter(Boolean);
  const pairs = runs.flatMap((r) => (r.length <= 2 ? [r] : Array.from({ length: r.length - 1 }, (_, i) => r.slice(i, i + 2))));
  // Pairs of hiragana alone are endings and particles ("ない", "でき"): they match nearly anything.
  const meaningful = pairs.filter((p) => !HIRAGANA_ONLY.test(p));
  return [...rest, ...(meaningful.length > 0 ? meaningful : pairs)];
}

/**
 * Symptoms for a query, in the user's language (codes too). A pasted error message or code is
 * recognized with the catalogue the `error.*` hints use (codes, then message text in en/ja/fr) and
 * comes first. Then the symptoms whose title, cause or steps contain every word of the query; when
 * none does, the closest: those with at least half of its words (Japanese: pairs of characters),
 * rare words counting more than common ones and words of the title more than the rest, best first.
 */
export function searchSymptoms(query: string, text: (key: string) => string): SymptomSearch {
  const words = queryWords(query);
  if (words.length === 0) return { results: [...SYMPTOMS], recognized: null, partial: false };
  const known = matchError(query);
  const recognized = known ? (SYMPTOMS.find((s) => s.id === known.id) ?? null) : null;
  const hays = SYMPTOMS.map((s) => searchKey([s.id, s.titleKey, s.causeKey, ...s.steps].map((k, i) => (i === 0 ? k : text(k))).join(' ')));
  const full = SYMPTOMS.filter((_, i) => words.every((w) => hays[i]!.includes(w)));
  // A recognized error is the answer: listed first, with what matches every word after it.
  if (recognized) return { results: [recognized, ...full.filter((s) => s !== recognized)], recognized, partial: false };
  if (full.length > 0) return { results: full, recognized: null, partial: false };
  const parts = [...new Set(words.flatMap(pieces))];
  // A piece found in few symptoms says more than one found in most ("not", "the", "ない").
  const weight = new Map(parts.map((p) => [p, Math.log((SYMPTOMS.length + 1) / (hays.filter((h) => h.includes(p)).length + 1))]));
  const least = Math.max(1, Math.ceil(parts.length / 2));
  // A word of the title counts twice: it names the problem rather than a step.
  const scored = SYMPTOMS.map((s, i) => {
    const title = searchKey(text(s.titleKey));
    const hit = parts.filter((p) => hays[i]!.includes(p));
    return { s, count: hit.length, score: hit.reduce((n, p) => n + weight.get(p)! * (title.includes(p) ? 2 : 1), 0) };
  }).filter((x) => x.count >= least && x.score > 0);
  const best = Math.max(0, ...scored.map((x) => x.score));
  const closest = scored.filter((x) => x.score >= best / 2).sort((a, b) => b.score - a.score);
  return { results: closest.map((x) => x.s), recognized: null, partial: closest.length > 0 };
}
