/**
 * The content-script pipeline, shared by the four apps:
 *   page DOM → reader → observations (validated) → rules → findings → hints + report.
 *
 * It wakes only when the page changes (DOM mutations outside our hosts, input events, SPA
 * navigation), does at most one pass per animation frame, and does nothing while the page is
 * idle: no timers, no polling.
 */
import type { Finding } from '../model/finding';
import type { SolutionFlows } from '../model/observation';
import type { Settings } from '../model/settings';
import type { Translator } from '../i18n';
import type { Reader } from '../readers/types';
import { evaluate, localToday } from '../rules/engine';
import type { Rule } from '../rules/types';
import { HintLayer, isOurs } from '../ui/layer';

export interface Report {
  url: string;
  findings: Finding[];
  /** The flow list of a connector solution page, when one is on screen. */
  solutionFlows?: SolutionFlows;
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
  /** Current URL (defaults to the document's). */
  url?: () => string;
}

export interface Runner {
  /** Schedule a pass (after settings change or navigation). */
  schedule(): void;
  /** Run a pass now (tests); `force` reads even right after a URL change. */
  pass(force?: boolean): void;
}

export function startRunner(opts: RunnerOptions): Runner {
  const { doc, signal } = opts;
  const win = doc.defaultView!;
  const layer = new HintLayer(doc, opts.t);
  const currentUrl = opts.url ?? (() => doc.location.href);
  let frame = 0;
  let lastReport = '';
  let lastRecord = '';
  let lastHref = currentUrl();
  /** Page mutations seen (outside our hosts), and how many the last pass had seen. */
  let mutations = 0;
  let mutationsAtLastPass = 0;
  let settleTimer = 0;
  // Passes are rate-limited by a token bucket: bursts (a page loading, a navigation) are read at
  // once; a mutation storm (a designer being panned) is read at most every REFILL ms.
  const BURST = 4;
  const REFILL = 400;
  let tokens = BURST;
  let refilledAt = win.performance.now();
  let waitTimer = 0;

  const pass = (force = false) => {
    frame = 0;
    if (signal.aborted) return;
    const href = currentUrl();
    // SPA navigation: the URL changes before the app swaps the record's DOM. Reading now would pin
    // the previous record's fields on the new one, so wait for the page to change (or 300 ms).
    if (href !== lastHref && mutations === mutationsAtLastPass && !force) {
      layer.clear();
      if (!settleTimer) settleTimer = win.setTimeout(() => ((settleTimer = 0), pass(true)), 300);
      return;
    }
    if (settleTimer) win.clearTimeout(settleTimer);
    settleTimer = 0;
    tokens = Math.max(0, tokens - 1);
    lastHref = href;
    mutationsAtLastPass = mutations;
    let reading = null;
    try {
      reading = opts.read(doc, new URL(href), opts.settings());
    } catch {
      reading = null; // a reader must not throw; if one does, say nothing
    }
    const observations = reading?.observations ?? [];
    const findings = reading ? evaluate(observations, { settings: opts.settings(), today: localToday() }, opts.rules) : [];
    const recordKey = reading?.recordKey ?? href;
    if (recordKey !== lastRecord) {
      layer.clear();
      lastRecord = recordKey;
    }
    layer.update(findings, reading?.anchors ?? {}, recordKey);
    const solutionFlows = observations.find((o): o is SolutionFlows => o.kind === 'solutionFlows' && !!o.solution);
    const report = JSON.stringify([href, findings, solutionFlows]);
    if (report !== lastReport) {
      lastReport = report;
      opts.report(solutionFlows ? { url: href, findings, solutionFlows } : { url: href, findings });
    }
  };

  const schedule = () => {
    if (frame || waitTimer || signal.aborted) return;
    const now = win.performance.now();
    tokens = Math.min(BURST, tokens + (now - refilledAt) / REFILL);
    refilledAt = now;
    if (tokens >= 1) {
      frame = win.requestAnimationFrame(() => pass());
      return;
    }
    waitTimer = win.setTimeout(() => {
      waitTimer = 0;
      schedule();
    }, (1 - tokens) * REFILL);
  };

  const observer = new win.MutationObserver((records) => {
    for (const r of records) {
      if (isOurs(r.target)) continue;
      if (r.type === 'childList' && onlyOurs(r.addedNodes) && onlyOurs(r.removedNodes)) continue;
      mutations++;
      schedule();
      return;
    }
  });
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    // Not `style` or `class`: a designer pan rewrites thousands of inline styles a frame. The changes
    // we read (values, toggles, tabs, hidden panels) come with these attributes or with child changes.
    attributeFilter: ['aria-checked', 'aria-selected', 'aria-expanded', 'aria-hidden', 'value', 'title', 'hidden', 'data-selected', 'checked'],
  });
  const onInput = (e: Event) => {
    if (!isOurs(e.target as Node)) schedule();
  };
  doc.addEventListener('input', onInput, true);
  doc.addEventListener('change', onInput, true);

  signal.addEventListener('abort', () => {
    observer.disconnect();
    doc.removeEventListener('input', onInput, true);
    doc.removeEventListener('change', onInput, true);
    if (frame) win.cancelAnimationFrame(frame);
    if (settleTimer) win.clearTimeout(settleTimer);
    if (waitTimer) win.clearTimeout(waitTimer);
    layer.clear();
  });

  schedule();
  return { schedule, pass };
}

function onlyOurs(nodes: NodeList): boolean {
  for (const n of nodes) if (!(n.nodeType === 1 && isOurs(n))) return false;
  return true;
}
