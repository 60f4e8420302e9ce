/**
 * The flow designer: LogicAppsUX (both card generations) and the classic designer. Steps are
 * React Flow nodes keyed by action name (`data-id`); a step needs a connection when its card, badge
 * or icon says so (docs/real-apps.md, Power Automate).
 */
import type { FieldKey, FlowDesigner } from '../../model/observation';
import { firstShown, isShown, labelKey, normalize } from '../dom';
import { FLOW_CARD, FLOW_NODE_CLASS, FLOW_NODE_TESTID, actionName } from '../../dom';
import { CONNECTION_ERRORS, CONNECTION_PROBLEM, ERROR_BADGE, FLOW_NAME_LABELS, INACTIVE_CONNECTION_BADGE } from './labels';
import type { Anchors } from '../types';

/** `Apply_to_each-#scope` → `Apply_to_each` (LogicAppsUX removeIdTag). */

/** React Flow gives every node this class (both generations); the test id is the fallback. */
const NODE_BY_TESTID = `${FLOW_NODE_TESTID}[data-id]`;

/** What the designer shows: its steps, and the element that holds its cards (for ReadHints). */
export interface DesignerReading {
  observation: FlowDesigner;
  anchors: Anchors<'flowDesigner'>;
  /** The anchors that are React Flow cards (placed absolutely, so hints go beside them). */
  beside: FieldKey<'flowDesigner'>[];
  /** The element whose children are all the step cards and nothing else, when there is one. */
  canvas: Element | null;
}

/**
 * The steps whose cards show a problem. One query finds the signs of every card (in React Flow's
 * node layer, or the page when the cards are elsewhere), and only a card with a sign that says
 * something is read: a step without a problem is of use to no rule, and a pan re-creates cards by
 * the hundred, each a new node to read (docs/performance.md, "Storm").
 */
export function readDesigner(doc: Document): DesignerReading | null {
  const anchors: Anchors<'flowDesigner'> = {};
  const beside: FieldKey<'flowDesigner'>[] = [];
  const steps: FlowDesigner['steps'] = [];

  const byClass = doc.getElementsByClassName(FLOW_NODE_CLASS);
  const nodeSelector = byClass.length > 0 ? `.${FLOW_NODE_CLASS}` : NODE_BY_TESTID;
  const first = byClass[0] ?? doc.querySelector(NODE_BY_TESTID);
  if (!first) return readClassic(doc);
  const count = byClass.length > 0 ? byClass.length : doc.querySelectorAll(NODE_BY_TESTID).length;
  // The cards' container, when it holds them all and nothing else (React Flow's node layer): a
  // change inside it changes only cards. Counted by the browser, without touching each card.
  const layer = first.parentElement;
  const canvas =
    layer && layer.childElementCount === count && layer.querySelectorAll(`:scope > ${nodeSelector}`).length === count ? layer : null;

  // Each sign that says something, traced to its card (the nearest node around it), in page order:
  // a card's own label before what it holds.
  const problemsOf = new Map<Element, string[]>();
  for (const sign of (canvas ?? doc).querySelectorAll(SIGNS)) {
    const text = signText(sign);
    const node = text === null ? null : sign.closest(nodeSelector);
    if (!node) continue;
    const list = problemsOf.get(node);
    if (list) list.push(text!);
    else problemsOf.set(node, [text!]);
  }
  // Cards are absolutely placed siblings: ask the browser about their container once. A card React
  // Flow has not measured yet (it keeps such a node at `visibility: hidden` for a frame or two) is a
  // step all along, but anchors nothing while it does not show: its finding goes to the panel.
  const containers = new Map<Element | null, boolean>();
  const inShownContainer = (parent: Element | null) => {
    let ok = containers.get(parent);
    if (ok === undefined) containers.set(parent, (ok = parent ? isShown(parent) : true));
    return ok;
  };
  const seen = new Set<string>();
  for (const [node, problems] of problemsOf) {
    const raw = node.getAttribute('data-id');
    const id = raw === null ? '' : actionName(raw);
    if (!id || raw!.includes('-#subgraph') || node.hasAttribute('hidden') || seen.has(id) || !inShownContainer(node.parentElement))
      continue;
    seen.add(id);
    const card = node.querySelector(CARD) ?? node;
    const title =
      normalize(card.querySelector('.panel-msla-title, [data-automation-id$="-title"]')?.textContent) ||
      card
        .getAttribute('data-automation-id')
        ?.replace(/^card-/, '')
        .replace(/_/g, ' ') ||
      null;
    const errorText = problems.join(' · ');
    steps.push({ id, title, connectionProblem: CONNECTION_PROBLEM.test(errorText), errorText });
    if (isShown(card)) {
      anchors[`step:${id}`] = card;
      beside.push(`step:${id}`);
    }
  }
  addPanelSteps(doc, steps);
  const firstCard = first.querySelector(CARD) ?? first;
  const generation = firstCard.className.includes?.('msla-') || firstCard.querySelector('[class*="msla-"]') ? 'v1' : 'v2';
  return { observation: { kind: 'flowDesigner', generation, steps }, anchors, beside, canvas };
}

/**
 * The errors panel (Flow Checker) lists every step's errors, rendered on the canvas or not (off
 * screen, in a collapsed scope). Its cards name steps by title; cards' automation ids do the same
 * with `_` for spaces, which gives the action key. Warning-only cards are not errors.
 */
function addPanelSteps(doc: Document, steps: FlowDesigner['steps']): void {
  for (const card of doc.querySelectorAll('.msla-error-card')) {
    if (!card.querySelector('.msla-error-dot') || !isShown(card)) continue;
    const title = normalize(card.querySelector('.msla-error-card-title')?.textContent);
    if (!title) continue;
    const id = title.replace(/\s/g, '_');
    let connection = false;
    const messages: string[] = [];
    for (const sub of card.querySelectorAll('.msla-error-card-subsection')) {
      const subtitle = sub.querySelector('.msla-error-card-subtitle');
      const texts = [...sub.children]
        .filter((c) => c !== subtitle)
        .map((c) => normalize(c.textContent))
        .filter(Boolean);
      if (CONNECTION_ERRORS.has(labelKey(subtitle?.textContent)) && texts.length > 0) connection = true;
      messages.push(...texts);
    }
    if (messages.length === 0) continue;
    const connectionProblem = connection || messages.some((m) => CONNECTION_PROBLEM.test(m));
    const step = steps.find((s) => s.id === id);
    if (!step) {
      steps.push({ id, title, connectionProblem, errorText: messages.join(' · ') });
      continue;
    }
    // The card's badge said "Errors"; the panel says which.
    const fresh = messages.filter((m) => !step.errorText?.includes(m));
    if (fresh.length > 0) step.errorText = [step.errorText, ...fresh].filter(Boolean).join(' · ');
    step.connectionProblem ||= connectionProblem;
  }
}

/** The classic designer: cards by their class, named by their title. */
function readClassic(doc: Document): DesignerReading | null {
  const classic = doc.querySelectorAll('.msla-designer .msla-card, .msla-card');
  if (classic.length === 0) return null;
  const anchors: Anchors<'flowDesigner'> = {};
  const steps: FlowDesigner['steps'] = [];
  let shown = 0;
  for (const card of classic) {
    if (!isShown(card)) continue;
    shown++;
    const problems = problemsIn(card);
    if (problems.length === 0) continue;
    const title = normalize(card.querySelector('.msla-card-title')?.textContent) || null;
    const id = (title ?? `step_${shown}`).replace(/\s+/g, '_');
    const errorText = problems.join(' · ');
    steps.push({ id, title, connectionProblem: CONNECTION_PROBLEM.test(errorText), errorText });
    anchors[`step:${id}`] = card;
  }
  return { observation: { kind: 'flowDesigner', generation: 'classic', steps }, anchors, beside: [], canvas: null };
}

const CARD = FLOW_CARD;
const ERROR_TEXT = `.msla-panel-card-error-text, [role="alert"], [data-automation-id*="error"]:not(${CARD})`;
const LABELLED = '[title], [aria-label], img[alt]';
/**
 * Elements that may show a problem: error text, and labelled badges other than the card itself:
 * its label and automation id are its name ("card-Send_error_mail" is no error).
 */
const SIGNS = `${ERROR_TEXT}, ${INACTIVE_CONNECTION_BADGE}, :is(${LABELLED}):not(${CARD})`;

/** The error or warning one sign shows: v1 error banner text, or a badge's title / label / alt that says so. */
function signText(el: Element): string | null {
  if (el.matches(ERROR_TEXT)) return normalize(el.textContent) || null;
  const t = el.getAttribute('title') || el.getAttribute('aria-label') || el.getAttribute('alt') || '';
  // The inactive badge says "no connection" whatever its label's language; keep the label when it says so too.
  if (el.matches(INACTIVE_CONNECTION_BADGE))
    return CONNECTION_PROBLEM.test(t) ? normalize(t) : `Connection required${t ? ` (${normalize(t)})` : ''}`;
  return CONNECTION_PROBLEM.test(t) || ERROR_BADGE.test(t) ? normalize(t) : null;
}

/** The problems a card shows (banner text, badges' titles and labels, its own included), in page order. */
function problemsIn(card: Element): string[] {
  const problems: string[] = [];
  for (const el of card.matches(SIGNS) ? [card, ...card.querySelectorAll(SIGNS)] : card.querySelectorAll(SIGNS)) {
    const text = signText(el);
    if (text !== null) problems.push(text);
  }
  return problems;
}

/**
 * The flow's name from the designer header (its rename box or title), by accessible label; never
 * from inside a step card, so what the cards do cannot change it.
 */
export function readFlowName(doc: Document): { text: string; anchor: Element } | undefined {
  const candidates = [
    ...doc.querySelectorAll('input[aria-label], [role="textbox"][aria-label], [data-automation-id="flow-name"], h1'),
  ].filter(
    (el) =>
      (el.localName === 'h1' ||
        el.getAttribute('data-automation-id') === 'flow-name' ||
        FLOW_NAME_LABELS.has(labelKey(el.getAttribute('aria-label')))) &&
      !inCard(el),
  );
  const el = firstShown(candidates.filter((c) => c.localName !== 'h1')) ?? firstShown(candidates);
  if (!el) return undefined;
  const text = normalize((el as HTMLInputElement).value ?? el.textContent) || normalize(el.textContent);
  return text ? { text, anchor: el.parentElement ?? el } : undefined;
}

/** Inside a designer step card (a React Flow node), whichever way the nodes are marked. */
export const inCard = (el: Element): boolean => el.closest(`.${FLOW_NODE_CLASS}, ${NODE_BY_TESTID}`) !== null;
