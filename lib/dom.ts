/**
 * DOM helpers that readers and the hint layer share: pure, they take elements and never touch
 * `browser.*`.
 */

/**
 * Whether an element is part of what the user can see: not inside a `hidden`, `display:none`
 * or `visibility:hidden` ancestor. Works without layout (unit tests) and with it (browsers).
 */
export function isShown(el: Element): boolean {
  // The browser's own check (one style lookup, through shadow roots) when it has one.
  const native = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof native === 'function') return !el.closest('[hidden]') && native.call(el, { visibilityProperty: true });
  const view = el.ownerDocument.defaultView;
  for (let n: Element | null = el; n; n = n.parentElement ?? hostOf(n)) {
    if (n.hasAttribute('hidden')) return false;
    const style = (n as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
    if (view) {
      const cs = view.getComputedStyle(n);
      if (cs.display === 'none' || cs.visibility === 'hidden') return false;
    }
  }
  return true;
}

function hostOf(n: Element): Element | null {
  const root = n.getRootNode();
  return root && 'host' in root ? (root as ShadowRoot).host : null;
}

/** A node of Power Automate's React Flow canvas: older builds mark it by class, newer by test id. */
export const FLOW_NODE_CLASS = 'react-flow__node';
export const FLOW_NODE_TESTID = '[data-testid^="rf__node-"]';
export const FLOW_NODE = `.${FLOW_NODE_CLASS}, ${FLOW_NODE_TESTID}`;
/** The card inside a canvas node. */
export const FLOW_CARD = '[id^="msla-node-"], [data-automation-id^="card-"]';
/** A node's action key (`data-id`), without the suffix a node inside a scope carries (`-#…`). */
export const actionName = (nodeId: string): string => nodeId.replace(/-#.*$/, '');
