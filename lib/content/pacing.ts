/**
 * Pacing. A change after a quiet spell is read at the next frame (a field rendered, a toggle, a
 * keystroke). While the page keeps changing (loading, a designer being panned, fast typing), passes
 * wait until it has been quiet for QUIET ms, but no longer than MAX_WAIT after the previous one, or
 * longer when passes are costly: during such activity passes take at most DUTY of the main thread.
 */
export const PACING = { GAP: 150, QUIET: 200, MAX_WAIT: 3000, DUTY: 0.005 } as const;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  requestAnimationFrame(fn: () => void): number;
  cancelAnimationFrame(id: number): void;
}

export const windowClock = (win: Window): Clock => ({
  now: () => win.performance.now(),
  setTimeout: (fn, ms) => win.setTimeout(fn, ms),
  clearTimeout: (id) => win.clearTimeout(id),
  requestAnimationFrame: (fn) => win.requestAnimationFrame(fn),
  cancelAnimationFrame: (id) => win.cancelAnimationFrame(id),
});

export interface Pacer {
  /** A change happened: run a pass at the next frame, or once the page is quiet (PACING). */
  schedule(): void;
  /** The pass's frame came (a pass that then waits for navigation to settle is not started). */
  frameCame(): void;
  /** A pass starts: pending waits are moot. */
  started(): void;
  /** A pass ended: its cost stretches the wait while the page keeps changing. */
  finished(): void;
  cancel(): void;
}

export function createPacer(clock: Clock, pass: () => void, stopped: () => boolean): Pacer {
  let frame = 0;
  let waitTimer = 0;
  let lastPassAt = -Infinity;
  let lastPassCost = 0;
  let lastChangeAt = -Infinity;

  const wait = (ms: number) => {
    waitTimer = clock.setTimeout(() => {
      waitTimer = 0;
      const now = clock.now();
      const quietFor = now - lastChangeAt;
      const sincePass = now - lastPassAt;
      const maxWait = Math.max(PACING.MAX_WAIT, lastPassCost / PACING.DUTY);
      if (quietFor >= PACING.QUIET || sincePass >= maxWait) frame = clock.requestAnimationFrame(pass);
      else wait(Math.min(PACING.QUIET - quietFor, maxWait - sincePass));
    }, ms);
  };

  return {
    schedule() {
      if (stopped()) return;
      const now = clock.now();
      lastChangeAt = now;
      if (frame || waitTimer) return; // a pass is coming; the wait timer looks at lastChangeAt
      if (now - lastPassAt >= PACING.GAP) frame = clock.requestAnimationFrame(pass);
      else wait(PACING.QUIET);
    },
    frameCame() {
      frame = 0;
    },
    started() {
      if (waitTimer) clock.clearTimeout(waitTimer);
      waitTimer = 0;
      lastPassAt = clock.now();
    },
    finished() {
      lastPassCost = clock.now() - lastPassAt;
    },
    cancel() {
      if (frame) clock.cancelAnimationFrame(frame);
      if (waitTimer) clock.clearTimeout(waitTimer);
      frame = waitTimer = 0;
    },
  };
}
