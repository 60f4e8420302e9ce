/**
 * The flow designer: LogicAppsUX (both card generations) and the classic designer. Steps are
 * React Flow nodes keyed by action name (`data-id`); a step needs a connection when its card, badge
 * or icon says so (knowledge/dom.md §4.2).
 */
import type { FlowDesigner } from '../../model/observation';
import { firstShown, isShown, labelKey, normalize } from '../dom';
import { CONNECTION_PROBLEM, FLOW_NAME_LABELS } from './labels';

/** `Apply_to_each-#scope` → `Apply_to_each` (LogicAppsUX removeIdTag). */
const actionName = (id: string) => id.replace(/-#.*$/, '');

export function readDesigner(doc: Document): { observation: FlowDesigner; anchors: Record<string, Element> } | null {
  const anchors: Record<string, Element> = {};
  const steps: FlowDesigner['steps'] = [];
  let generation: FlowDesigner['generation'];

  const nodes = [...doc.querySelectorAll('[data-testid^="rf__node-"][data-id], .react-flow__node[data-id]')];
  if (nodes.length > 0) {
    for (const node of nodes) {
      const raw = node.getAttribute('data-id') ?? '';
      const id = actionName(raw);
      if (!id || raw.includes('-#subgraph') || steps.some((s) => s.id === id) || !isShown(node)) continue;
      const card = node.querySelector('[id^="msla-node-"], [data-automation-id^="card-"]') ?? node;
      generation ??= card.querySelector('[class*="msla-"]') || card.className.includes?.('msla-') ? 'v1' : 'v2';
      const titleFromId = card.getAttribute('data-automation-id')?.replace(/^card-/, '').replace(/_/g, ' ');
      const title = normalize(card.querySelector('.panel-msla-title, [data-automation-id$="-title"]')?.textContent) || titleFromId || null;
      const errorText = problemText(card);
      steps.push({ id, title, connectionProblem: errorText !== null && CONNECTION_PROBLEM.test(errorText), errorText });
      anchors[`step:${id}`] = card;
    }
  } else {
    const classic = [...doc.querySelectorAll('.msla-designer .msla-card, .msla-card')];
    if (classic.length === 0) return null;
    generation = 'classic';
    for (const card of classic) {
      if (!isShown(card)) continue;
      const title = normalize(card.querySelector('.msla-card-title')?.textContent) || null;
      const id = (title ?? `step_${steps.length + 1}`).replace(/\s+/g, '_');
      const errorText = problemText(card);
      steps.push({ id, title, connectionProblem: errorText !== null && CONNECTION_PROBLEM.test(errorText), errorText });
      anchors[`step:${id}`] = card;
    }
  }
  const observation: FlowDesigner = { kind: 'flowDesigner', steps };
  if (generation) observation.generation = generation;
  const name = flowName(doc);
  if (name !== undefined) {
    observation.flowName = name.text;
    anchors.flowName = name.anchor;
  }
  return { observation, anchors };
}

/** Error and warning text a card shows: v1 error banner, badges' titles and labels, classic warnings. */
function problemText(card: Element): string | null {
  const parts: string[] = [];
  for (const el of card.querySelectorAll('.msla-panel-card-error-text, [role="alert"], [data-automation-id*="error"]')) parts.push(normalize(el.textContent));
  for (const el of card.querySelectorAll('[title], [aria-label], img[alt]')) {
    const t = el.getAttribute('title') || el.getAttribute('aria-label') || el.getAttribute('alt') || '';
    if (CONNECTION_PROBLEM.test(t) || /^errors?\b|エラー|erreurs?/i.test(t)) parts.push(normalize(t));
  }
  const text = parts.filter(Boolean).join(' · ');
  return text === '' ? null : text;
}

/** The flow's name from the designer header (its rename box or title), by accessible label. */
function flowName(doc: Document): { text: string; anchor: Element } | undefined {
  const candidates = [...doc.querySelectorAll('input[aria-label], [role="textbox"][aria-label], [data-automation-id="flow-name"], h1')].filter(
    (el) => el.localName === 'h1' || el.getAttribute('data-automation-id') === 'flow-name' || FLOW_NAME_LABELS.has(labelKey(el.getAttribute('aria-label'))),
  );
  const el = firstShown(candidates.filter((c) => c.localName !== 'h1')) ?? firstShown(candidates);
  if (!el) return undefined;
  const text = normalize((el as HTMLInputElement).value ?? el.textContent) || normalize(el.textContent);
  return text ? { text, anchor: el.parentElement ?? el } : undefined;
}
