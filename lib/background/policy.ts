/**
 * The administrator's policy (`storage.managed`) without waiting on the browser's policy loading.
 *
 * Right after the browser starts, Chromium answers `storage.managed.get()` only once its policy
 * service has loaded, which took 4.8 s on our CI machine, against about 1 ms afterwards. Everything that
 * needs settings (a content script's first read, the popup's set-up and settings tabs) would wait
 * that long. So the last policy seen is kept in `storage.local` (POLICY_SEEN_KEY), and a read that
 * takes longer than `patienceMs` answers with it, and so does every read after it until the browser
 * answers. When the browser's answer comes, it is stored if it
 * differs, and that change tells content scripts and the popup to read their settings again
 * (they listen for it as for a policy change).
 *
 * On the very first start there is nothing seen yet, and a slow read answers "no policy" until the
 * real one arrives a few seconds later.
 */
import { POLICY_SEEN_KEY } from '../model/keys';

export { POLICY_SEEN_KEY };

export interface PolicyIo {
  /** The browser's managed storage; rejects where the browser has none. */
  managed(): Promise<unknown>;
  /** The last policy seen, undefined when none was. */
  seen(): Promise<unknown>;
  remember(policy: unknown): Promise<void>;
  wait(ms: number): Promise<void>;
}

/** No policy and an empty one are the same. */
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/**
 * Returns the reader: one per worker or page, so that reads while the browser is still loading
 * share its one pending answer, and only the first of them waits `patienceMs` for it.
 */
export function policyReader(io: PolicyIo, patienceMs = 100): () => Promise<unknown> {
  let pending: Promise<unknown> | null = null;
  let slow = false;
  return async () => {
    const seen = io.seen().catch(() => undefined);
    if (!pending) {
      slow = false;
      const fresh = io.managed().then(
        (policy) => policy ?? {},
        () => ({}),
      );
      pending = fresh;
      // Kept up to date however the race below ends, so the next slow start answers with this one.
      void Promise.all([fresh, seen]).then(([policy, before]) => {
        pending = null;
        if (!same(policy, before)) return io.remember(policy).catch(() => undefined);
      });
    }
    if (!slow) {
      const late = Symbol('late');
      const first = await Promise.race([pending, io.wait(patienceMs).then(() => late)]);
      if (first !== late) return first;
      slow = true;
    }
    return (await seen) ?? {};
  };
}
