/**
 * The troubleshooter's catalogue: every symptom of the FAQ and every documented error
 * (knowledge/domain.md §5), each with its cause and ordered steps as i18n keys. Error entries reuse
 * the `error.*` rules' texts, so the troubleshooter and the hints never disagree.
 */
import { ERROR_CATALOGUE, errorFixKeys, errorKey, errorMessageKey } from './errors';

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
];

export const SYMPTOMS: readonly Symptom[] = [
  ...FAQ.map(([id, steps, source]) => {
    const k = `sym_${id.replace(/-/g, '_')}`;
    return { id, titleKey: `${k}_title`, causeKey: `${k}_cause`, steps: Array.from({ length: steps }, (_, i) => `${k}_fix${i + 1}`), source };
  }),
  ...ERROR_CATALOGUE.map((e) => ({ id: e.id, titleKey: `sym_${errorKey(e.id)}_title`, causeKey: errorMessageKey(e.id), steps: errorFixKeys(e), source: e.source })),
];

/** Accent-, case- and width-insensitive search text. */
export const searchKey = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Symptoms whose title, cause or steps contain every word of the query (in the user's language, codes too). */
export function searchSymptoms(query: string, text: (key: string) => string): Symptom[] {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...SYMPTOMS];
  return SYMPTOMS.filter((s) => {
    const hay = searchKey([s.id, s.titleKey, s.causeKey, ...s.steps].map((k, i) => (i === 0 ? k : text(k))).join(' '));
    return words.every((w) => hay.includes(w));
  });
}
