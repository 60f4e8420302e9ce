/**
 * Power Automate reader. The route decides what is on screen (knowledge/dom.md §1.1, §4); the page
 * is read through stable hooks: React Flow `data-id` action keys, LogicAppsUX automation ids, grid
 * roles, link targets, and accessible labels through the en/ja/fr vocabulary in ./labels.
 * Works the same inside the `/widgets/manage/` frame that Power Apps embeds.
 */
import type { Observation } from '../../model/observation';
import type { PageReading, ReadHints } from '../types';
import { readDesigner } from './designer';
import { readErrorBanners } from './errors';
import { readRunOnlyUsers, readWebhookRegistration } from './panels';
import { readFlowRun, readRunHistory } from './runs';
import { readSolutionFlows } from './solution';

export function readPowerAutomate(doc: Document, url: URL, _settings?: unknown, hints?: ReadHints): PageReading | null {
  const path = url.pathname;
  const env = /\/environments\/([^/]+)/.exec(path)?.[1];
  if (!env) return null;
  const solution = /\/solutions\/([^/]+)/.exec(path)?.[1];
  const flow = /\/flows\/([^/]+)/.exec(path)?.[1];
  const runs = /\/flows\/[^/]+\/runs(?:\/([^/]+))?/.exec(path);
  const section = runs ? 'runs' : /\/flows\/[^/]+\/details\b/.test(path) ? 'details' : undefined;
  const runId = runs?.[1];
  const observations: Observation[] = [];
  const anchors: Record<string, Element> = {};
  const add = (r: { observation: Observation; anchors: Record<string, Element> } | null) => {
    if (!r) return;
    observations.push(r.observation);
    Object.assign(anchors, r.anchors);
  };

  if (solution && !flow) add(readSolutionFlows(doc, decodeURIComponent(env)));
  if (flow && section === 'runs' && runId) {
    add(readFlowRun(doc));
  } else if (flow && section === 'runs') {
    add(readRunHistory(doc));
  } else if (flow && section === 'details') {
    add(readRunHistory(doc));
    add(readRunOnlyUsers(doc));
  } else if (flow) {
    add(readDesigner(doc, hints));
    add(readWebhookRegistration(doc));
  }
  add(readErrorBanners(doc));
  if (observations.length === 0) return null;
  return { observations, anchors, recordKey: `power-automate:${env}:${solution ?? ''}:${flow ?? ''}:${section ?? ''}:${runId ?? ''}` };
}
