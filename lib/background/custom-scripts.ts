/**
 * Content scripts for custom domains. The manifest registers the four apps' scripts on their own
 * hosts; for a domain the user granted at run time (a proxy, a vanity host) the background
 * registers the same script file there with `scripting.registerContentScripts`. This module keeps
 * what is registered equal to what is stored and granted, whatever happened in between (a grant
 * from the popup, a revoke in the browser's settings, a restart).
 */
import { customPattern, type AppId, type CustomHost } from '../knowledge/hosts';

export const SCRIPT_PREFIX = 'custom-';

/** The built file of each app's content script, and whether it runs in frames too (as in the manifest). */
export const CONTENT_SCRIPTS: Record<AppId, { js: string; allFrames: boolean }> = {
  dynamics: { js: 'content-scripts/dynamics.js', allFrames: false },
  salesforce: { js: 'content-scripts/salesforce.js', allFrames: false },
  'power-automate': { js: 'content-scripts/power-automate.js', allFrames: true },
  'partner-center': { js: 'content-scripts/partner-center.js', allFrames: false },
};

export interface ScriptSpec {
  id: string;
  matches: string[];
  js: string[];
  allFrames: boolean;
  runAt: 'document_idle';
}

export interface ScriptingApi {
  hosts(): Promise<readonly CustomHost[]>;
  /** Whether the browser has granted this origin pattern. */
  granted(pattern: string): Promise<boolean>;
  registered(): Promise<{ id: string; matches?: string[] }[]>;
  register(scripts: ScriptSpec[]): Promise<void>;
  unregister(ids: string[]): Promise<void>;
}

/** One script per app, on that app's granted custom domains. */
export function wantedScripts(hosts: readonly CustomHost[], isGranted: (host: string) => boolean): ScriptSpec[] {
  const byApp = new Map<AppId, string[]>();
  for (const h of hosts) if (isGranted(h.host)) byApp.set(h.app, [...(byApp.get(h.app) ?? []), customPattern(h.host)]);
  return [...byApp].map(([app, matches]) => ({
    id: `${SCRIPT_PREFIX}${app}`,
    matches: [...new Set(matches)].sort(),
    js: [CONTENT_SCRIPTS[app].js],
    allFrames: CONTENT_SCRIPTS[app].allFrames,
    runAt: 'document_idle',
  }));
}

/** Brings the registered custom scripts in line with what is stored and granted; returns what is now wanted. */
export async function syncCustomScripts(api: ScriptingApi): Promise<ScriptSpec[]> {
  const hosts = await api.hosts();
  const granted = new Set<string>();
  for (const h of hosts) if (await api.granted(customPattern(h.host)).catch(() => false)) granted.add(h.host);
  const wanted = wantedScripts(hosts, (h) => granted.has(h));
  const current = (await api.registered()).filter((s) => s.id.startsWith(SCRIPT_PREFIX));
  const same = (a: ScriptSpec, b: { matches?: string[] }) => JSON.stringify(a.matches) === JSON.stringify([...(b.matches ?? [])].sort());
  const stale = current.filter((c) => !wanted.some((w) => w.id === c.id && same(w, c))).map((c) => c.id);
  const fresh = wanted.filter((w) => !current.some((c) => c.id === w.id && same(w, c)));
  if (stale.length) await api.unregister(stale);
  if (fresh.length) await api.register(fresh);
  return wanted;
}

/** Runs syncs one after another (a grant and a storage change can arrive together). */
export function serialized(run: () => Promise<unknown>): () => Promise<void> {
  let chain: Promise<unknown> = Promise.resolve();
  return () => {
    chain = chain.then(run).catch(() => undefined);
    return chain.then(() => undefined);
  };
}
