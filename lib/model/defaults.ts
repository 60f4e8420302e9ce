/**
 * Setting constants without the schema, so content scripts can use them without bundling zod.
 * The schema and its validation live in ./settings.ts.
 */
import type { Settings } from './settings';

export const SETTINGS_VERSION = 1;
export { SETTINGS_KEY } from './keys';

/** Logical keys of the connector's custom fields, whose labels users and admins may override. */
export const CUSTOM_FIELD_KEYS = [
  'syncWithPartnerCenter',
  'referralIdentifier',
  'referralLink',
  'helpRequested',
  'referralVisibility',
  'crmIdentifier',
  'audit',
  'productsObsolete',
  'solutions',
] as const;
export type CustomFieldKey = (typeof CUSTOM_FIELD_KEYS)[number];

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  disabledRules: [],
  fields: {},
  salesforceStages: {},
  labelOverrides: {},
};
