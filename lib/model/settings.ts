/**
 * User settings that change what the rules check. Stored versioned in `storage.local`; an
 * administrator can set the same keys through managed storage (those win and are locked).
 */
import { z } from './zod';

import { CUSTOM_FIELD_KEYS, DEFAULT_SETTINGS, SETTINGS_VERSION, type CustomFieldKey } from './defaults';

export { CUSTOM_FIELD_KEYS, DEFAULT_SETTINGS, SETTINGS_KEY, SETTINGS_VERSION, type CustomFieldKey } from './defaults';

export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** Rule IDs switched off. */
  disabledRules: z.array(z.string()),
  /** The solutions' environment variables (domain §3.3): field names that hold these values. */
  fields: z.object({
    dealValue: z.optional(z.string()),
    country: z.optional(z.string()),
    currency: z.optional(z.string()),
  }),
  /** Salesforce "On-hold stage name" and "Active stage name" environment variables. */
  salesforceStages: z.object({ onHold: z.optional(z.string()), active: z.optional(z.string()) }),
  /** Extra labels for the connector's custom fields (they have no published logical names). */
  labelOverrides: z.partialRecord(z.enum(CUSTOM_FIELD_KEYS), z.array(z.string())),
});
export type Settings = z.infer<typeof Settings>;

/**
 * Validates stored settings. Anything that is not valid becomes the defaults, and `reset` says
 * so, so the UI can tell the user instead of crashing or silently keeping garbage.
 */
export function parseSettings(raw: unknown): { settings: Settings; reset: boolean } {
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS, reset: false };
  const parsed = Settings.safeParse(raw);
  return parsed.success ? { settings: parsed.data, reset: false } : { settings: DEFAULT_SETTINGS, reset: true };
}

/**
 * What an administrator can set through managed storage (Chrome/Edge policy for this extension).
 * Flat keys, so they read naturally in the registry, in Intune and in JSON policy files.
 */
export const ManagedPolicy = z.object({
  disabledRules: z.optional(z.array(z.string())),
  dealValueField: z.optional(z.string()),
  countryField: z.optional(z.string()),
  currencyField: z.optional(z.string()),
  salesforceOnHoldStage: z.optional(z.string()),
  salesforceActiveStage: z.optional(z.string()),
  labelOverrides: z.optional(z.partialRecord(z.enum(CUSTOM_FIELD_KEYS), z.array(z.string()))),
});
export type ManagedPolicy = z.infer<typeof ManagedPolicy>;

/** Setting paths an administrator's policy fixes (the UI shows them locked). */
export type LockedPath =
  | 'fields.dealValue'
  | 'fields.country'
  | 'fields.currency'
  | 'salesforceStages.onHold'
  | 'salesforceStages.active'
  | `labelOverrides.${CustomFieldKey}`
  | `rule:${string}`;

/**
 * A Dynamics 365 logical name (`new_dealvalue`) or a Salesforce API name (`Deal_Value__c`): a
 * letter, then letters, digits and underscores. A label typed instead (`Est. Revenue`) would never
 * be found on the page, and the checks on that field would stay silent without saying why.
 */
export const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

export interface EffectiveSettings {
  settings: Settings;
  /** Field names the policy sets that are not field names: locked, not applied (the defaults are read). */
  refused?: ReadonlyMap<LockedPath, string>;
  /** The user's stored settings could not be read and were reset. */
  reset: boolean;
  locked: Set<LockedPath>;
}

/** Policy over the user's choices: a managed value wins and is locked; rules switched off by either stay off. */
export function effectiveSettings(localRaw: unknown, managedRaw: unknown): EffectiveSettings {
  const { settings: local, reset } = parseSettings(localRaw);
  const parsed = ManagedPolicy.safeParse(managedRaw ?? {});
  const m: ManagedPolicy = parsed.success ? parsed.data : {};
  const locked = new Set<LockedPath>();
  const refused = new Map<LockedPath, string>();
  const pick = (value: string | undefined, path: LockedPath, own: string | undefined) => {
    if (value === undefined || value.trim() === '') return own;
    locked.add(path);
    return value.trim();
  };
  // A field name is checked before it is applied: one with a line break made the page's selector throw.
  const pickName = (value: string | undefined, path: LockedPath, own: string | undefined) => {
    const picked = pick(value, path, own);
    if (picked === undefined || !locked.has(path) || FIELD_NAME.test(picked)) return picked;
    refused.set(path, picked);
    return undefined;
  };
  const settings: Settings = {
    ...local,
    disabledRules: [...new Set([...(m.disabledRules ?? []), ...local.disabledRules])],
    fields: {
      ...strip({
        dealValue: pickName(m.dealValueField, 'fields.dealValue', local.fields.dealValue),
        country: pickName(m.countryField, 'fields.country', local.fields.country),
        currency: pickName(m.currencyField, 'fields.currency', local.fields.currency),
      }),
    },
    salesforceStages: strip({
      onHold: pick(m.salesforceOnHoldStage, 'salesforceStages.onHold', local.salesforceStages.onHold),
      active: pick(m.salesforceActiveStage, 'salesforceStages.active', local.salesforceStages.active),
    }),
    labelOverrides: { ...local.labelOverrides },
  };
  for (const id of m.disabledRules ?? []) locked.add(`rule:${id}`);
  for (const [key, labels] of Object.entries(m.labelOverrides ?? {}) as [CustomFieldKey, string[]][]) {
    settings.labelOverrides[key] = labels;
    locked.add(`labelOverrides.${key}`);
  }
  return refused.size ? { settings, reset, locked, refused } : { settings, reset, locked };
}

function strip<T extends Record<string, string | undefined>>(o: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: string };
}
