/**
 * Background writes that may fail (the badge of a closed tab, storage full): they fail open, so the
 * extension never surfaces an error of its own, but each is counted by where it happened and logged
 * in development builds.
 */
export interface FailureLog {
  /** A rejection handler for a write at `where`: counts it, logs it in development builds. */
  at(where: string): (error: unknown) => void;
  /** How many writes failed, by where (since the worker started). */
  counts(): Readonly<Record<string, number>>;
}

export function createFailureLog(log: (where: string, error: unknown) => void = devWarn): FailureLog {
  const counts: Record<string, number> = {};
  return {
    at: (where) => (error) => {
      counts[where] = (counts[where] ?? 0) + 1;
      log(where, error);
    },
    counts: () => ({ ...counts }),
  };
}

function devWarn(where: string, error: unknown): void {
  if (import.meta.env?.DEV) console.warn(`[cosell] background ${where} failed`, error);
}
