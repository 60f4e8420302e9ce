/**
 * Puts findings on the page: one `<cosell-hint>` beside each anchored field, one `<cosell-panel>`
 * for the rest. Each host has an open shadow root (page CSS stays out, ours stays in) and is the
 * only thing we ever add to the page. Rendering is idempotent: a pass that changes nothing touches
 * nothing, so the page's own observers are not woken by us.
 */
import { render } from 'preact';
import type { Finding } from '../model/finding';
import type { Translator } from '../i18n';
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
}

const keyOf = (f: Finding) => `${f.rule}|${f.field ?? ''}`;

export class HintLayer {
  private hints = new Map<string, Mounted>();
  private panel: { host: HTMLElement; mount: HTMLElement; json: string } | null = null;
  private dismissed = new Set<string>();
  private panelCollapsed = false;
  private last: { findings: Finding[]; anchors: Record<string, Element>; recordKey: string } | null = null;

  constructor(
    private readonly doc: Document,
    private readonly t: Translator,
  ) {}

  update(findings: Finding[], anchors: Record<string, Element>, recordKey: string): void {
    this.last = { findings, anchors, recordKey };
    const visible = findings.filter((f) => !this.dismissed.has(`${recordKey}|${keyOf(f)}`));
    const inline = new Map<string, { f: Finding; anchor: Element }>();
    const loose: Finding[] = [];
    for (const f of visible) {
      const anchor = f.field ? anchors[f.field] : undefined;
      if (anchor?.isConnected) inline.set(keyOf(f), { f, anchor });
      else loose.push(f);
    }
    for (const [key, m] of this.hints) {
      const want = inline.get(key);
      if (!want || want.anchor !== m.anchor || !m.host.isConnected) this.unmount(key);
    }
    for (const [key, { f, anchor }] of inline) this.showHint(key, f, anchor, recordKey);
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
  }

  private rerender(): void {
    if (this.last) this.update(this.last.findings, this.last.anchors, this.last.recordKey);
  }

  private dismiss(recordKey: string, f: Finding): void {
    this.dismissed.add(`${recordKey}|${keyOf(f)}`);
    this.rerender();
  }

  private showHint(key: string, f: Finding, anchor: Element, recordKey: string): void {
    const json = JSON.stringify(f);
    let m = this.hints.get(key);
    if (m && m.json === json) return;
    if (!m) {
      const { host, mount } = this.createHost(HOST_TAGS[0], anchor);
      anchor.appendChild(host);
      m = { host, mount, anchor, json };
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
  }

  private createHost(tag: string, themeFrom: Element): { host: HTMLElement; mount: HTMLElement } {
    const host = this.doc.createElement(tag);
    host.setAttribute('data-theme', isDark(themeFrom) ? 'dark' : 'light');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = css;
    const mount = this.doc.createElement('div');
    shadow.append(style, mount);
    // Our keystrokes are ours: the host app's shortcuts must not fire while someone uses a hint.
    for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
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
