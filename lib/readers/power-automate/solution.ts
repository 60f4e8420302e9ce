/** The connector solution's cloud-flow list: each flow's name and on/off state. */
import type { FlowState, SolutionFlows } from '../../model/observation';
import { detectSolution } from '../../knowledge/flows';
import { isShown, labelKey, normalize } from '../dom';
import { FLOW_OFF, FLOW_ON } from './labels';
import type { Anchors } from '../types';

export function readSolutionFlows(
  doc: Document,
  environment: string,
): { observation: SolutionFlows; anchors: Anchors<'solutionFlows'> } | null {
  const anchors: Anchors<'solutionFlows'> = {};
  const flows: SolutionFlows['flows'] = [];
  for (const row of doc.querySelectorAll('[role="row"]')) {
    if (!isShown(row)) continue;
    const link = row.querySelector<HTMLAnchorElement>('a[href*="/flows/"]');
    if (!link) continue;
    const name = normalize(link.textContent);
    if (!name || flows.some((f) => f.name === name)) continue;
    const id = /\/flows\/([^/?#]+)/.exec(link.getAttribute('href') ?? '')?.[1] ?? null;
    flows.push({ name, state: stateOf(row), flowId: id });
    anchors[`flow:${name}`] = link.closest('[role="gridcell"], [role="rowheader"], td') ?? row;
  }
  if (flows.length === 0) return null;
  return { observation: { kind: 'solutionFlows', environment, solution: detectSolution(flows.map((f) => f.name)), flows }, anchors };
}

/** A switch's aria-checked, else a status cell that says On/Off in en/ja/fr. */
function stateOf(row: Element): FlowState {
  const sw = row.querySelector('[role="switch"][aria-checked]');
  if (sw) return sw.getAttribute('aria-checked') === 'true' ? 'on' : 'off';
  for (const cell of row.querySelectorAll('[role="gridcell"], td')) {
    const k = labelKey(cell.textContent);
    if (FLOW_ON.has(k)) return 'on';
    if (FLOW_OFF.has(k)) return 'off';
  }
  return 'unknown';
}
