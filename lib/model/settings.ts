/**
 * User settings that change what the rules check. Stored versioned in `storage.local`; an
 * administrator can set the same keys through managed storage (those win and are locked).
 */
import { z } from './zod';

import { CUSTOM_FIELD_KEYS, DEFAULT_SETTINGS, SETTINGS_VERSION } from './defaults';

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
