/**
 * The troubleshooter's catalogue: every symptom of the FAQ and every documented error
 * (docs/rules.md cites each source), each with its cause and ordered steps as i18n keys. Error entries reuse
 * the `error.*` rules' texts, so the troubleshooter and the hints never disagree.
 */
import { ERROR_CATALOGUE, errorKey, matchError } from './errors';
import { normalize, oneEditApart, terms } from './search-terms';

export interface Symptom {
  id: string;
  titleKey: string;
  causeKey: string;
  steps: readonly string[];
  source: string;
  /** A public Microsoft Learn page on it (path after the locale), when there is one a user can open. */
  page?: string;
}

/** Symptoms that are not an error message, with their number of steps. */
const FAQ: readonly [id: string, steps: number, source: string, page?: string][] = [
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
  ['throttled', 2, 'Partner Center Events connector reference (throttling)', 'connectors/partnercenterref'],
];

export const SYMPTOMS: readonly Symptom[] = [
  ...FAQ.map(([id, steps, source, page]) => {
    const k = `sym_${id.replace(/-/g, '_')}`;
    return {
      id,
      titleKey: `${k}_title`,
      causeKey: `${k}_cause`,
      steps: Array.from({ length: steps }, (_, i) => `${k}_fix${i + 1}`),
      source,
      ...(page ? { page } : {}),
    };
  }),
  ...ERROR_CATALOGUE.map((e) => ({
    id: e.id,
    titleKey: `sym_${errorKey(e.id)}_title`,
    causeKey: e.message,
    steps: [...e.fixes],
    source: e.source,
  })),
];

/**
 * Accent-, case- and width-insensitive search text, English negations spelled out ("don't" and
 * "do not", "won't" and "will not" are the same words).
 */
export const searchKey = normalize;

/** What the troubleshooter shows for a query. */
export interface SymptomSearch {
  /** The symptoms to list, best first. */
  results: Symptom[];
  /** The documented error the query is (a pasted message or code, matched as the hints match it). */
  recognized: Symptom | null;
  /** No symptom has every word: `results` are the closest. */
  partial: boolean;
  /** Nothing was close: `results` are the error catalogue, so the answer is never empty. */
  fallback: boolean;
}

/** A pasted log is matched as an error whole, but searched by its first words. */
const MAX_TERMS = 24;
const MAX_TEXT = 2000;
/** A term of the title names the problem; one of a step only mentions it. */
const TITLE_WEIGHT = 2;
/** A word one typo away from a symptom's word counts, a little less than the word itself. */
const TYPO_WEIGHT = 0.7;
const TYPO_MIN_LENGTH = 5;

/**
 * Symptoms for a query, in the user's language (codes too). A pasted error message or code is
 * recognized with the catalogue the `error.*` hints use and comes first. The others are ranked by
 * the query's terms they hold (synonyms unified, one typo forgiven), rare terms and terms of the
 * title counting more; with no term in common, the error catalogue is the answer.
 */
export function searchSymptoms(query: string, text: (key: string) => string): SymptomSearch {
  const words = [...new Set(terms(query.slice(0, MAX_TEXT)))].slice(0, MAX_TERMS);
  if (words.length === 0) return { results: [...SYMPTOMS], recognized: null, partial: false, fallback: false };
  const known = matchError(query);
  const recognized = known ? (SYMPTOMS.find((s) => s.id === known.id) ?? null) : null;
  const docs = SYMPTOMS.map((s) => {
    const title = new Set(terms(text(s.titleKey)));
    const all = new Set([...title, ...terms([s.id, text(s.causeKey), ...s.steps.map(text)].join(' '))]);
    return { s, title, all };
  });
  const hits = (d: (typeof docs)[number], w: string): number => {
    if (d.all.has(w)) return d.title.has(w) ? TITLE_WEIGHT : 1;
    if (w.length < TYPO_MIN_LENGTH || /\p{Script=Han}|\p{Script=Katakana}/u.test(w)) return 0;
    for (const x of d.all) if (oneEditApart(w, x)) return TYPO_WEIGHT * (d.title.has(x) ? TITLE_WEIGHT : 1);
    return 0;
  };
  // A term found in few symptoms says more than one found in most.
  const weight = new Map(words.map((w) => [w, Math.log((docs.length + 1) / (docs.filter((d) => hits(d, w) > 0).length + 0.5))]));
  const scored = docs
    .map((d) => {
      const found = words.map((w) => hits(d, w));
      return { s: d.s, every: found.every((h) => h > 0), score: found.reduce((n, h, i) => n + h * weight.get(words[i]!)!, 0) };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => Number(b.every) - Number(a.every) || b.score - a.score);
  const ranked = scored.filter((x) => x.score >= scored[0]!.score / 3 || x.every).map((x) => x.s);
  if (recognized) return { results: [recognized, ...ranked.filter((s) => s !== recognized)], recognized, partial: false, fallback: false };
  if (ranked.length > 0) return { results: ranked, recognized: null, partial: !scored[0]!.every, fallback: false };
  return { results: SYMPTOMS.filter((s) => s.id.startsWith('error.')), recognized: null, partial: true, fallback: true };
}
