import type { Finding, Severity } from '../model/finding';
import type { MessageKey } from '../i18n/keys';
import type { FieldKey, Observation, ObservationKind, ObservationOf } from '../model/observation';
import type { Settings } from '../model/settings';

export interface RuleContext {
  settings: Settings;
  /** Today's date in the user's time zone, `YYYY-MM-DD`. */
  today: string;
}

/**
 * What a rule returns; the engine adds `rule` and `source`. Its field is one of the observation's
 * (`FieldKey`), its message and fix steps keys of the English catalogue: both checked by `tsc`.
 */
export type Draft<K extends ObservationKind = ObservationKind> = Omit<
  Finding,
  'rule' | 'source' | 'params' | 'severity' | 'cause' | 'field' | 'messageKey' | 'fixSteps'
> & {
  field?: FieldKey<K>;
  messageKey: MessageKey;
  fixSteps: MessageKey[];
  severity?: Severity;
  params?: Finding['params'];
};

interface RuleMeta {
  /** The rule ID (docs/rules.md); also the file name. */
  id: string;
  /** Default severity (a draft may override it, for example warning vs info). */
  severity: Severity;
  /** The other severities its drafts may set: Settings shows each one a page may show. */
  alsoSeverities?: readonly Severity[];
  /** FAQ question or knowledge section it implements. */
  source: string;
  /** Every i18n key the rule may emit (messages and fix steps); checked in en, ja and fr. */
  messages: readonly MessageKey[];
  /**
   * Findings this rule's finding explains when both fire on one page: rule IDs, or the `error.*` ID
   * a quoting finding `matched`. They are said once, under this one (the cause first).
   */
  explains?: readonly string[];
}

/** A registered rule. The engine only hands it observations of the kinds it declares. */
export interface Rule extends RuleMeta {
  kinds: readonly ObservationKind[];
  check(observation: Observation, ctx: RuleContext): Draft[];
}

/** Typed definition: `check` receives exactly the observation kinds listed in `kinds`. */
/** Pure: lets the bundler drop rules a content script does not use. */
/* @__NO_SIDE_EFFECTS__ */
export function defineRule<K extends ObservationKind>(
  rule: RuleMeta & { kinds: readonly K[]; check(observation: ObservationOf<K>, ctx: RuleContext): Draft<K>[] },
): Rule {
  return rule as unknown as Rule;
}
