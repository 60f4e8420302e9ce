/**
 * One pass: read the page, run the rules, update the hints, and report what changed. Each step
 * fails open for the user (nothing wrong is said) but is counted: the popup says the page could not
 * be read, and the diagnostic report carries the counts. Development builds log each failure.
 */
import type { Failures, Finding } from '../model/finding';
import { bound } from '../model/bound';
import type { Checked } from '../model/messages';
import type { Observation, SolutionFlows } from '../model/observation';
import type { Settings } from '../model/settings';
import type { PageReading, ReadHints, Reader } from '../readers/types';
import { readerPage } from '../readers/recognise';
import { evaluate, localToday } from '../rules/engine';
import type { Rule } from '../rules/types';
import type { HintLayer } from '../ui/layer';

export interface Report {
  url: string;
  findings: Finding[];
  /** The flow list of a connector solution page, when one is on screen. */
  solutionFlows?: SolutionFlows;
  /** What failed on this record (still failing open): said in the popup and the report. */
  failures?: Failures;
  /** Which fields were read from the app's own data and which from the page (diagnostic report). */
  sources?: { xrm: string[]; dom: string[]; api?: string[] };
  /** What was checked, so a clean page can say so ("7 checks on this opportunity"). */
  checked?: Checked;
  /** A page a reader is made for gave no reading: the popup says so and offers its structure. */
  unrecognised?: boolean;
}

/** Logged in development builds only: failures stay silent for the user, not for us. */
export const devLog = (where: string, e: unknown): void => {
  if (import.meta.env?.DEV) console.warn(`[cosell] ${where} failed`, e);
};

export interface PassDeps {
  doc: Document;
  read: Reader;
  rules: readonly Rule[];
  layer: HintLayer;
  /** The page's labels of the fields a hint names (the reader's helper, passed in by the runner). */
  labelsOf: (anchors: Readonly<Record<string, Element>>) => Record<string, string>;
  report: (r: Report) => void;
}

/** Runs passes; remembers the record on screen and the last report, so only changes are sent. */
export function createPass(deps: PassDeps): (href: string, settings: Settings, hints: ReadHints | undefined) => { editing: boolean } {
  let lastRecord = '';
  let lastReport = '';
  return (href, settings, hints) => {
    const failed: Failures = { read: 0, rules: 0, render: 0 };
    let reading: PageReading | null = null;
    try {
      reading = deps.read(deps.doc, new URL(href), settings, hints);
    } catch (e) {
      failed.read++;
      devLog('reader', e);
    }
    const observations = reading?.observations ?? [];
    const findings = reading
      ? evaluate(observations, { settings, today: localToday() }, deps.rules, (rule, e) => {
          failed.rules++;
          devLog(rule, e);
        })
      : [];
    const recordKey = reading?.recordKey ?? href;
    try {
      if (recordKey !== lastRecord) {
        deps.layer.clear();
        lastRecord = recordKey;
      }
      // Findings name their field as a string once they cross to the background; look it up as one.
      const anchors: Readonly<Record<string, Element | undefined>> = reading?.anchors ?? {};
      // Only the fields a hint shows at need their label read.
      const named: Record<string, Element> = {};
      for (const f of findings) if (f.field && anchors[f.field] && f.display !== 'popup') named[f.field] = anchors[f.field]!;
      deps.layer.update(findings, anchors, recordKey, reading?.beside, { ...deps.labelsOf(named), ...reading?.labels }, reading?.options);
    } catch (e) {
      failed.render++; // a page that breaks our hints must not also lose the report
      devLog('render', e);
    }
    const solutionFlows = observations.find((o): o is SolutionFlows => o.kind === 'solutionFlows' && !!o.solution);
    const failures = failed.read + failed.rules + failed.render > 0 ? failed : undefined;
    // Said only when some field came from the app's own data: a page read from its DOM alone needs no note.
    const sources = reading?.sources && Object.values(reading.sources).some((s) => s !== 'dom') ? splitSources(reading.sources) : undefined;
    const checked = reading ? whatWasChecked(observations, deps.rules, settings) : undefined;
    const unrecognised = !reading && failed.read === 0 && readerPage(new URL(href));
    const report = JSON.stringify([href, findings, solutionFlows, failures, sources, checked, unrecognised]);
    if (report !== lastReport) {
      lastReport = report;
      deps.report({
        url: href,
        findings,
        ...(solutionFlows && { solutionFlows }),
        ...(failures && { failures }),
        ...(sources && { sources }),
        ...(checked && { checked }),
        ...(unrecognised && { unrecognised }),
      });
    }
    return { editing: findings.some((f) => f.display === 'editing') };
  };
}

/** The kinds read, the rules that ran on them (not switched off), and the record's name as the page shows it. */
export function whatWasChecked(observations: readonly Observation[], rules: readonly Rule[], settings: Settings): Checked | undefined {
  if (observations.length === 0) return undefined;
  const kinds = [...new Set(observations.map((o) => o.kind))];
  const ran = rules.filter((r) => !settings.disabledRules.includes(r.id) && r.kinds.some((k) => kinds.includes(k))).length;
  const named = observations.find((o) => 'name' in o && typeof o.name === 'string' && o.name.trim() !== '') as { name: string } | undefined;
  return { kinds, rules: ran, ...(named && { record: bound(named.name.trim(), 200) }) };
}

function splitSources(sources: Record<string, 'xrm' | 'api' | 'dom'>): { xrm: string[]; dom: string[]; api?: string[] } {
  const keys = Object.keys(sources).sort();
  const api = keys.filter((k) => sources[k] === 'api');
  return { xrm: keys.filter((k) => sources[k] === 'xrm'), dom: keys.filter((k) => sources[k] === 'dom'), ...(api.length && { api }) };
}
