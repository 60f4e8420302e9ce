/**
 * The flow designer: LogicAppsUX (both card generations) and the classic designer. Steps are
 * React Flow nodes keyed by action name (`data-id`); a step needs a connection when its card, badge
 * or icon says so (knowledge/dom.md §4.2).
 */
import type { FlowDesigner } from '../../model/observation';
import { firstShown, isShown, labelKey, normalize } from '../dom';
import type { ReadHints } from '../types';
import { CONNECTION_PROBLEM, FLOW_NAME_LABELS } from './labels';

/** `Apply_to_each-#scope` → `Apply_to_each` (LogicAppsUX removeIdTag). */
const actionName = (id: string) => id.replace(/-#.*$/, '');

/** What one step card says that only changes with the card's own subtree (reused while it is unchanged). */
interface CardRead {
  card: Element;
  /** The step it shows; null for a subgraph node or a node without an action name. */
  step: FlowDesigner['steps'][number] | null;
  /** Its `hidden` attribute (watched by the runner, so it changes only with the card). */
  hidden: boolean;
}
const cardReads = new WeakMap<Element, CardRead>();

/**
 * Five calls into the page per card, plus its share of one query for the signs of every card when
 * many are read at once (a pan re-creates cards by the hundred; each one is read anew).
 */
function readCard(node: Element, raw: string, problems: readonly string[]): CardRead {
  const card = node.querySelector(CARD) ?? node;
  const hidden = node.hasAttribute('hidden');
  const title = normalize(card.querySelector('.panel-msla-title, [data-automation-id$="-title"]')?.textContent) || card.getAttribute('data-automation-id')?.replace(/^card-/, '').replace(/_/g, ' ') || null;
  const id = actionName(raw);
  if (!id || raw.includes('-#subgraph')) return { card, step: null, hidden };
  const errorText = problems.length ? problems.join(' · ') : null;
  return { card, step: { id, title, connectionProblem: errorText !== null && CONNECTION_PROBLEM.test(errorText), errorText }, hidden };
}

/** React Flow gives every node this class (both generations); the test id is the fallback. */
const NODE_CLASS = 'react-flow__node';
const NODE_BY_TESTID = '[data-testid^="rf__node-"][data-id]';
/** From this many cards to read in one pass, their signs are found with one query for all of them. */
const BULK = 32;

/** What the designer shows: its steps, and the element that holds its cards (for ReadHints). */
export interface DesignerReading {
  observation: FlowDesigner;
  anchors: Record<string, Element>;
  /** The anchors that are React Flow cards (placed absolutely, so hints go beside them). */
  beside: string[];
  /** The element whose children are all the step cards and nothing else, when there is one. */
  canvas: Element | null;
}

export function readDesigner(doc: Document, hints?: ReadHints): DesignerReading | null {
  const anchors: Record<string, Element> = {};
  const beside: string[] = [];
  const steps: FlowDesigner['steps'] = [];
  let generation: FlowDesigner['generation'];
  let canvas: Element | null = null;

  const byClass = doc.getElementsByClassName(NODE_CLASS);
  const nodeSelector = byClass.length > 0 ? `.${NODE_CLASS}` : NODE_BY_TESTID;
  const nodes = byClass.length > 0 ? [...byClass] : [...doc.querySelectorAll(NODE_BY_TESTID)];
  if (nodes.length > 0) {
    // A card read before and unchanged since (its `data-id` and `hidden` included: the runner
    // watches both) is taken as read; a pan re-reads only the cards it re-created.
    const reads = nodes.map((node) => (hints?.unchanged(node) ? cardReads.get(node) : undefined));
    const parents = nodes.map((node) => node.parentElement);
    // The cards' container, when it holds them all and nothing else (React Flow's node layer): a
    // change inside it changes only cards.
    const first = parents[0]!;
    if (first && parents.every((p) => p === first) && first.childElementCount === nodes.length) canvas = first;
    // Many cards to read in such a container: one query there finds the signs of all of them (in
    // page order, a card's own first) instead of two calls a card, and only a sign that says
    // something is traced to its card.
    let problemsOf: Map<Element, string[]> | undefined;
    let toRead = 0;
    for (const read of reads) if (!read) toRead++;
    if (canvas && toRead >= BULK) {
      problemsOf = new Map();
      for (const sign of canvas.querySelectorAll(SIGNS)) {
        const text = signText(sign);
        const node = text === null ? null : sign.closest(nodeSelector);
        if (!node) continue;
        const list = problemsOf.get(node);
        if (list) list.push(text!);
        else problemsOf.set(node, [text!]);
      }
    }
    // Cards are absolutely placed siblings: ask the browser about their container once. Every card
    // in a shown container is a step, including one React Flow has not measured yet (it keeps such a
    // node at `visibility: hidden` for a frame or two): a pan would otherwise ask the style of every
    // card on every pass, since inline styles are not watched. Only a card that anchors a hint is
    // asked whether it shows (a hint sits inside its card and would be hidden with it).
    const containers = new Map<Element | null, boolean>();
    const inShownContainer = (parent: Element | null) => {
      let ok = containers.get(parent);
      if (ok === undefined) containers.set(parent, (ok = parent ? isShown(parent) : true));
      return ok;
    };
    const seen = new Set<string>();
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      let read = reads[i];
      if (!read) {
        const raw = node.getAttribute('data-id');
        if (raw === null) continue;
        cardReads.set(node, (read = readCard(node, raw, problemsOf ? (problemsOf.get(node) ?? []) : problemsIn(node))));
      }
      const { step } = read;
      if (!step || read.hidden || seen.has(step.id) || !inShownContainer(parents[i] ?? null)) continue;
      seen.add(step.id);
      generation ??= read.card.className.includes?.('msla-') || read.card.querySelector('[class*="msla-"]') ? 'v1' : 'v2';
      steps.push(step);
      if ((step.connectionProblem || step.errorText !== null) && isShown(read.card)) {
        anchors[`step:${step.id}`] = read.card;
        beside.push(`step:${step.id}`);
      }
    }
  } else {
    const classic = [...doc.querySelectorAll('.msla-designer .msla-card, .msla-card')];
    if (classic.length === 0) return null;
    generation = 'classic';
    for (const card of classic) {
      if (!isShown(card)) continue;
      const title = normalize(card.querySelector('.msla-card-title')?.textContent) || null;
      const id = (title ?? `step_${steps.length + 1}`).replace(/\s+/g, '_');
      const problems = problemsIn(card);
      const errorText = problems.length ? problems.join(' · ') : null;
      steps.push({ id, title, connectionProblem: errorText !== null && CONNECTION_PROBLEM.test(errorText), errorText });
      anchors[`step:${id}`] = card;
    }
  }
  const observation: FlowDesigner = { kind: 'flowDesigner', steps };
  if (generation) observation.generation = generation;
  return { observation, anchors, beside, canvas };
}

const CARD = '[id^="msla-node-"], [data-automation-id^="card-"]';
const ERROR_TEXT = '.msla-panel-card-error-text, [role="alert"], [data-automation-id*="error"]';
const LABELLED = '[title], [aria-label], img[alt]';
/** Elements that may show a problem: error text, and labelled badges other than the card itself (its name). */
const SIGNS = `${ERROR_TEXT}, :is(${LABELLED}):not(${CARD})`;

/** The error or warning one sign shows: v1 error banner text, or a badge's title / label / alt that says so. */
function signText(el: Element): string | null {
  if (el.matches(ERROR_TEXT)) return normalize(el.textContent) || null;
  const t = el.getAttribute('title') || el.getAttribute('aria-label') || el.getAttribute('alt') || '';
  return CONNECTION_PROBLEM.test(t) || /^errors?\b|エラー|erreurs?/i.test(t) ? normalize(t) : null;
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
  const candidates = [...doc.querySelectorAll('input[aria-label], [role="textbox"][aria-label], [data-automation-id="flow-name"], h1')].filter(
    (el) => (el.localName === 'h1' || el.getAttribute('data-automation-id') === 'flow-name' || FLOW_NAME_LABELS.has(labelKey(el.getAttribute('aria-label')))) && !inCard(el),
  );
  const el = firstShown(candidates.filter((c) => c.localName !== 'h1')) ?? firstShown(candidates);
  if (!el) return undefined;
  const text = normalize((el as HTMLInputElement).value ?? el.textContent) || normalize(el.textContent);
  return text ? { text, anchor: el.parentElement ?? el } : undefined;
}

/** Inside a designer step card (a React Flow node), whichever way the nodes are marked. */
export const inCard = (el: Element): boolean => el.closest(`.${NODE_CLASS}, ${NODE_BY_TESTID}`) !== null;
