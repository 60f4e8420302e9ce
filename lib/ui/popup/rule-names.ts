/** How Settings names a rule: by what it checks, in the user's language, with every severity it may show. */
import type { Translator } from '../../i18n';
import { ERROR_CATALOGUE, errorKey } from '../../knowledge/errors';
import { SEVERITIES } from '../../model/finding';
import type { Rule } from '../../rules/types';

const CATALOGUED = new Set(ERROR_CATALOGUE.map((e) => e.id));

/** A known error's rule is named as the troubleshooter names that error; the others have their own title. */
export const ruleTitleKey = (id: string): string => (CATALOGUED.has(id) ? `sym_${errorKey(id)}_title` : `rule_${errorKey(id)}_title`);

/** Every severity the rule's findings may have, most severe first. */
export const ruleSeverities = (rule: Pick<Rule, 'severity' | 'alsoSeverities'>) =>
  SEVERITIES.filter((s) => s === rule.severity || rule.alsoSeverities?.includes(s));

export const severityLabel = (t: Translator, rule: Pick<Rule, 'severity' | 'alsoSeverities'>): string => {
  const [first, second] = ruleSeverities(rule).map((s) => t(`severity_${s}`));
  return second ? t('settings_severity_or', { first: first!, second }) : first!;
};
