/**
 * Where a hint goes in the page's flow. Never inside an interactive element (its clicks would
 * toggle the page's checkbox or follow its link): after it. Never squeezed: where its place is
 * narrower than READABLE_WIDTH, below the field's row at the width of its section; in a table,
 * after the table (a hint in a row would be a cell of its own); where neither can be had, the hint
 * is a marker whose text opens in a popover.
 */

/** The narrowest a one-line hint reads well (px): about 40 characters of its 13 px type. */
export const READABLE_WIDTH = 280;

/** Elements whose default action a click inside them triggers, or that assistive technology flattens. */
export const INTERACTIVE =
  'label, a[href], button, summary, select, textarea, input, [role="button"], [role="link"], [role="checkbox"], [role="switch"], [role="option"], [role="menuitem"], [role="tab"], [contenteditable=""], [contenteditable="true"]';

const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col']);

/** How far up from the field a section wide enough is looked for. */
const MAX_UP = 6;

export interface Place {
  parent: Node;
  /** Insert before this node (null: at the end of `parent`). */
  before: Node | null;
  /** Too narrow everywhere near: show the icon, its text in a popover. */
  marker: boolean;
}

const width = (el: Element) => el.getBoundingClientRect().width;
/** Narrow only when measured: without layout (a test DOM) nothing is. */
const narrow = (el: Element) => {
  const w = width(el);
  return w > 0 && w < READABLE_WIDTH;
};

/** The outermost interactive element around `el` (itself included), below the body. */
function outermostInteractive(el: Element): Element | null {
  let found: Element | null = null;
  for (let n: Element | null = el.closest(INTERACTIVE); n; n = n.parentElement?.closest(INTERACTIVE) ?? null) found = n;
  return found;
}

const after = (el: Element): Place => ({ parent: el.parentNode!, before: el.nextSibling, marker: false });

export function placeFor(anchor: Element): Place {
  const view = anchor.ownerDocument.defaultView;
  // In a table: after the whole table, at its width.
  const table = TABLE_PARTS.has(anchor.localName) || anchor.closest('td, th') ? anchor.closest('table') : null;
  if (table?.parentNode) return after(outermostInteractive(table) ?? table);
  const control = outermostInteractive(anchor);
  let place: Place = control?.parentNode ? after(control) : { parent: anchor, before: null, marker: false };
  const home = place.parent as Element;
  if (!view || home.nodeType !== 1 || !narrow(home)) return place;
  // Below the field's row: after the child of the nearest wide section that holds the field, where
  // that section lays its children one under another (in a flex row it would squeeze its columns).
  let child: Element = control ?? anchor;
  for (let p = child.parentElement, i = 0; p && i < MAX_UP && p !== anchor.ownerDocument.body; p = p.parentElement, i++) {
    if (p.closest(INTERACTIVE) || p.matches('[role="grid"], [role="treegrid"], [role="table"], [role="row"], [role="rowgroup"], ul, ol, dl')) break;
    const display = view.getComputedStyle(p).display;
    if (width(p) >= READABLE_WIDTH && (display === 'block' || display === 'flow-root' || display === 'list-item')) return { parent: p, before: child.nextSibling, marker: false };
    child = p;
  }
  place = { ...place, marker: true };
  return place;
}
