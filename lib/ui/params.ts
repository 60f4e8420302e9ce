import type { Finding } from '../model/finding';
import type { Translator } from '../i18n';

/**
 * A finding's parameters where no page is at hand (the popup, the report): the catalogue's name of
 * its field and its "Yes", so that `{label}` and `{option}` never show as such.
 */
export function catalogueParams(f: Finding, t: Translator): Finding['params'] {
  const key = `field_${f.field ?? ''}`;
  const name = t(key);
  return { label: name === key ? (f.field ?? '') : name, option: t('hint_yes'), ...f.params };
}
