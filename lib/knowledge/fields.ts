/**
 * The standard fields the settings can replace (a custom deal value, country or currency field),
 * and each app's own name for them: Dynamics 365 logical names, Salesforce API names.
 */
import type { CrmApp } from '../model/observation';
import type { Settings } from '../model/settings';

export type SettingsField = keyof Settings['fields'];

export const DEFAULT_FIELD_NAMES: Readonly<Record<CrmApp, Readonly<Record<SettingsField, string>>>> = {
  dynamics: { dealValue: 'estimatedvalue', country: 'address1_country', currency: 'transactioncurrencyid' },
  salesforce: { dealValue: 'Amount', country: 'BillingCountry', currency: 'CurrencyIsoCode' },
};

/** The field the settings name, or the app's own; an empty setting means the app's own. */
export const fieldName = (settings: Settings, app: CrmApp, key: SettingsField): string =>
  settings.fields[key] || DEFAULT_FIELD_NAMES[app][key];
