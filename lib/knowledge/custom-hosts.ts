/**
 * Which custom domains the extension reads: the user's own (stored, ../model/custom-hosts.ts) and an
 * administrator's (policy), each checked as a domain the user types is (`parseCustomHost`).
 */
import { CustomHosts, MANAGED_CUSTOM_DOMAINS, AppIdSchema } from '../model/custom-hosts';
import { parseCustomHost, type CustomHost, type PublicSuffixCheck } from './hosts';

/** A policy entry the extension cannot use, as the administrator wrote it. */
export interface RefusedManagedHost {
  host: string;
  reason: 'invalid' | 'too-broad' | 'app';
}

/**
 * The custom domains an administrator's policy lists. Each entry is checked as a domain the user
 * types is (`parseCustomHost`: no wildcard over a public suffix, none of the apps' own hosts); what
 * cannot be used is left out and named, and the rest of the policy still applies. The browser still
 * asks the user to allow each domain: a policy cannot grant a host permission.
 */
export function managedCustomHosts(
  managed: unknown,
  isPublicSuffix?: PublicSuffixCheck,
): { hosts: CustomHost[]; refused: RefusedManagedHost[] } {
  const list = typeof managed === 'object' && managed !== null ? (managed as Record<string, unknown>)[MANAGED_CUSTOM_DOMAINS] : undefined;
  const hosts: CustomHost[] = [];
  const refused: RefusedManagedHost[] = [];
  if (!Array.isArray(list)) return { hosts, refused };
  for (const entry of list.slice(0, 100)) {
    const raw = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const typed = typeof raw.host === 'string' ? raw.host.slice(0, 300) : '';
    const check = parseCustomHost(typed, isPublicSuffix);
    const app = AppIdSchema.safeParse(raw.app);
    // One of the apps' own hosts is read anyway: nothing to say.
    if (!check.ok && check.reason === 'built-in') continue;
    if (!check.ok) refused.push({ host: typed, reason: check.reason === 'too-broad' ? 'too-broad' : 'invalid' });
    else if (!app.success) refused.push({ host: check.host, reason: 'app' });
    else if (!hosts.some((h) => h.host === check.host)) hosts.push({ host: check.host, app: app.data });
  }
  return { hosts, refused };
}

/**
 * A policy is set but lists no custom domains. Chromium drops a policy value that does not match
 * the schema whole: one entry of the wrong type, and the extension sees no list at all. Settings
 * says so, since nothing else can (the schema's `app` has no enum, so a misspelled app is ours to name).
 */
export function managedListMissing(managed: unknown): boolean {
  if (typeof managed !== 'object' || managed === null || Object.keys(managed).length === 0) return false;
  return !Array.isArray((managed as Record<string, unknown>)[MANAGED_CUSTOM_DOMAINS]);
}

/** A custom domain as the popup lists it: the administrator's are locked. */
export interface ListedHost extends CustomHost {
  managed: boolean;
}

/** Every custom domain, each once: the administrator's first (their app wins), then the user's own. */
export function listedCustomHosts(own: readonly CustomHost[], managed: unknown, isPublicSuffix?: PublicSuffixCheck): ListedHost[] {
  const listed = managedCustomHosts(managed, isPublicSuffix).hosts;
  const taken = new Set(listed.map((h) => h.host));
  return [
    ...listed.map((h) => ({ ...h, managed: true })),
    ...own.filter((h) => !taken.has(h.host)).map(({ host, app }) => ({ host, app, managed: false })),
  ];
}

/**
 * Every custom domain the extension reads: the administrator's and the user's own as stored
 * (unreadable: none). Stored domains are checked again as if typed: storage may hold what an older
 * version accepted, or what was written around the popup (a built-in host under another app).
 */
export function allCustomHosts(storedRaw: unknown, managed: unknown, isPublicSuffix?: PublicSuffixCheck): CustomHost[] {
  const own = CustomHosts.safeParse(storedRaw);
  const valid = (own.success ? own.data.hosts : []).filter((h) => {
    const check = parseCustomHost(h.host, isPublicSuffix);
    return check.ok && check.host === h.host;
  });
  return listedCustomHosts(valid, managed, isPublicSuffix).map(({ host, app }) => ({ host, app }));
}
