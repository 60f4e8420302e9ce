/**
 * Where stored items live (`storage.local`), without their schemas: the popup asks for them before
 * zod and the rest of its code have loaded.
 */
export const CHECKLIST_KEY = 'checklist';
export const FLOWS_KEY = 'flowSightings';
export const SETTINGS_KEY = 'settings';
export const CUSTOM_HOSTS_KEY = 'customHosts';

/** The last administrator policy seen (lib/background/policy.ts). */
export const POLICY_SEEN_KEY = 'policySeen';

/** What the popup reads as it opens. */
export const POPUP_KEYS = [CHECKLIST_KEY, FLOWS_KEY, SETTINGS_KEY, CUSTOM_HOSTS_KEY] as const;
