/**
 * Finding the connector solution's custom fields by label (../knowledge/labels.ts): the built-in
 * labels plus those users and administrators add in the settings (`labelOverrides`).
 */
import type { CustomFieldKey, Settings } from '../model/settings';
import { CUSTOM_FIELD_LABELS } from '../knowledge/labels';
import { labelKey } from './dom';

/** Every label (all locales plus the user's overrides) for a field, as comparison keys. */
export function labelKeysFor(key: CustomFieldKey, settings?: Settings): Set<string> {
  const l = CUSTOM_FIELD_LABELS[key];
  return new Set([...l.en, ...l.ja, ...l.fr, ...(settings?.labelOverrides[key] ?? [])].map(labelKey));
}
