/**
 * Power Automate reader. The route decides what is on screen (docs/real-apps.md, URL shapes); the page
 * is read through stable hooks: React Flow `data-id` action keys, LogicAppsUX automation ids, grid
 * roles, link targets, and accessible labels through the en/ja/fr vocabulary in ./labels.
 * Works the same inside the `/widgets/manage/` frame that Power Apps embeds.
 */
import type { FieldKey, Observation } from '../../model/observation';
import type { Anchors, PageReading, ReadHints } from '../types';
import { readDesigner, readFlowName } from './designer';
import { readErrorBanners } from './errors';
import { readRunOnlyUsers, readWebhookRegistration } from './panels';
import { readFlowRun, readRunHistory } from './runs';
import { readSolutionFlows } from './solution';

/** What was read around a designer's cards at the last pass, per document. */
interface AroundDesigner {
  canvas: Element | null;
  name: ReturnType<typeof readFlowName>;
  webhook: ReturnType<typeof readWebhookRegistration>;
  banners: ReturnType<typeof readErrorBanners>;
}
const aroundDesigner = new WeakMap<Document, AroundDesigner>();

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
  const anchors: Anchors = {};
  const beside: FieldKey[] = [];
  const add = (r: { observation: Observation; anchors: Anchors; beside?: FieldKey[] } | null) => {
    if (!r) return;
    observations.push(r.observation);
    Object.assign(anchors, r.anchors);
    if (r.beside) beside.push(...r.beside);
  };

  if (solution && !flow) add(readSolutionFlows(doc, decodeURIComponent(env)));
  let banners: ReturnType<typeof readErrorBanners> | undefined;
  if (flow && section === 'runs' && runId) {
    add(readFlowRun(doc));
  } else if (flow && section === 'runs') {
    add(readRunHistory(doc));
  } else if (flow && section === 'details') {
    add(readRunHistory(doc));
    add(readRunOnlyUsers(doc));
    // The Run flow panel opens from the details page as well as from the designer.
    add(readWebhookRegistration(doc));
  } else if (flow) {
    const designer = readDesigner(doc);
    // Around the designer's cards: its name, the webhook form, error banners. A pan changes nothing
    // but cards; then what was read around them still holds (none of these readers looks inside a card).
    const canvas = designer?.canvas;
    let around = aroundDesigner.get(doc);
    if (!(around && canvas && around.canvas === canvas && hints?.changedOnlyWithin(canvas))) {
      around = {
        canvas: canvas ?? null,
        name: designer ? readFlowName(doc) : undefined,
        webhook: readWebhookRegistration(doc),
        banners: readErrorBanners(doc),
      };
      aroundDesigner.set(doc, around);
    }
    if (designer) {
      if (around.name) {
        designer.observation = { ...designer.observation, flowName: around.name.text };
        designer.anchors.flowName = around.name.anchor;
      }
      add(designer);
    }
    add(around.webhook);
    banners = around.banners;
  }
  add(banners === undefined ? readErrorBanners(doc) : banners);
  if (observations.length === 0) return null;
  return {
    observations,
    anchors,
    beside,
    recordKey: `power-automate:${env}:${solution ?? ''}:${flow ?? ''}:${section ?? ''}:${runId ?? ''}`,
  };
}
