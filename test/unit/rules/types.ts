import type { Finding } from '@/lib/model/finding';
import type { Observation } from '@/lib/model/observation';
import type { Settings } from '@/lib/model/settings';

/** One row of a rule's table: an observation and what the rule must (not) say about it. */
export interface RuleCase {
  name: string;
  observation: Observation;
  settings?: Partial<Settings>;
  /** `YYYY-MM-DD`, default 2025-01-15. */
  today?: string;
  /** `silent`: the rule emits nothing. Otherwise every listed finding, in order (partial match). */
  expect: 'silent' | Partial<Finding>[];
}

export type RuleCases = Record<string, RuleCase[]>;

export const opp = (o: Partial<Extract<Observation, { kind: 'opportunity' }>> = {}): Observation => ({
  kind: 'opportunity',
  app: 'dynamics',
  ...o,
});

export const acct = (o: Partial<Extract<Observation, { kind: 'account' }>> = {}): Observation => ({
  kind: 'account',
  app: 'dynamics',
  ...o,
});
export const deal = (o: Partial<Extract<Observation, { kind: 'referral' }>> = {}): Observation => ({ kind: 'referral', ...o });
