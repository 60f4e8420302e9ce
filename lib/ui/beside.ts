/**
 * Hints beside cards: for anchors on a canvas of absolutely placed nodes (the flow designer's step
 * cards), a hint inside the card would make it taller and the next card would paint over it. Such a
 * hint is a manual popover at the end of the card's landmark (`homeOf`), shown with the card as its
 * `source` and placed by CSS anchor positioning (./beside.css), never over the page's own interface. Only the Power Automate content script uses this, so the
 * other apps' scripts do not carry it (`HintLayer` takes it as an option).
 */
import { FLOW_NODE, isShown } from '../dom';
import css from './beside.css?inline';
import { isOurs } from './hosts';

/** What the layer keeps of a hint that this module places. */
export interface BesideHint {
  host: HTMLElement;
  anchor: Element;
  /** Shown beside its anchor (false once the browser proved unable: then it is inside the anchor). */
  beside: boolean;
  /** The nearest ancestor of the anchor that clips it (null: none; unset: not looked up yet). */
  clip?: Element | null;
  /** Its width when last seen whole (a compact hint shows only its icon). */
  full?: number;
}

/** Below this zoom of the canvas, a hint beside a card shows as its icon until pointed at or focused. */
export const COMPACT_BELOW = 0.75;

/** A hint beside a card is never made shorter than this to stay inside its canvas (px); taller, it scrolls as a whole. */
const MIN_ROOM = 160;

/** The widest a hint beside a card gets (./beside.css: `max-width`), in a window `width` wide. */
const widest = (width: number) => Math.min(360, width - 24);

/** The nearest ancestor that clips an element's overflow, below the page's body. */
function clipOf(el: Element, view: Window): Element | null {
  for (let n = el.parentElement; n && n !== el.ownerDocument.body && n !== el.ownerDocument.documentElement; n = n.parentElement) {
    if (view.getComputedStyle(n).overflowX !== 'visible') return n;
  }
  return null;
}

/**
 * Landmarks, by role or by the element that has one (not `header` and `footer`: theirs depends on
 * where they are). A hint beside a card goes in its card's landmark, so that whoever moves through
 * the page by landmarks finds it there (axe: region).
 */
const LANDMARK =
  'main, [role="main"], nav, [role="navigation"], aside, [role="complementary"], [role="region"][aria-label], [role="region"][aria-labelledby], section[aria-label], section[aria-labelledby], form[aria-label], form[aria-labelledby], [role="search"], search, [role="banner"], [role="contentinfo"]';
/** Where a hint must not be put: inside a card, or a control (see `adopt`). */
const CARD_OR_CONTROL = `${FLOW_NODE}, a[href], button, [role="button"], [role="link"], [role="option"], [role="menuitem"], [role="treeitem"], [role="gridcell"]`;

/** The nearest landmark around an anchor that is not itself in a card or control; else the body. */
export function homeOf(anchor: Element): Element {
  const doc = anchor.ownerDocument;
  for (let n = anchor.parentElement?.closest(LANDMARK); n; n = n.parentElement?.closest(LANDMARK))
    if (!n.closest(CARD_OR_CONTROL)) return n;
  return doc.body ?? doc.documentElement;
}

/** A modal dialog the page has open (ARIA, or a native `<dialog>` shown modally), if any. */
function openModal(doc: Document): Element | null {
  for (const el of doc.querySelectorAll('[aria-modal="true"], [role="alertdialog"]')) if (!isOurs(el) && isShown(el)) return el;
  try {
    return doc.querySelector('dialog:modal');
  } catch {
    return null; // a browser without `:modal`
  }
}

/**
 * Shows a hint's host in the top layer beside its anchor (the anchor is the popover's implicit
 * anchor, so no name or style is set on the page's element). The browser keeps it beside the anchor
 * while the page moves it (a designer pan), and hides it while the anchor is clipped out of view or
 * gone (`position-visibility`). False, and nothing shown, when the browser cannot: no anchor
 * positioning, or `showPopover` ignores its `source` (older than Chromium 133; the getter below
 * tells, without sniffing a version).
 */
function showBeside(host: HTMLElement, anchor: Element): boolean {
  const view = host.ownerDocument.defaultView;
  const HTMLElementCtor = view?.HTMLElement;
  if (!view || !HTMLElementCtor || !(anchor instanceof HTMLElementCtor) || typeof host.showPopover !== 'function') return false;
  if (!view.CSS?.supports?.('position-area', 'span-block-end inline-end') || !view.CSS.supports('position-visibility', 'anchors-visible'))
    return false;
  host.setAttribute('popover', 'manual');
  let sourceRead = false;
  try {
    // TypeScript's DOM types still say `showPopover()` takes nothing.
    (host.showPopover as (options: { source: HTMLElement }) => void).call(host, {
      get source() {
        sourceRead = true;
        return anchor;
      },
    });
  } catch {
    // not connected, or already shown: fall through
  }
  if (sourceRead && host.matches(':popover-open')) return true;
  if (host.matches(':popover-open')) host.hidePopover();
  host.removeAttribute('popover');
  return false;
}

export class Beside {
  /** The hint shown most recently: the one on top where hints beside cards overlap. */
  private top: BesideHint | null = null;
  /** Canvases we listen to for the end of a pan or zoom (to choose sides again), until `clear()`. */
  private watched = new WeakSet<Element>();
  /** Whether the window's resize is listened to (once, until `clear()`). */
  private windowWatched = false;
  private watching = new AbortController();
  private sidesTimer: ReturnType<typeof setTimeout> | undefined;
  private hints = new Set<BesideHint>();

  constructor(private readonly doc: Document) {}

  /**
   * Takes a new hint's host, if this browser has popovers at all: at the end of the card's landmark
   * (`homeOf`; the body where it has none), not inside the card (there it would be an interactive
   * control nested in the card's button, which assistive technology flattens, and its clicks would
   * reach the card), closed until `place` shows it. `source` still
   * puts it after the card in the focus order; while the card is gone (a pan re-creates it) the
   * browser hides it, and the next pass moves it to the new card. False: the caller puts it inside
   * its anchor, as any other hint.
   */
  adopt(hint: BesideHint): boolean {
    const { host } = hint;
    if (typeof host.showPopover !== 'function') return false;
    const style = this.doc.createElement('style');
    style.textContent = css;
    host.shadowRoot?.append(style);
    homeOf(hint.anchor).appendChild(host);
    host.setAttribute('popover', 'manual');
    hint.beside = true;
    // The hint someone reaches for comes to the top (an open "How to fix" is taller than the gap
    // between two cards, and the next card's hint may sit over it).
    host.addEventListener('pointerdown', () => this.raise(hint), { capture: true, passive: true });
    host.addEventListener('focusin', () => this.raise(hint), { passive: true });
    this.hints.add(hint);
    return true;
  }

  forget(hint: BesideHint): void {
    this.hints.delete(hint);
    if (this.top === hint) this.top = null;
  }

  /**
   * At each pass: shows the hints beside their anchors, except while the page has a modal dialog
   * open that does not hold their anchor (the top layer is above every z-index, and a hint must never
   * cover the page's own dialog); shows again one the page closed (a page that closes every popover
   * it finds closes ours too); and chooses each one's side.
   */
  place(): void {
    let modal: Element | null | undefined;
    for (const m of this.hints) {
      if (!m.beside) continue;
      if (modal === undefined) modal = openModal(this.doc);
      const covered = modal !== null && !modal.contains(m.anchor);
      const open = m.host.matches(':popover-open');
      if (covered) {
        if (open) m.host.hidePopover();
        continue;
      }
      // The page's own panel (or menu) over the card: the card is out of sight, and so is its hint.
      if (this.cardUnderPage(m)) {
        if (open) m.host.hidePopover();
        continue;
      }
      if (!open) this.show(m);
      if (m.beside) this.fit(m);
    }
  }

  /** Stops listening to the page (record changed, extension invalidated). */
  clear(): void {
    this.hints.clear();
    this.top = null;
    this.watching.abort();
    this.watching = new AbortController();
    this.watched = new WeakSet();
    this.windowWatched = false;
    clearTimeout(this.sidesTimer);
  }

  private show(m: BesideHint): void {
    m.beside = showBeside(m.host, m.anchor);
    if (m.beside) this.top = m;
    else if (m.host.parentNode !== m.anchor) m.anchor.appendChild(m.host); // the browser cannot: inside the card after all
  }

  /** Shows a hint again, which puts it on top of the others; focus stays where it was in it. */
  private raise(m: BesideHint): void {
    if (this.top === m || !m.beside || !m.host.matches(':popover-open')) return;
    const focused = m.host.shadowRoot?.activeElement as HTMLElement | null | undefined;
    m.host.hidePopover();
    this.show(m);
    if (focused?.isConnected && m.host.shadowRoot?.activeElement !== focused) focused.focus({ preventScroll: true });
  }

  /**
   * Its side (by the room its whole width needs), then its size: its icon alone over a canvas zoomed
   * far out, or where neither side has room; then, shown there, it must not cover the page's own
   * controls: where it would (a side panel the designer opens over its canvas), it is hidden until
   * the next pass or pan finds room, unless the user is in it.
   */
  private fit(m: BesideHint): void {
    const zoomedOut = this.zoomedOut(m);
    const cramped = this.chooseSide(m);
    const compact = zoomedOut || cramped;
    if (m.host.hasAttribute('data-compact') !== compact) m.host.toggleAttribute('data-compact', compact);
    if (m.host.matches(':popover-open:not(:hover):not(:focus-within)') && this.overPage(m)) m.host.hidePopover();
  }

  /**
   * The page's topmost element at a point, below our own hosts (null: nothing of the page there, or
   * a browser without `elementsFromPoint`).
   */
  private pageAt(x: number, y: number): Element | null {
    const all = typeof this.doc.elementsFromPoint === 'function' ? this.doc.elementsFromPoint(x, y) : [];
    for (const el of all) if (!isOurs(el)) return el;
    return null;
  }

  /**
   * Whether an element found over the canvas is the page's own interface on top of it (neither in
   * the canvas nor around it: a panel, a menu, a toolbar), rather than the canvas or its background.
   */
  private static foreign(el: Element | null, canvas: Element): boolean {
    return el !== null && !canvas.contains(el) && !el.contains(canvas);
  }

  /** The card's middle lies under the page's own interface (only known on a canvas that clips). */
  private cardUnderPage(m: BesideHint): boolean {
    if (!m.clip) return false;
    const a = m.anchor.getBoundingClientRect();
    if (a.width === 0 || a.height === 0) return false;
    return Beside.foreign(this.pageAt(a.left + a.width / 2, a.top + Math.min(a.height / 2, 20)), m.clip);
  }

  /** The shown hint lies over the page's own interface (see `pageOver`). */
  private overPage(m: BesideHint): boolean {
    if (!m.clip) return false;
    const h = m.host.getBoundingClientRect();
    return this.pageOver(h.left, h.top, h.width, h.height, m.clip);
  }

  /**
   * Whether the page's own interface lies over a box on the canvas: at its middle or near one of its
   * corners (five hit tests; a panel or menu is larger than the gaps between them).
   */
  private pageOver(left: number, top: number, width: number, height: number, canvas: Element): boolean {
    if (width <= 0 || height <= 0) return false;
    const inset = Math.min(4, width / 2, height / 2);
    const right = left + width;
    const bottom = top + height;
    const points: [number, number][] = [
      [left + width / 2, top + height / 2],
      [left + inset, top + inset],
      [right - inset, top + inset],
      [left + inset, bottom - inset],
      [right - inset, bottom - inset],
    ];
    return points.some(([x, y]) => Beside.foreign(this.pageAt(x, y), canvas));
  }

  /**
   * Which side of its card a hint goes: before it (the stylesheet's first choice) when it fits
   * there inside the element that clips the card (the designer's canvas), else the side with more
   * room; level with the card's top and down, or up from its bottom when only that fits. The browser
   * only knows the window: without this, a card near the canvas's edge would put its hint over the
   * app's navigation beside the canvas; nor where the page has its own panel over the canvas (then
   * the other side, if it has room). Chosen at each pass and when a pan or zoom ends, not when the
   * hint itself grows (that would move the "How to fix" just clicked away from the pointer): what
   * the canvas has on the chosen side caps its height instead (`--cosell-room`, at least MIN_ROOM).
   * True when neither side has room for the whole hint (a narrow canvas: the page's panel open, a
   * small window, a large zoom): the hint would cover its own card, so it is then its icon until
   * pointed at or focused, on the side with more room.
   */
  private chooseSide(m: BesideHint): boolean {
    const view = this.doc.defaultView;
    if (!view) return false;
    if (m.clip === undefined) {
      m.clip = clipOf(m.anchor, view);
      if (m.clip) this.watchCanvas(m.clip);
    }
    let side = 'start';
    let block = 'down';
    let room: number | null = null;
    let cramped = false;
    if (m.clip) {
      const a = m.anchor.getBoundingClientRect();
      const c = m.clip.getBoundingClientRect();
      const shown = m.host.getBoundingClientRect();
      // Shown as its icon, the hint's whole width is the one last seen (or the widest it gets).
      const iconOnly = m.host.hasAttribute('data-compact') && !m.host.matches(':hover, :focus-within');
      if (!iconOnly && shown.width > 0) m.full = shown.width;
      const own = { width: iconOnly ? (m.full ?? widest(view.innerWidth)) : shown.width, height: shown.height };
      const rtl = view.getComputedStyle(m.host).direction === 'rtl';
      const before = rtl ? c.right - a.right : a.left - c.left;
      const after = rtl ? a.left - c.left : c.right - a.right;
      const below = c.bottom - a.top;
      const above = a.bottom - c.top;
      if (below < own.height && above > below) block = 'up';
      room = Math.max(MIN_ROOM, Math.floor((block === 'up' ? above : below) - 8));
      // A side has room when the canvas has it and the page's own interface (a panel over the
      // canvas) is nowhere in the box the hint would take there: level with the card's top and
      // down, or up from its bottom, as tall as it is (within the canvas).
      const clip = m.clip;
      const height = Math.min(own.height, room);
      const top = Math.max(c.top, block === 'up' ? a.bottom - height : a.top);
      const bottom = Math.min(c.bottom, top + height);
      const fits = (space: number, left: number) => space >= own.width + 8 && !this.pageOver(left, top, own.width, bottom - top, clip);
      const startLeft = rtl ? a.right + 8 : a.left - 8 - own.width;
      const endLeft = rtl ? a.left - 8 - own.width : a.right + 8;
      if (!fits(before, startLeft) && (fits(after, endLeft) || (before < own.width + 8 && after > before))) side = 'end';
      cramped = before < own.width + 8 && after < own.width + 8;
    }
    const place = `${side} ${block}`;
    if (m.host.getAttribute('data-side') !== place) m.host.setAttribute('data-side', place);
    // The hint grows where it was placed (an opened "How to fix"): no taller than the canvas has room
    // for on that side, so that it scrolls inside itself rather than cover what is below the canvas.
    const height = room === null ? '' : `${room}px`;
    if (m.host.style.getPropertyValue('--cosell-room') !== height) {
      if (height) m.host.style.setProperty('--cosell-room', height);
      else m.host.style.removeProperty('--cosell-room');
    }
    return cramped;
  }

  /**
   * Over a canvas zoomed out below COMPACT_BELOW, a card is a fraction of its size and a hint of full
   * size beside it would cover its neighbours: the hint is then its icon until pointed at or
   * focused (./beside.css; it reads the same to assistive technology). The zoom is the card's size
   * on screen over its own (React Flow scales the whole canvas with one transform).
   */
  private zoomedOut(m: BesideHint): boolean {
    const el = m.anchor as HTMLElement;
    const own = el.offsetWidth;
    return own > 0 && el.getBoundingClientRect().width / own < COMPACT_BELOW;
  }

  /**
   * A pan or zoom moves the cards without changing the page's DOM (React Flow sets one transform),
   * so no pass follows it: the canvas's own pointer-up and wheel events, once they stop for a moment,
   * place the hints again (size, side, and whether the page's own interface is over them); so does
   * the window's resize (a smaller window or a larger browser zoom narrows the canvas).
   */
  private watchCanvas(canvas: Element): void {
    if (this.watched.has(canvas)) return;
    this.watched.add(canvas);
    const again = () => {
      clearTimeout(this.sidesTimer);
      // All of them, not only those shown: one hidden under the page's panel may have room now.
      this.sidesTimer = setTimeout(() => this.place(), 150);
    };
    const options = { passive: true, signal: this.watching.signal };
    for (const type of ['pointerup', 'wheel'] as const) canvas.addEventListener(type, again, options);
    if (!this.windowWatched) {
      this.windowWatched = true;
      this.doc.defaultView?.addEventListener('resize', again, options);
    }
  }
}
