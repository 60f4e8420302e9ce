/**
 * The other tabs' code (views.ts), fetched once after the first render or when one of them is
 * opened. Module state: one fetch per popup, whichever component asks first.
 */
type Views = typeof import('./views');
let views: Views | null = null;
let viewsLoading: Promise<Views> | null = null;

export const loadViews = (): Promise<Views> =>
  (viewsLoading ??= import('./views').then(
    (m) => (views = m),
    (e: unknown) => {
      viewsLoading = null;
      throw e;
    },
  ));

/** The views when their code is in, else null. */
export const loadedViews = (): Views | null => views;

/** Whether the other tabs' code is in (tests). */
export const viewsLoaded = (): boolean => views !== null;

/** Calls back when the browser is next idle (at most `ms` later); returns a cancel function. */
export function whenIdle(cb: () => void, ms: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(cb, { timeout: ms });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(cb, 0);
  return () => clearTimeout(id);
}
