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

interface Slot {
  parent: Node;
  /** Insert before this node (null: at the end of `parent`). */
  before: Node | null;
}

/** The outermost interactive element around `el` (itself included), below the body. */
function outermostInteractive(el: Element): Element | null {
  let found: Element | null = null;
  for (let n: Element | null = el.closest(INTERACTIVE); n; n = n.parentElement?.closest(INTERACTIVE) ?? null) found = n;
  return found;
}

const after = (el: Element): Slot => ({ parent: el.parentNode!, before: el.nextSibling });

/** Containers whose children a hint must not join (a row of a grid, a list's items). */
const NOT_A_HOME =
  '[role="grid"], [role="treegrid"], [role="table"], [role="row"], [role="rowgroup"], [role="list"], ul, ol, dl, select, datalist';

/**
 * Where a hint may go, best first: in the field's own container, then below it, then below each
 * container around it (the field's row, its section); never inside an interactive element or a
 * table, list or grid row.
 */
export function slotsFor(anchor: Element): Slot[] {
  const table = TABLE_PARTS.has(anchor.localName) || anchor.closest('td, th') ? anchor.closest('table') : null;
  if (table?.parentNode) return [after(outermostInteractive(table) ?? table)];
  const control = outermostInteractive(anchor);
  const view = anchor.ownerDocument.defaultView;
  // A grid or flex container places a new child as a cell or column of its own: not a home. Past
  // one, the hint would leave the field's column (a marker reads better than a hint far away).
  const laysOut = (el: Element) => /^(?:inline-)?(?:grid|flex)$/.test(view?.getComputedStyle(el).display ?? '');
  const slots: Slot[] = control || laysOut(anchor) ? [] : [{ parent: anchor, before: null }];
  const body = anchor.ownerDocument.body;
  for (
    let child: Element = control ?? anchor, i = 0;
    i < MAX_UP && child.parentElement && child !== body && child.parentElement !== body;
    child = child.parentElement, i++
  ) {
    const p = child.parentElement;
    if (p.closest(INTERACTIVE) || laysOut(p)) break;
    if (!p.matches(NOT_A_HOME)) slots.push(after(child));
    else if (i > 0 || control) break;
  }
  // Nowhere in the flow: inside the field after all, as a marker.
  if (slots.length === 0 && !control) slots.push({ parent: anchor, before: null });
  if (slots.length === 0 && control?.parentNode) slots.push(after(control));
  return slots;
}

/**
 * Puts `host` in the first slot where it gets READABLE_WIDTH (measured in place: a page's grid or
 * flex row decides what a child gets); where none does, in the first slot as a marker. True: a marker.
 * `small`: it is a marker anyway (info), and takes the first slot.
 * Without layout (the anchor has no width: hidden, or a test DOM) the first slot is taken.
 */
export function place(host: HTMLElement, anchor: Element, small = false): boolean {
  const slots = slotsFor(anchor);
  // A marker needs no room: it goes in the first slot, next to its field.
  const laidOut = !small && anchor.getBoundingClientRect().width > 0;
  for (const slot of slots) {
    if (host.parentNode !== slot.parent || host.nextSibling !== slot.before) slot.parent.insertBefore(host, slot.before);
    if (!laidOut || host.getBoundingClientRect().width >= READABLE_WIDTH) return false;
  }
  const first = slots[0];
  if (first) first.parent.insertBefore(host, first.before);
  return true;
}

/** Whether a host placed earlier still has its room (else it is placed again); unknown without layout. */
export function stillFits(host: HTMLElement, anchor: Element): boolean {
  return anchor.getBoundingClientRect().width === 0 || host.getBoundingClientRect().width >= READABLE_WIDTH;
}
