/**
 * Puts findings on the page: one `<cosell-hint>` beside each anchored field, one `<cosell-panel>`
 * for the rest. Each host has an open shadow root (page CSS stays out, ours stays in) and is the
 * only thing we ever add to the page. Rendering is idempotent: a pass that changes nothing touches
 * nothing, so the page's own observers are not woken by us.
 */
import { render } from 'preact';
import type { Finding } from '../model/finding';
import { SEVERITY_ORDER } from '../model/severity';
import type { Translator } from '../i18n';
import type { Beside, BesideHint } from './beside';
import { Hidden, Hint, type HintItem } from './Compact';
import { Panel } from './Hint';
import { INTERACTIVE, place, stillFits } from './place';
import css from './hint.css?inline';
import { HOST_TAGS, createShadowHost, type HostTag } from './hosts';

export { HOST_TAGS, isHost, isOurs } from './hosts';

interface Mounted extends BesideHint {
  mount: HTMLElement;
  json: string;
  /** On a canvas (beside its card, or inside it where the browser cannot): never placed in the flow. */
  float: boolean;
  /** Placed in the page's flow (./place.ts): as a marker (true) or a line (false). */
  placed?: boolean;
}

/** Hints dismissed per record and rule (the content script keeps them in `storage.local`). */
export interface DismissStore {
  has(key: string): boolean;
  add(keys: readonly string[]): void;
  remove(keys: readonly string[]): void;
}

/** Dismissals that last as long as the page (tests, or where storage cannot be had). */
export function memoryDismissals(): DismissStore {
  const set = new Set<string>();
  return { has: (k) => set.has(k), add: (keys) => keys.forEach((k) => set.add(k)), remove: (keys) => keys.forEach((k) => set.delete(k)) };
}

/**
 * Events that stop at a hint's host. A hint sits beside the page's own control (a form field), or
 * beside a designer card: a click on "How to fix" must not also open the card's panel, start a drag
 * of the node, zoom the canvas on a double click or a wheel, or put a field into edit mode.
 */
const OWN_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'click',
  'dblclick',
  'touchstart',
  'touchend',
  'wheel',
] as const;

/** The user is in the field: focus is in it (a control in a shadow root counts by its host). */
const editing = (anchor: Element | undefined): boolean => {
  const active = anchor?.ownerDocument.activeElement;
  return !!anchor && !!active && active !== anchor.ownerDocument.body && anchor.contains(active);
};

const keyOf = (f: Finding) => `${f.rule}|${f.field ?? ''}`;

interface Group {
  anchor: Element;
  items: HintItem[];
  /** Dismissal keys of every finding it says (its own and those they explain). */
  keys: string[];
  float: boolean;
  fields: string[];
}

export class HintLayer {
  /** One host per anchor, whatever number of findings it says. */
  private hints = new Map<Element, Mounted>();
  private panel: { host: HTMLElement; mount: HTMLElement; json: string } | null = null;
  /** Anchors whose hint was just dismissed, and what it said: they show an undo until the record changes. */
  private justHidden = new Map<Element, string[]>();
  private panelCollapsed = false;
  private last: {
    findings: Finding[];
    anchors: Readonly<Record<string, Element | undefined>>;
    recordKey: string;
    beside: readonly string[];
    labels: Readonly<Record<string, string>>;
    options: Readonly<Record<string, string>>;
  } | null = null;

  /** `beside`: places hints beside canvas cards (./beside.ts); without it, every hint goes in the page's flow. */
  constructor(
    private readonly doc: Document,
    private readonly t: Translator,
    private readonly beside?: Beside,
    private readonly dismissals: DismissStore = memoryDismissals(),
  ) {}

  /**
   * `beside` names the anchors (by field) that sit on a canvas of absolutely placed nodes, such as
   * the flow designer's step cards: a hint inside one would grow the card under the next one, so it
   * is shown beside it instead, where the layer and the browser can. `labels`: the page's own label
   * of each field, quoted in the hint (else the catalogue's name in the user's language);
   * `options`: the page's own text of the choice a hint asks for (else the catalogue's "Yes").
   */
  update(
    findings: Finding[],
    anchors: Readonly<Record<string, Element | undefined>>,
    recordKey: string,
    beside: readonly string[] = [],
    labels: Readonly<Record<string, string>> = {},
    options: Readonly<Record<string, string>> = {},
  ): void {
    this.last = { findings, anchors, recordKey, beside, labels, options };
    const dkey = (f: Finding) => `${recordKey}|${keyOf(f)}`;
    const anchorOf = (f: Finding) => (f.field ? anchors[f.field] : undefined);
    // Not inline: normal states (popup only), and what matters only while the field is edited.
    const shown = findings.filter(
      (f) => f.display !== 'popup' && !this.dismissals.has(dkey(f)) && (f.display !== 'editing' || editing(anchorOf(f))),
    );
    // Findings another one explains are said under it, once (the rules' `explains`).
    const causes = new Map<string, Finding>();
    for (const f of shown) if (!f.cause && !causes.has(f.rule)) causes.set(f.rule, f);
    const explained = new Map<Finding, Finding[]>();
    const main: Finding[] = [];
    for (const f of shown) {
      const cause = f.cause ? causes.get(f.cause) : undefined;
      if (cause) explained.set(cause, [...(explained.get(cause) ?? []), f]);
      else main.push(f);
    }
    const item = (f: Finding): HintItem => ({
      finding: f,
      params: this.withLabel(f, labels, options),
      explains: (explained.get(f) ?? []).map((e) => ({ finding: e, params: this.withLabel(e, labels, options) })),
    });
    const groups = new Map<Element, Group>();
    const loose: HintItem[] = [];
    for (const f of main) {
      const anchor = anchorOf(f);
      if (!anchor?.isConnected) {
        loose.push(item(f));
        continue;
      }
      const g = groups.get(anchor) ?? { anchor, items: [], keys: [], float: false, fields: [] };
      g.items.push(item(f));
      g.keys.push(dkey(f), ...(explained.get(f) ?? []).map(dkey));
      g.float ||= beside.includes(f.field!);
      if (!g.fields.includes(f.field!)) g.fields.push(f.field!);
      groups.set(anchor, g);
    }
    for (const [anchor, m] of this.hints) {
      if ((!groups.has(anchor) && !this.justHidden.has(anchor)) || !anchor.isConnected || !m.host.isConnected) this.unmount(anchor);
    }
    // Hints beside cards may overlap; the last one shown is on top, so errors are shown last.
    const rank = (g: Group) => (g.float ? -SEVERITY_ORDER[g.items[0]!.finding.severity] : -10);
    for (const g of [...groups.values()].sort((a, b) => rank(a) - rank(b))) this.showHint(g);
    for (const [anchor, keys] of this.justHidden) if (!groups.has(anchor) && anchor.isConnected) this.showHidden(anchor, keys);
    this.beside?.place();
    this.showPanel(loose, recordKey);
  }

  /** Removes everything we added (record changed, extension invalidated). */
  clear(): void {
    for (const anchor of [...this.hints.keys()]) this.unmount(anchor);
    if (this.panel) {
      render(null, this.panel.mount);
      this.panel.host.remove();
      this.panel = null;
    }
    this.justHidden.clear();
    this.last = null;
    this.beside?.clear();
  }

  /**
   * The finding's parameters with `label`: the page's label of its field, else the rule's name for
   * it, else the catalogue's; and `option`: the page's text of the choice asked for, else "Yes".
   */
  private withLabel(f: Finding, labels: Readonly<Record<string, string>>, options: Readonly<Record<string, string>>): Finding['params'] {
    if (!f.field) return f.params;
    const own = labels[f.field] ?? (typeof f.params.field === 'string' ? f.params.field : undefined);
    const key = `field_${f.field}`;
    const catalogue = this.t(key);
    return { ...f.params, label: own ?? (catalogue === key ? f.field : catalogue), option: options[f.field] ?? this.t('hint_yes') };
  }

  private rerender(): void {
    if (this.last)
      this.update(this.last.findings, this.last.anchors, this.last.recordKey, this.last.beside, this.last.labels, this.last.options);
  }

  private dismiss(anchor: Element | null, keys: string[]): void {
    this.dismissals.add(keys);
    if (anchor) this.justHidden.set(anchor, keys);
    this.rerender();
  }

  private undo(anchor: Element, keys: string[]): void {
    this.dismissals.remove(keys);
    this.justHidden.delete(anchor);
    this.rerender();
  }

  /** The host for an anchor, created and placed where it belongs (./place.ts, or beside its card). */
  private hostFor(anchor: Element, float: boolean, field: string, small = false): Mounted {
    let m = this.hints.get(anchor);
    if (!m) {
      const { host, mount } = this.createHost(HOST_TAGS[0], anchor);
      // The field it is about, for whoever inspects the page (and the tests).
      host.setAttribute('data-field', field);
      m = { host, mount, anchor, json: '', beside: false, float };
      // On a canvas where the browser cannot show it beside its card: inside the card, as before
      // (after it, it would sit at the canvas's corner, away from every card).
      if (!(float && this.beside?.adopt(m))) {
        if (float) anchor.appendChild(host);
        else this.put(m, small);
      }
      this.hints.set(anchor, m);
    } else if (!m.float) {
      this.put(m, small);
    }
    return m;
  }

  /**
   * Puts a host in the page's flow where ./place.ts finds it room; a marker where none has. Once
   * placed it stays, unless the page moved it away or its place narrowed (a resize, a zoom).
   */
  private put(m: Mounted, small: boolean): void {
    const marker = m.host.hasAttribute('data-marker');
    // Kept where it is unless the page moved it, wrapped it in a control, or narrowed its place.
    const kept = m.placed === small && m.host.isConnected && !m.host.parentElement?.closest(INTERACTIVE);
    if (kept && (small || marker || stillFits(m.host, m.anchor))) return;
    m.placed = small;
    const narrow = place(m.host, m.anchor, small) && !small;
    if (narrow !== marker) m.host.toggleAttribute('data-marker', narrow);
  }

  private showHint(g: Group): void {
    // Info alone is a marker beside its field, not a card; so is a hint with no room for its line.
    const info = g.items.every((i) => i.finding.severity === 'info');
    const m = this.hostFor(g.anchor, g.float, g.fields[0]!, info && !g.float);
    this.justHidden.delete(g.anchor);
    const marker = m.host.hasAttribute('data-marker') || info;
    const json = JSON.stringify([g.items, marker]);
    if (m.json === json) return;
    m.json = json;
    render(<Hint items={g.items} t={this.t} marker={marker} onDismiss={() => this.dismiss(g.anchor, g.keys)} />, m.mount);
  }

  private showHidden(anchor: Element, keys: string[]): void {
    const m = this.hostFor(anchor, false, '');
    const json = JSON.stringify(['hidden', keys]);
    if (m.json === json) return;
    m.json = json;
    render(<Hidden t={this.t} onUndo={() => this.undo(anchor, keys)} />, m.mount);
  }

  private showPanel(items: HintItem[], recordKey: string): void {
    if (items.length === 0) {
      if (this.panel) {
        render(null, this.panel.mount);
        this.panel.host.remove();
        this.panel = null;
      }
      return;
    }
    const json = JSON.stringify([items, this.panelCollapsed]);
    if (!this.panel || !this.panel.host.isConnected) {
      const body = this.doc.body ?? this.doc.documentElement;
      const { host, mount } = this.createHost(HOST_TAGS[1], body);
      body.appendChild(host);
      this.panel = { host, mount, json: '' };
    }
    if (this.panel.json === json) return;
    this.panel.json = json;
    const keysOf = (i: HintItem) => [i.finding, ...i.explains.map((e) => e.finding)].map((f) => `${recordKey}|${keyOf(f)}`);
    render(
      <Panel
        items={items}
        t={this.t}
        collapsed={this.panelCollapsed}
        onToggle={() => {
          this.panelCollapsed = !this.panelCollapsed;
          this.rerender();
        }}
        onDismiss={(i) => this.dismiss(null, keysOf(i))}
        onDismissAll={() => this.dismiss(null, items.flatMap(keysOf))}
      />,
      this.panel.mount,
    );
  }

  private unmount(anchor: Element): void {
    const m = this.hints.get(anchor);
    if (!m) return;
    render(null, m.mount);
    m.host.remove();
    this.hints.delete(anchor);
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
    for (const type of tag === HOST_TAGS[0] ? OWN_EVENTS : OWN_EVENTS.slice(0, 3))
      host.addEventListener(type, (e) => e.stopPropagation(), { passive: true });
    // Nor may it trigger the default action of whatever the page has around it (a label's checkbox, a
    // link): the hint is placed outside those (./place.ts), and this holds wherever the page moves it.
    if (tag === HOST_TAGS[0]) host.addEventListener('click', (e) => ownDefault(e, host) || e.preventDefault());
    return { host, mount };
  }
}

/** A click on a control of ours (the disclosure, a button): its own default action is the hint's, and stays. */
function ownDefault(e: Event, host: Element): boolean {
  const path = e.composedPath();
  const inside = path.slice(0, Math.max(0, path.indexOf(host)));
  return inside.some((n) => (n as Node).nodeType === 1 && (n as Element).matches('summary, button'));
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
