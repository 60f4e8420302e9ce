/**
 * The content-script pipeline, shared by the four apps:
 *   page DOM → reader → observations → rules → findings → hints + report (the background validates it).
 *
 * It wakes only when the page changes (./changes.ts), does at most one pass per animation frame and
 * paces itself while the page keeps changing (./pacing.ts); while the page is idle it does nothing:
 * no timers, no polling. The pass itself is ./pass.ts.
 */
import type { Settings } from '../model/settings';
import type { Translator } from '../i18n';
import type { Reader } from '../readers/types';
import type { Rule } from '../rules/types';
import type { Beside } from '../ui/beside';
import { HintLayer, isOurs, type DismissStore } from '../ui/layer';
import { labelsOf } from '../readers/dom';
import { trackChanges } from './changes';
import { createPacer, windowClock, type Clock } from './pacing';
import { createPass, type Report } from './pass';

export { PACING, type Clock } from './pacing';
export type { Report } from './pass';

export interface RunnerOptions {
  doc: Document;
  read: Reader;
  /** The rules this app can use (its family plus the error catalogue). */
  rules: readonly Rule[];
  settings: () => Settings;
  t: Translator;
  report: (r: Report) => void;
  signal: AbortSignal;
  /** False once this script is orphaned (extension reloaded); checking it may abort `signal`. */
  alive?: () => boolean;
  /** Current URL (defaults to the document's). */
  url?: () => string;
  /** Time and timers (defaults to the document's window); tests pass a controllable one. */
  clock?: Clock;
  /** Places hints beside canvas cards (only the Power Automate script brings it: ../ui/beside.ts). */
  beside?: Beside;
  /** Where dismissed hints are kept (default: for as long as the page). */
  dismissals?: DismissStore;
}

export interface Runner {
  /** Schedule a pass (after settings change or navigation). */
  schedule(): void;
  /** Run a pass now (tests); `force` reads even right after a URL change. */
  pass(force?: boolean): void;
}

/** How long a URL change waits for the page to change before it is read anyway. */
const SETTLE_MS = 300;

export function startRunner(opts: RunnerOptions): Runner {
  const { doc, signal } = opts;
  const clock = opts.clock ?? windowClock(doc.defaultView!);
  const layer = new HintLayer(doc, opts.t, opts.beside, opts.dismissals);
  const currentUrl = opts.url ?? (() => doc.location.href);
  const runPass = createPass({ doc, read: opts.read, rules: opts.rules, layer, labelsOf, report: opts.report });
  let lastHref = currentUrl();
  let lastSettings: Settings | null = null;
  let settleTimer = 0;
  /** A finding shows only while its field is edited: focus moving is a change then. */
  let editing = false;

  const pass = (force = false) => {
    pacer.frameCame();
    if (signal.aborted || (opts.alive && !opts.alive())) return;
    const href = currentUrl();
    // SPA navigation: the URL changes before the app swaps the record's DOM. Reading now would pin
    // the previous record's fields on the new one, so wait for the page to change (or SETTLE_MS).
    if (href !== lastHref && !changes.changedSinceTake() && !force) {
      layer.clear();
      if (!settleTimer) settleTimer = clock.setTimeout(() => ((settleTimer = 0), pass(true)), SETTLE_MS);
      return;
    }
    if (settleTimer) clock.clearTimeout(settleTimer);
    settleTimer = 0;
    pacer.started();
    const settings = opts.settings();
    const hints = changes.take(href !== lastHref || settings !== lastSettings);
    lastSettings = settings;
    lastHref = href;
    editing = runPass(href, settings, hints).editing;
    pacer.finished();
  };
  const pacer = createPacer(
    clock,
    () => pass(),
    () => signal.aborted,
  );
  const changes = trackChanges(doc, () => pacer.schedule());

  // Some hints show only while their field is being edited (Referral Visibility): entering or
  // leaving a field is a change for them.
  const onFocus = (e: Event) => {
    if (editing && !isOurs(e.target as Node | null)) pacer.schedule();
  };
  doc.addEventListener('focusin', onFocus, true);
  doc.addEventListener('focusout', onFocus, true);

  signal.addEventListener('abort', () => {
    changes.stop();
    doc.removeEventListener('focusin', onFocus, true);
    doc.removeEventListener('focusout', onFocus, true);
    pacer.cancel();
    if (settleTimer) clock.clearTimeout(settleTimer);
    layer.clear();
  });

  pacer.schedule();
  return { schedule: () => pacer.schedule(), pass };
}
