/** Run details (the designer in monitoring mode) and run history grids. */
import type { ActionError, FieldKey, FlowRun, RunHistory } from '../../model/observation';
import { cssEscape, isShown, labelKey, normalize } from '../dom';
import { FLOW_CARD, FLOW_NODE_CLASS, FLOW_NODE_TESTID, actionName } from '../../dom';
import { RUN_STATUS, STATUS_HEADER } from './labels';
import type { Anchors } from '../types';

type Status = FlowRun['status'];

export function statusOf(text: string | null | undefined): Exclude<Status, undefined> {
  const k = labelKey(text);
  for (const [status, words] of Object.entries(RUN_STATUS)) if (words.has(k)) return status as keyof typeof RUN_STATUS;
  return 'unknown';
}

/**
 * Failed actions of a run: each card's error text ("{code}. {message}" in monitoring mode) and
 * the open details panel's error section (title = code, text = message).
 */
export function readFlowRun(doc: Document): { observation: FlowRun; anchors: Anchors<'flowRun'>; beside: FieldKey<'flowRun'>[] } | null {
  const anchors: Anchors<'flowRun'> = {};
  const beside: FieldKey<'flowRun'>[] = [];
  const errors: ActionError[] = [];
  let failed = false;
  const nodes = [...doc.querySelectorAll(`${FLOW_NODE_TESTID}[data-id], .${FLOW_NODE_CLASS}[data-id]`)].filter(isShown);
  for (const node of nodes) {
    const action = actionName(node.getAttribute('data-id') ?? '');
    const status = stepStatus(node);
    if (status === 'failed') failed = true;
    const text = normalize(node.querySelector('.msla-panel-card-error-text, [data-automation-id*="error-text"]')?.textContent);
    if (!text || status !== 'failed') continue;
    const m = /^([A-Za-z][\w.]*|\d{3})\.\s+([\s\S]+)$/.exec(text);
    errors.push({ action, code: m ? m[1]! : null, message: m ? m[2]! : text });
    anchors[`error:${action}`] = node.querySelector(FLOW_CARD) ?? node;
    beside.push(`error:${action}`);
  }
  // The details panel of the selected action: MessageBar title (code) + text (message).
  for (const bar of doc.querySelectorAll(
    '[data-automation-id="msla-panel-error-section"], .msla-panel-container [role="group"][aria-label], .msla-panel-container .fui-MessageBar',
  )) {
    if (!isShown(bar)) continue;
    const code = normalize(bar.querySelector('.fui-MessageBarTitle, [data-automation-id="error-code"]')?.textContent) || null;
    const message =
      normalize(bar.querySelector('.fui-MessageBarBody > :last-child, [data-automation-id="error-message"]')?.textContent) || null;
    const action = bar.closest('.msla-panel-container')?.querySelector('.msla-panel-header')?.id ?? 'panel';
    if ((code || message) && !errors.some((e) => e.action === action)) {
      errors.push({ action, code, message });
      anchors[`error:${action}`] = bar;
    }
  }
  if (nodes.length === 0 && errors.length === 0) return null;
  const observation: FlowRun = { kind: 'flowRun', errors };
  // Off-screen steps are not in the DOM (virtualized canvas): no failure seen is not a success.
  observation.status = failed || errors.length > 0 ? 'failed' : 'unknown';
  return { observation, anchors, beside };
}

/** LogicAppsUX's v1 status pill (`msla-pill-{title}-status`, then any `role=status`), else v2's badge image. */
const PILL = '[data-automation-id^="msla-pill-"][data-automation-id$="-status"][aria-label]';
/** The v2 run badge's image: its `alt` is the raw run status, in English whatever the language. */
const RAW_STATUS = /^(?:Succeeded|Failed|Cancelled|Skipped|TimedOut|Faulted|Aborted)$/;

function stepStatus(node: Element): Status {
  const pill = node.querySelector(PILL) ?? node.querySelector('[role="status"][aria-label]');
  // `aria-label` is "{duration}. {status}", or the status alone when the pill has no times.
  if (pill) return statusOf((pill.getAttribute('aria-label') ?? '').split('. ').pop());
  const img = [...node.querySelectorAll('img[alt]')].find((i) => RAW_STATUS.test(i.getAttribute('alt') ?? ''));
  return img ? statusOf(img.getAttribute('alt') === 'TimedOut' ? 'Timed out' : img.getAttribute('alt')) : 'unknown';
}

/** The key of a Fluent DetailsList's status column, found by its header's text (`data-item-key`). */
function statusColumnKey(grid: Element): string | null {
  for (const header of grid.querySelectorAll('[role="columnheader"]')) {
    if (STATUS_HEADER.has(labelKey(header.textContent))) return header.getAttribute('data-item-key');
  }
  return null;
}

export function readRunHistory(doc: Document): { observation: RunHistory; anchors: Anchors<'runHistory'> } | null {
  const grid = [...doc.querySelectorAll('[role="grid"], table')].find((g) => isShown(g) && g.querySelector('a[href*="/runs/"]'));
  if (!grid) return null;
  const runs: RunHistory['runs'] = [];
  const statusKey = statusColumnKey(grid);
  for (const row of grid.querySelectorAll('[role="row"], tr')) {
    const link = row.querySelector('a[href*="/runs/"]');
    if (!link) continue;
    const runId = /\/runs\/([^/?#]+)/.exec(link.getAttribute('href') ?? '')?.[1] ?? null;
    const keyed =
      (statusKey && row.querySelector(`[data-automation-key="${cssEscape(statusKey)}"]`)) ||
      row.querySelector('[data-automation-key="status"], [data-automation-key="Status"]');
    let status = keyed ? statusOf(keyed.textContent) : 'unknown';
    if (status === 'unknown') {
      for (const cell of row.querySelectorAll('[role="gridcell"], td')) {
        status = statusOf(cell.textContent);
        if (status !== 'unknown') break;
      }
    }
    runs.push({ status, runId });
  }
  const heading = grid.closest('section, [role="region"]')?.querySelector('h1, h2, h3');
  return { observation: { kind: 'runHistory', runs }, anchors: { runs: heading?.parentElement ?? grid } };
}
