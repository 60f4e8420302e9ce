/**
 * Puts findings on the page: one `<cosell-hint>` beside each anchored field, one `<cosell-panel>`
 * for the rest. Each host has an open shadow root (page CSS stays out, ours stays in) and is the
 * only thing we ever add to the page. Rendering is idempotent: a pass that changes nothing touches
 * nothing, so the page's own observers are not woken by us.
 */
import { render } from 'preact';
import type { Finding } from '../model/finding';
import type { Translator } from '../i18n';
import type { Beside, BesideHint } from './beside';
import { HintCard, Panel } from './Hint';
import css from './hint.css?inline';
import { HOST_TAGS, createShadowHost, type HostTag } from './hosts';

export { HOST_TAGS, isHost, isOurs } from './hosts';

interface Mounted extends BesideHint {
  mount: HTMLElement;
  json: string;
}

/**
 * Events that stop at a hint's host. A hint sits inside the page's own control (a form field), or
 * beside a designer card: a click on "How to fix" must not also open the card's panel, start a drag
 * of the node, zoom the canvas on a double click or a wheel, or put a field into edit mode.
 */
const OWN_EVENTS = ['keydown', 'keyup', 'keypress', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'dblclick', 'touchstart', 'touchend', 'wheel'] as const;

const keyOf = (f: Finding) => `${f.rule}|${f.field ?? ''}`;
const RANK: Record<Finding['severity'], number> = { info: 0, warning: 1, error: 2 };

export class HintLayer {
  private hints = new Map<string, Mounted>();
  private panel: { host: HTMLElement; mount: HTMLElement; json: string } | null = null;
  private dismissed = new Set<string>();
  private panelCollapsed = false;
  private last: { findings: Finding[]; anchors: Record<string, Element>; recordKey: string; beside: readonly string[] } | null = null;

  /** `beside`: places hints beside canvas cards (./beside.ts); without it, every hint goes inside its anchor. */
  constructor(
    private readonly doc: Document,
    private readonly t: Translator,
    private readonly beside?: Beside,
  ) {}

  /**
   * `beside` names the anchors (by field) that sit on a canvas of absolutely placed nodes, such as
   * the flow designer's step cards: a hint inside one would grow the card under the next one, so it
   * is shown beside it instead, where the layer and the browser can (else inside it, as for any
   * other anchor).
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
    this.beside?.place();
    this.showPanel(loose, recordKey);
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
    this.beside?.clear();
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
      m = { host, mount, anchor, json, beside: false };
      if (!(float && this.beside?.adopt(m))) anchor.appendChild(host);
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

  private unmount(key: string): void {
    const m = this.hints.get(key);
    if (!m) return;
    render(null, m.mount);
    m.host.remove();
    this.hints.delete(key);
    this.beside?.forget(m);
  }

  private createHost(tag: HostTag, themeFrom: Element): { host: HTMLElement; mount: HTMLElement } {
    const { host, shadow } = createShadowHost(this.doc, tag);
    host.setAttribute('data-theme', isDark(themeFrom) ? 'dark' : 'light');
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
