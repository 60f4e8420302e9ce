/**
 * The administrator's policy as the background and the popup read it: from managed storage, or the
 * last one seen while the browser is still loading its policies (lib/background/policy.ts).
 */
import { POLICY_SEEN_KEY, policyReader } from '@/lib/background/policy';

interface Area {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** One reader per worker or page (see policyReader); `patienceMs`: how long the first read waits. */
export const policyFrom = (storage: { local: Area; managed: Pick<Area, 'get'> }, patienceMs?: number): (() => Promise<unknown>) =>
  policyReader(
    {
      managed: () => storage.managed.get(),
      seen: async () => (await storage.local.get(POLICY_SEEN_KEY))[POLICY_SEEN_KEY],
      remember: (value) => storage.local.set({ [POLICY_SEEN_KEY]: value }),
      wait: (ms) => new Promise((ok) => setTimeout(ok, ms)),
    },
    patienceMs,
  );
