/**
 * The custom domains the user added in the popup (key `customHosts`). Whether each is granted is
 * the browser's to say (`permissions.contains`); this list says which app each one serves.
 */
import { z } from './zod';

export { CUSTOM_HOSTS_KEY } from './keys';

export const AppIdSchema = z.enum(['power-automate', 'partner-center', 'dynamics', 'salesforce']);

export const CustomHosts = z.object({
  version: z.literal(1),
  hosts: z.array(z.object({ host: z.string().check(z.minLength(1), z.maxLength(255)), app: AppIdSchema, addedAt: z.number() })),
});
export type CustomHosts = z.infer<typeof CustomHosts>;
export const DEFAULT_CUSTOM_HOSTS: CustomHosts = { version: 1, hosts: [] };

/** The policy's key for custom domains: `[{ "host": "*.mcas.ms", "app": "dynamics" }]`. */
export const MANAGED_CUSTOM_DOMAINS = 'customDomains';
