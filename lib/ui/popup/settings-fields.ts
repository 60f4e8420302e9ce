/** The settings typed as text, as the settings tab edits them and the diagnostic report lists them. */
import type { LockedPath, Settings } from '../../model/settings';
import type { MessageKey } from '../../i18n/keys';

export type TextSetting = {
  path: LockedPath;
  get: (s: Settings) => string | undefined;
  set: (s: Settings, v: string | undefined) => Settings;
  label: MessageKey;
  placeholder: string;
  /** A field's name in the CRM (checked before it is stored), or a stage as Salesforce shows it. */
  kind: 'name' | 'stage';
};

export const TEXT_SETTINGS: readonly TextSetting[] = [
  {
    path: 'fields.dealValue',
    label: 'settings_dealValue',
    placeholder: 'estimatedvalue / Amount',
    kind: 'name',
    get: (s) => s.fields.dealValue,
    set: (s, v) => ({ ...s, fields: { ...s.fields, dealValue: v } }),
  },
  {
    path: 'fields.country',
    label: 'settings_country',
    placeholder: 'address1_country / BillingCountry',
    kind: 'name',
    get: (s) => s.fields.country,
    set: (s, v) => ({ ...s, fields: { ...s.fields, country: v } }),
  },
  {
    path: 'fields.currency',
    label: 'settings_currency',
    placeholder: 'CurrencyIsoCode',
    kind: 'name',
    get: (s) => s.fields.currency,
    set: (s, v) => ({ ...s, fields: { ...s.fields, currency: v } }),
  },
  {
    path: 'salesforceStages.onHold',
    label: 'settings_onHold',
    placeholder: '',
    kind: 'stage',
    get: (s) => s.salesforceStages.onHold,
    set: (s, v) => ({ ...s, salesforceStages: { ...s.salesforceStages, onHold: v } }),
  },
  {
    path: 'salesforceStages.active',
    label: 'settings_active',
    placeholder: '',
    kind: 'stage',
    get: (s) => s.salesforceStages.active,
    set: (s, v) => ({ ...s, salesforceStages: { ...s.salesforceStages, active: v } }),
  },
];
