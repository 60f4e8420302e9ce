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

/** Seven calls into the page per card (a pan re-creates cards by the hundred; each one is read anew). */
function readCard(node: Element, raw: string): CardRead {
  const card = node.querySelector(CARD) ?? node;
  const hidden = node.hasAttribute('hidden');
  const title = normalize(card.querySelector('.panel-msla-title, [data-automation-id$="-title"]')?.textContent) || card.getAttribute('data-automation-id')?.replace(/^card-/, '').replace(/_/g, ' ') || null;
  const id = actionName(raw);
  if (!id || raw.includes('-#subgraph')) return { card, step: null, hidden };
  const errorText = problemText(node);
  return { card, step: { id, title, connectionProblem: errorText !== null && CONNECTION_PROBLEM.test(errorText), errorText }, hidden };
}

export function readDesigner(doc: Document, hints?: ReadHints): { observation: FlowDesigner; anchors: Record<string, Element> } | null {
  const anchors: Record<string, Element> = {};
  const steps: FlowDesigner['steps'] = [];
  let generation: FlowDesigner['generation'];

  // React Flow gives every node this class (both generations); the test id is the fallback.
  const byClass = doc.getElementsByClassName('react-flow__node');
  const nodes = byClass.length > 0 ? byClass : doc.querySelectorAll('[data-testid^="rf__node-"][data-id]');
  if (nodes.length > 0) {
    // Cards are absolutely placed siblings: ask the browser about their container once. Every card
    // in a shown container is a step, including one React Flow has not measured yet (it keeps such a
    // node at `visibility: hidden` for a frame or two): a pan would otherwise ask the style of every
    // card on every pass, since inline styles are not watched. Only a card that anchors a hint is
    // asked whether it shows (a hint sits inside its card and would be hidden with it).
    const containers = new Map<Element | null, boolean>();
    const inShownContainer = (node: Element) => {
      const parent = node.parentElement;
      let ok = containers.get(parent);
      if (ok === undefined) containers.set(parent, (ok = parent ? isShown(parent) : true));
      return ok;
    };
    const seen = new Set<string>();
    for (const node of nodes) {
      // A card read before and unchanged since (its `data-id` and `hidden` included: the runner
      // watches both) is taken as read; a pan re-reads only the cards it re-created.
      let read = hints?.unchanged(node) ? cardReads.get(node) : undefined;
      if (!read) {
        const raw = node.getAttribute('data-id');
        if (raw === null) continue;
        cardReads.set(node, (read = readCard(node, raw)));
      }
      const { step } = read;
      if (!step || read.hidden || seen.has(step.id) || !inShownContainer(node)) continue;
      seen.add(step.id);
      generation ??= read.card.className.includes?.('msla-') || read.card.querySelector('[class*="msla-"]') ? 'v1' : 'v2';
      steps.push(step);
      if ((step.connectionProblem || step.errorText !== null) && isShown(read.card)) anchors[`step:${step.id}`] = read.card;
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

const CARD = '[id^="msla-node-"], [data-automation-id^="card-"]';
const ERROR_TEXT = '.msla-panel-card-error-text, [role="alert"], [data-automation-id*="error"]';
const LABELLED = '[title], [aria-label], img[alt]';
const SIGNS = `${ERROR_TEXT}, ${LABELLED}`;

/** The error or warning one element shows: v1 error banner text, or a badge's title / label / alt that says so. */
function signText(el: Element): string | null {
  if (el.matches(ERROR_TEXT)) return normalize(el.textContent) || null;
  if (el.matches(CARD)) return null; // the card's own name
  const t = el.getAttribute('title') || el.getAttribute('aria-label') || el.getAttribute('alt') || '';
  return CONNECTION_PROBLEM.test(t) || /^errors?\b|エラー|erreurs?/i.test(t) ? normalize(t) : null;
}

/**
 * Error and warning text a card shows (banner text, badges' titles and labels, its own included).
 * Read for every card a designer re-creates while it is panned: one query for the card's signs,
 * and one test of the card itself, so a card without any costs two calls into the page.
 */
function problemText(card: Element): string | null {
  let parts: string[] | null = null;
  for (const el of card.matches(SIGNS) ? [card, ...card.querySelectorAll(SIGNS)] : card.querySelectorAll(SIGNS)) {
    const text = signText(el);
    if (text) (parts ??= []).push(text);
  }
  return parts ? parts.join(' · ') : null;
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
