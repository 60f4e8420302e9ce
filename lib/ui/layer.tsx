/**
 * Puts findings on the page: one `<cosell-hint>` beside each anchored field, one `<cosell-panel>`
 * for the rest. Each host has an open shadow root (page CSS stays out, ours stays in) and is the
 * only thing we ever add to the page. Rendering is idempotent: a pass that changes nothing touches
 * nothing, so the page's own observers are not woken by us.
 */
import { render } from 'preact';
import type { Finding } from '../model/finding';
import type { Translator } from '../i18n';
import { isShown } from '../readers/dom';
import { HintCard, Panel } from './Hint';
import css from './hint.css?inline';

/** Every host we create (DESIGN: `cosell-*` shadow hosts). */
export const HOST_TAGS = ['cosell-hint', 'cosell-panel'] as const;
const HOSTS = HOST_TAGS.join(', ');
/**
 * Whether a node is one of our hosts or inside one. The runner asks this for every mutation record,
 * so it is one native `closest` rather than a walk up the tree in script.
 */
export const isOurs = (n: Node | null): boolean => (n?.nodeType === 1 ? (n as Element) : (n?.parentElement ?? null))?.closest(HOSTS) != null;
/** Whether an element is one of our hosts (not what is inside one). */
export const isHost = (el: Element): boolean => (HOST_TAGS as readonly string[]).includes(el.localName);

interface Mounted {
  host: HTMLElement;
  mount: HTMLElement;
  anchor: Element;
  json: string;
  /** Shown in the top layer beside its anchor (see `showBeside`), not inside it. */
  beside: boolean;
  /** The nearest ancestor of the anchor that clips it (null: none; unset: not looked up yet). */
  clip?: Element | null;
}

/** The nearest ancestor that clips an element's overflow, below the page's body. */
function clipOf(el: Element, view: Window): Element | null {
  for (let n = el.parentElement; n && n !== el.ownerDocument.body && n !== el.ownerDocument.documentElement; n = n.parentElement) {
    if (view.getComputedStyle(n).overflowX !== 'visible') return n;
  }
  return null;
}

/**
 * Events that stop at a hint's host. A hint sits inside the page's own control (a form field, a
 * designer card): a click on "How to fix" must not also open the card's panel, start a drag of the
 * node, zoom the canvas on a double click or a wheel, or put a field into edit mode.
 */
const OWN_EVENTS = ['keydown', 'keyup', 'keypress', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'dblclick', 'touchstart', 'touchend', 'wheel'] as const;

/**
 * Shows a hint's host in the top layer, placed beside its anchor by CSS anchor positioning (the
 * anchor is the popover's implicit anchor, so no name or style is set on the page's element). The
 * browser keeps it beside the anchor while the page moves it (a designer pan), and hides it while the
 * anchor is clipped out of view (`position-visibility`). False, and nothing shown, when the browser
 * cannot: it has no popovers or no anchor positioning, or it ignores `showPopover`'s `source` (older
 * than Chromium 133; the getter below tells, without sniffing a version).
 */
function showBeside(host: HTMLElement, anchor: Element): boolean {
  const view = host.ownerDocument.defaultView;
  const HTMLElementCtor = view?.HTMLElement;
  if (!view || !HTMLElementCtor || !(anchor instanceof HTMLElementCtor) || typeof host.showPopover !== 'function') return false;
  if (!view.CSS?.supports?.('position-area', 'span-block-end inline-end') || !view.CSS.supports('position-visibility', 'anchors-visible')) return false;
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

/** A modal dialog the page has open (ARIA, or a native `<dialog>` shown modally), if any. */
function openModal(doc: Document): Element | null {
  for (const el of doc.querySelectorAll('[aria-modal="true"], [role="alertdialog"]')) if (!isOurs(el) && isShown(el)) return el;
  try {
    return doc.querySelector('dialog:modal');
  } catch {
    return null; // a browser without `:modal`
  }
}

const keyOf = (f: Finding) => `${f.rule}|${f.field ?? ''}`;
const RANK: Record<Finding['severity'], number> = { info: 0, warning: 1, error: 2 };

export class HintLayer {
  private hints = new Map<string, Mounted>();
  /** The hint shown beside its anchor most recently: the one on top where hints beside cards overlap. */
  private top: Mounted | null = null;
  /** Canvases we listen to for the end of a pan or zoom (to choose sides again), until `clear()`. */
  private watched = new WeakSet<Element>();
  private watching = new AbortController();
  private sidesTimer: ReturnType<typeof setTimeout> | undefined;
  private panel: { host: HTMLElement; mount: HTMLElement; json: string } | null = null;
  private dismissed = new Set<string>();
  private panelCollapsed = false;
  private last: { findings: Finding[]; anchors: Record<string, Element>; recordKey: string; beside: readonly string[] } | null = null;

  constructor(
    private readonly doc: Document,
    private readonly t: Translator,
  ) {}

  /**
   * `beside` names the anchors (by field) that sit on a canvas of absolutely placed nodes, such as
   * the flow designer's step cards: a hint inside one would grow the card under the next one, so it
   * is shown beside it instead, where the browser can (else inside it, as for any other anchor).
   */
  update(findings: Finding[], anchors: Record<string, Element>, recordKey: string, beside: readonly string[] = []): void {
    this.last = { findings, anchors, recordKey, beside };
    const visible = findings.filter((f) => !this.dismissed.has(`${recordKey}|${keyOf(f)}`));
    const inline = new Map<string, { f: Finding; anchor: Element; float: boolean }>();
    const loose: Finding[] = [];
    for (const f of visible) {
      const anchor = f.field ? anchors[f.field] : undefined;
      if (anchor?.isConnected) inline.set(keyOf(f), { f, anchor, float: beside.includes(f.field!) });
      else loose.push(f);
    }
    for (const [key, m] of this.hints) {
      const want = inline.get(key);
      if (!want || want.anchor !== m.anchor || !m.host.isConnected) this.unmount(key);
    }
    // Hints beside cards may overlap; the last one shown is on top, so errors are shown last.
    const rank = (h: { f: Finding; float: boolean }) => (h.float ? RANK[h.f.severity] : -1);
    const order = [...inline].sort(([, a], [, b]) => rank(a) - rank(b));
    for (const [key, { f, anchor, float }] of order) this.showHint(key, f, anchor, recordKey, float);
    this.placeBeside();
    this.showPanel(loose, recordKey);
  }

  /**
   * Shows the hints that go beside their anchors, except while the page has a modal dialog open
   * that does not hold their anchor: the top layer is above every z-index, and a hint must never
   * cover the page's own dialog. Also shows again a hint the page closed (one that closes every
   * popover it finds closes ours too).
   */
  private placeBeside(): void {
    let modal: Element | null | undefined;
    for (const m of this.hints.values()) {
      if (!m.beside) continue;
      if (modal === undefined) modal = openModal(this.doc);
      const covered = modal !== null && !modal.contains(m.anchor);
      const open = m.host.matches(':popover-open');
      if (covered) {
        if (open) m.host.hidePopover();
        continue;
      }
      if (!open) this.showBesideOrInside(m);
      if (m.beside) this.chooseSide(m);
    }
  }

  /**
   * Which side of its card a hint goes: before it (the stylesheet's first choice) when it fits
   * there inside the element that clips the card (the designer's canvas), else the side with more
   * room. The browser only knows the window: without this, a card near the canvas's edge would put
   * its hint over the app's navigation beside the canvas. Measured at each pass (after a pan ends).
   */
  private chooseSide(m: Mounted): void {
    const view = this.doc.defaultView;
    if (!view) return;
    if (m.clip === undefined) {
      m.clip = clipOf(m.anchor, view);
      if (m.clip) this.watchCanvas(m.clip);
    }
    let side = 'start';
    let block = 'down';
    if (m.clip) {
      const a = m.anchor.getBoundingClientRect();
      const c = m.clip.getBoundingClientRect();
      const own = m.host.getBoundingClientRect();
      const rtl = view.getComputedStyle(m.host).direction === 'rtl';
      const before = rtl ? c.right - a.right : a.left - c.left;
      const after = rtl ? a.left - c.left : c.right - a.right;
      if (before < own.width + 8 && after > before) side = 'end';
      // Level with the card's top and down, or up from its bottom when only that fits the canvas.
      const below = c.bottom - a.top;
      const above = a.bottom - c.top;
      if (below < own.height && above > below) block = 'up';
    }
    const place = `${side} ${block}`;
    if (m.host.getAttribute('data-side') !== place) m.host.setAttribute('data-side', place);
  }

  /** Removes everything we added (record changed, extension invalidated). */
  clear(): void {
    for (const key of [...this.hints.keys()]) this.unmount(key);
    if (this.panel) {
      render(null, this.panel.mount);
      this.panel.host.remove();
      this.panel = null;
    }
    this.last = null;
    this.watching.abort();
    this.watching = new AbortController();
    this.watched = new WeakSet();
    clearTimeout(this.sidesTimer);
  }

  /**
   * A pan or zoom moves the cards without changing the page's DOM (React Flow sets one transform),
   * so no pass follows it: the canvas's own pointer-up and wheel events, once they stop for a moment,
   * choose the sides again.
   */
  private watchCanvas(canvas: Element): void {
    if (this.watched.has(canvas)) return;
    this.watched.add(canvas);
    const again = () => {
      clearTimeout(this.sidesTimer);
      this.sidesTimer = setTimeout(() => {
        for (const m of this.hints.values()) if (m.beside && m.clip === canvas && m.host.matches(':popover-open')) this.chooseSide(m);
      }, 150);
    };
    for (const type of ['pointerup', 'wheel'] as const) canvas.addEventListener(type, again, { passive: true, signal: this.watching.signal });
  }

  private rerender(): void {
    if (this.last) this.update(this.last.findings, this.last.anchors, this.last.recordKey, this.last.beside);
  }

  private dismiss(recordKey: string, f: Finding): void {
    this.dismissed.add(`${recordKey}|${keyOf(f)}`);
    this.rerender();
  }

  private showHint(key: string, f: Finding, anchor: Element, recordKey: string, float: boolean): void {
    const json = JSON.stringify(f);
    let m = this.hints.get(key);
    if (m && m.json === json) return;
    if (!m) {
      const { host, mount } = this.createHost(HOST_TAGS[0], anchor);
      // The field it is about, for whoever inspects the page (and the tests).
      if (f.field) host.setAttribute('data-field', f.field);
      // A browser without popovers keeps every hint inside its anchor.
      const popovers = float && typeof host.showPopover === 'function';
      // A hint beside a card lives at the end of the body: inside the card it would be an interactive
      // control nested in the card's button (which assistive technology flattens), and its clicks
      // would reach the card. `source` still puts it after the card in the focus order; while the
      // card is gone (a pan re-creates it) the browser hides it, and the next pass moves it to the
      // new card. Any other hint goes inside its anchor and comes and goes with it.
      (popovers ? (this.doc.body ?? this.doc.documentElement) : anchor).appendChild(host);
      const mounted: Mounted = (m = { host, mount, anchor, json, beside: popovers });
      if (popovers) {
        // Closed until `placeBeside` shows it (the stylesheet hides a closed popover host).
        host.setAttribute('popover', 'manual');
        // The hint someone reaches for comes to the top (an open "How to fix" is taller than the gap
        // between two cards, and the next card's hint may sit over it).
        host.addEventListener('pointerdown', () => this.raise(mounted), { capture: true, passive: true });
        host.addEventListener('focusin', () => this.raise(mounted), { passive: true });
      }
      this.hints.set(key, m);
    }
    m.json = json;
    render(<HintCard finding={f} t={this.t} onDismiss={() => this.dismiss(recordKey, f)} />, m.mount);
  }

  private showPanel(findings: Finding[], recordKey: string): void {
    if (findings.length === 0) {
      if (this.panel) {
        render(null, this.panel.mount);
        this.panel.host.remove();
        this.panel = null;
      }
      return;
    }
    const json = JSON.stringify([findings, this.panelCollapsed]);
    if (!this.panel || !this.panel.host.isConnected) {
      const body = this.doc.body ?? this.doc.documentElement;
      const { host, mount } = this.createHost(HOST_TAGS[1], body);
      body.appendChild(host);
      this.panel = { host, mount, json: '' };
    }
    if (this.panel.json === json) return;
    this.panel.json = json;
    render(
      <Panel
        findings={findings}
        t={this.t}
        collapsed={this.panelCollapsed}
        onToggle={() => {
          this.panelCollapsed = !this.panelCollapsed;
          this.rerender();
        }}
        onDismiss={(f) => this.dismiss(recordKey, f)}
        onDismissAll={() => {
          for (const f of findings) this.dismissed.add(`${recordKey}|${keyOf(f)}`);
          this.rerender();
        }}
      />,
      this.panel.mount,
    );
  }

  private showBesideOrInside(m: Mounted): void {
    m.beside = showBeside(m.host, m.anchor);
    if (m.beside) this.top = m;
    else if (m.host.parentNode !== m.anchor) m.anchor.appendChild(m.host); // the browser cannot: inside the card after all
  }

  /** Shows a hint beside its anchor again, which puts it on top of the others; focus stays where it was in it. */
  private raise(m: Mounted): void {
    if (this.top === m || !m.beside || !m.host.matches(':popover-open')) return;
    const focused = m.host.shadowRoot?.activeElement as HTMLElement | null | undefined;
    m.host.hidePopover();
    this.showBesideOrInside(m);
    if (focused?.isConnected && m.host.shadowRoot?.activeElement !== focused) focused.focus({ preventScroll: true });
  }

  private unmount(key: string): void {
    const m = this.hints.get(key);
    if (!m) return;
    render(null, m.mount);
    m.host.remove();
    this.hints.delete(key);
    if (this.top === m) this.top = null;
  }

  private createHost(tag: string, themeFrom: Element): { host: HTMLElement; mount: HTMLElement } {
    const host = this.doc.createElement(tag);
    host.setAttribute('data-theme', isDark(themeFrom) ? 'dark' : 'light');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = css;
    const mount = this.doc.createElement('div');
    shadow.append(style, mount);
    // Our keystrokes are ours: the host app's shortcuts must not fire while someone uses a hint or
    // the panel; nor may a click in a hint act on the control the hint sits in.
    for (const type of tag === HOST_TAGS[0] ? OWN_EVENTS : OWN_EVENTS.slice(0, 3)) host.addEventListener(type, (e) => e.stopPropagation(), { passive: true });
    return { host, mount };
  }
}

/** Follows the host page's scheme: the first opaque background up the tree decides. */
export function isDark(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  for (let n: Element | null = el; n; n = n.parentElement) {
    const m = /rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)(?:[,\s/]+([\d.]+%?))?/.exec(view.getComputedStyle(n).backgroundColor);
    if (!m) continue;
    const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    if (alpha < 0.5) continue;
    const [r, g, b] = [m[1], m[2], m[3]].map((c) => Number(c) / 255) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4;
  }
  // No opaque background: the canvas is white unless the page opted into a dark colour scheme.
  const scheme = view.getComputedStyle(el.ownerDocument.documentElement).colorScheme ?? '';
  return scheme.includes('dark') && (view.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false);
}
