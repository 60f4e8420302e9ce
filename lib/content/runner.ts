/**
 * The content-script pipeline, shared by the four apps:
 *   page DOM → reader → observations → rules → findings → hints + report (the background validates it).
 *
 * It wakes only when the page changes (DOM mutations outside our hosts, input events, SPA
 * navigation), does at most one pass per animation frame, paces itself while the page keeps
 * changing (PACING), and does nothing while the page is idle: no timers, no polling. Between
 * passes it notes where the page changed, so a reader can keep what it read elsewhere (ReadHints).
 */
import type { Failures, Finding } from '../model/finding';
import type { SolutionFlows } from '../model/observation';
import type { Settings } from '../model/settings';
import type { Translator } from '../i18n';
import type { ReadHints, Reader } from '../readers/types';
import { evaluate, localToday } from '../rules/engine';
import type { Rule } from '../rules/types';
import type { Beside } from '../ui/beside';
import { HintLayer, isHost, isOurs, type DismissStore } from '../ui/layer';
import { labelsOf } from '../readers/dom';
import { readerPage } from '../readers/recognise';

/** Logged in development builds only: failures stay silent for the user, not for us. */
const devLog = (where: string, e: unknown) => {
  if (import.meta.env?.DEV) console.warn(`[cosell] ${where} failed`, e);
};

export interface Report {
  url: string;
  findings: Finding[];
  /** The flow list of a connector solution page, when one is on screen. */
  solutionFlows?: SolutionFlows;
  /** What failed on this record (still failing open): said in the popup and the report. */
  failures?: Failures;
  /** Which fields were read from the app's own data and which from the page (diagnostic report). */
  sources?: { xrm: string[]; dom: string[] };
  /** A page a reader is made for gave no reading: the popup says so and offers its structure. */
  unrecognised?: boolean;
}

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

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  requestAnimationFrame(fn: () => void): number;
  cancelAnimationFrame(id: number): void;
}

/**
 * Pacing. A change after a quiet spell is read at the next frame (a field rendered, a toggle, a
 * keystroke). While the page keeps changing (loading, a designer being panned, fast typing), passes
 * wait until it has been quiet for QUIET ms, but no longer than MAX_WAIT after the previous one, or
 * longer when passes are costly: during such activity passes take at most DUTY of the main thread.
 */
export const PACING = { GAP: 150, QUIET: 200, MAX_WAIT: 3000, DUTY: 0.005 } as const;

export interface Runner {
  /** Schedule a pass (after settings change or navigation). */
  schedule(): void;
  /** Run a pass now (tests); `force` reads even right after a URL change. */
  pass(force?: boolean): void;
}

export function startRunner(opts: RunnerOptions): Runner {
  const { doc, signal } = opts;
  const win = doc.defaultView!;
  const clock: Clock = opts.clock ?? {
    now: () => win.performance.now(),
    setTimeout: (fn, ms) => win.setTimeout(fn, ms),
    clearTimeout: (id) => win.clearTimeout(id),
    requestAnimationFrame: (fn) => win.requestAnimationFrame(fn),
    cancelAnimationFrame: (id) => win.cancelAnimationFrame(id),
  };
  const layer = new HintLayer(doc, opts.t, opts.beside, opts.dismissals);
  const currentUrl = opts.url ?? (() => doc.location.href);
  let frame = 0;
  let lastReport = '';
  let lastRecord = '';
  let lastHref = currentUrl();
  /** Page mutations seen (outside our hosts), and how many the last pass had seen. */
  let mutations = 0;
  let mutationsAtLastPass = 0;
  let settleTimer = 0;
  let lastPassAt = -Infinity;
  let lastPassCost = 0;
  let lastChangeAt = -Infinity;
  let waitTimer = 0;
  // Where the page changed since the last pass (each record's target), while in few places: a
  // designer pan changes one container's children thousands of times, so a reader can tell nothing
  // else changed. A full read follows a URL or settings change.
  let targets = new Set<Node>();
  // Record targets known to be the page's (not inside our hosts) since the last pass.
  let known = new WeakSet<Node>();
  let fullRead = true;
  let lastSettings: Settings | null = null;
  /** A finding shows only while its field is edited: focus moving is a change then. */
  let editing = false;

  const pass = (force = false) => {
    frame = 0;
    if (signal.aborted || (opts.alive && !opts.alive())) return;
    const href = currentUrl();
    // SPA navigation: the URL changes before the app swaps the record's DOM. Reading now would pin
    // the previous record's fields on the new one, so wait for the page to change (or 300 ms).
    if (href !== lastHref && mutations === mutationsAtLastPass && !force) {
      layer.clear();
      if (!settleTimer) settleTimer = clock.setTimeout(() => ((settleTimer = 0), pass(true)), 300);
      return;
    }
    if (settleTimer) clock.clearTimeout(settleTimer);
    settleTimer = 0;
    if (waitTimer) clock.clearTimeout(waitTimer);
    waitTimer = 0;
    lastPassAt = clock.now();
    if (track(observer.takeRecords())) mutations++;
    const settings = opts.settings();
    const where = targets.size <= MAX_TARGETS ? [...targets] : null;
    const hints: ReadHints | undefined =
      fullRead || href !== lastHref || settings !== lastSettings
        ? undefined
        : { changedOnlyWithin: (el) => !!where && where.every((t) => el === t || el.contains(t)) };
    known = new WeakSet();
    targets = new Set();
    fullRead = false;
    lastSettings = settings;
    lastHref = href;
    mutationsAtLastPass = mutations;
    let reading = null;
    // Fail open for the user (nothing wrong is said), but count it: the popup says the page could
    // not be read, and the diagnostic report carries the counts.
    const failed: Failures = { read: 0, rules: 0, render: 0 };
    try {
      reading = opts.read(doc, new URL(href), settings, hints);
    } catch (e) {
      failed.read++;
      devLog('reader', e);
    }
    const observations = reading?.observations ?? [];
    const findings = reading
      ? evaluate(observations, { settings, today: localToday() }, opts.rules, (rule, e) => {
          failed.rules++;
          devLog(rule, e);
        })
      : [];
    const recordKey = reading?.recordKey ?? href;
    try {
      if (recordKey !== lastRecord) {
        layer.clear();
        lastRecord = recordKey;
      }
      editing = findings.some((f) => f.display === 'editing');
      const anchors = reading?.anchors ?? {};
      // Only the fields a hint shows at need their label read.
      const named: Record<string, Element> = {};
      for (const f of findings) if (f.field && anchors[f.field] && f.display !== 'popup') named[f.field] = anchors[f.field]!;
      layer.update(findings, anchors, recordKey, reading?.beside, { ...labelsOf(named), ...reading?.labels });
    } catch (e) {
      failed.render++; // a page that breaks our hints must not also lose the report
      devLog('render', e);
    }
    const solutionFlows = observations.find((o): o is SolutionFlows => o.kind === 'solutionFlows' && !!o.solution);
    const failures = failed.read + failed.rules + failed.render > 0 ? failed : undefined;
    // Said only when some field came from the app's own data: a page read from its DOM alone needs no note.
    const sources = reading?.sources && Object.values(reading.sources).includes('xrm') ? splitSources(reading.sources) : undefined;
    const unrecognised = !reading && failed.read === 0 && readerPage(new URL(href));
    const report = JSON.stringify([href, findings, solutionFlows, failures, sources, unrecognised]);
    if (report !== lastReport) {
      lastReport = report;
      opts.report({
        url: href,
        findings,
        ...(solutionFlows && { solutionFlows }),
        ...(failures && { failures }),
        ...(sources && { sources }),
        ...(unrecognised && { unrecognised }),
      });
    }
    lastPassCost = clock.now() - lastPassAt;
  };

  const schedule = () => {
    if (signal.aborted) return;
    const now = clock.now();
    lastChangeAt = now;
    if (frame || waitTimer) return; // a pass is coming; the wait timer looks at lastChangeAt
    if (now - lastPassAt >= PACING.GAP) frame = clock.requestAnimationFrame(() => pass());
    else wait(PACING.QUIET);
  };
  const wait = (ms: number) => {
    waitTimer = clock.setTimeout(() => {
      waitTimer = 0;
      const now = clock.now();
      const quietFor = now - lastChangeAt;
      const sincePass = now - lastPassAt;
      const maxWait = Math.max(PACING.MAX_WAIT, lastPassCost / PACING.DUTY);
      if (quietFor >= PACING.QUIET || sincePass >= maxWait) frame = clock.requestAnimationFrame(() => pass());
      else wait(Math.min(PACING.QUIET - quietFor, maxWait - sincePass));
    }, ms);
  };

  /**
   * Notes where the records changed the page; whether any is about the page (not only our own
   * hosts). Called for every batch of a page that may change thousands of nodes a frame: a target
   * known to be the page's spares the walk up the tree for the rest of a batch, and once the batch
   * is known to be about the page, such a record is skipped outright.
   */
  const track = (records: MutationRecord[]): boolean => {
    let relevant = false;
    for (const r of records) {
      const page = known.has(r.target);
      // Known, and the batch already known to be about the page: nothing left to learn but where (a
      // pan's 20 replaced cards a frame are 20 records on one parent).
      if (page && relevant) {
        if (targets.size <= MAX_TARGETS) targets.add(r.target);
        continue;
      }
      if (!page && isOurs(r.target)) continue;
      // Outside our hosts, an added or removed node is ours only if it is one of our hosts itself.
      if (r.type === 'childList' && onlyHosts(r.addedNodes) && onlyHosts(r.removedNodes)) continue;
      relevant = true;
      if (targets.size <= MAX_TARGETS) targets.add(r.target);
      known.add(r.target);
    }
    return relevant;
  };
  const observer = new win.MutationObserver((records) => {
    if (!track(records)) return;
    mutations++;
    schedule();
  });
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    // Not `style` or `class`: a designer pan rewrites thousands of inline styles a frame. The changes
    // we read (values, toggles, tabs, hidden panels) come with these attributes or with child changes;
    // `open` and `aria-modal` are dialogs opening and closing (hints beside cards step aside).
    attributeFilter: [
      'aria-checked',
      'aria-selected',
      'aria-expanded',
      'aria-hidden',
      'aria-label',
      'alt',
      'value',
      'title',
      'hidden',
      'data-selected',
      'checked',
      'data-id',
      'data-automation-id',
      'open',
      'aria-modal',
    ],
  });
  // A form value changes without a mutation: it is a change there all the same.
  const onInput = (e: Event) => {
    const target = e.target as Node | null;
    if (!target || isOurs(target)) return;
    if (targets.size <= MAX_TARGETS) targets.add(target);
    schedule();
  };
  doc.addEventListener('input', onInput, true);
  doc.addEventListener('change', onInput, true);
  // Some hints show only while their field is being edited (Referral Visibility): entering or
  // leaving a field is a change for them.
  const onFocus = (e: Event) => {
    if (editing && !isOurs(e.target as Node | null)) schedule();
  };
  doc.addEventListener('focusin', onFocus, true);
  doc.addEventListener('focusout', onFocus, true);

  signal.addEventListener('abort', () => {
    observer.disconnect();
    doc.removeEventListener('input', onInput, true);
    doc.removeEventListener('change', onInput, true);
    doc.removeEventListener('focusin', onFocus, true);
    doc.removeEventListener('focusout', onFocus, true);
    if (frame) clock.cancelAnimationFrame(frame);
    if (settleTimer) clock.clearTimeout(settleTimer);
    if (waitTimer) clock.clearTimeout(waitTimer);
    layer.clear();
  });

  schedule();
  return { schedule, pass };
}

/** Beyond this many places changed since a pass, `changedOnlyWithin` answers false. */
const MAX_TARGETS = 32;

function onlyHosts(nodes: NodeList): boolean {
  for (const n of nodes) if (!(n.nodeType === 1 && isHost(n as Element))) return false;
  return true;
}

function splitSources(sources: Record<string, 'xrm' | 'dom'>): { xrm: string[]; dom: string[] } {
  const keys = Object.keys(sources).sort();
  return { xrm: keys.filter((k) => sources[k] === 'xrm'), dom: keys.filter((k) => sources[k] === 'dom') };
}
