/**
 * Our shadow hosts (DESIGN: `cosell-*` elements with an open shadow root), made so that a page
 * cannot pre-empt or imitate them: a page may define `cosell-hint` as its own custom element (its
 * constructor then owns the shadow root) or wrap its content in a `cosell-panel` of its own.
 */

/** The host names we use; a fallback name is added when a page has taken one. */
export const HOST_TAGS = ['cosell-hint', 'cosell-panel'] as const;
export type HostTag = (typeof HOST_TAGS)[number];

const ours = new WeakSet<Element>();
const names = new Set<string>(HOST_TAGS);
let selector = HOST_TAGS.join(', ');

/**
 * Creates a host with an open shadow root. When the page has defined the name as its own element
 * (attachShadow then throws, or its constructor attached one), a name the page cannot know is used.
 */
export function createShadowHost(doc: Document, tag: HostTag): { host: HTMLElement; shadow: ShadowRoot } {
  for (let attempt = 0; attempt < 4; attempt++) {
    const name = attempt === 0 ? tag : `${tag}-${Math.random().toString(36).slice(2, 10)}`;
    const host = doc.createElement(name);
    let shadow: ShadowRoot | null = null;
    try {
      shadow = host.shadowRoot ? null : host.attachShadow({ mode: 'open' });
    } catch {
      shadow = null;
    }
    if (!shadow) continue;
    ours.add(host);
    if (!names.has(name)) {
      names.add(name);
      selector = [...names].join(', ');
    }
    return { host, shadow };
  }
  throw new Error('no shadow host could be created');
}

/** Whether an element is one of our hosts (not what is inside one, and never a page-made imitation). */
export const isHost = (el: Element): boolean => ours.has(el);

/**
 * Whether a node is one of our hosts or inside one. The runner asks this for every mutation record:
 * one native `closest` per candidate, checked against the hosts we made.
 */
export function isOurs(n: Node | null): boolean {
  let el: Element | null | undefined = n?.nodeType === 1 ? (n as Element) : (n?.parentElement ?? null);
  for (el = el?.closest(selector); el; el = el.parentElement?.closest(selector)) if (ours.has(el)) return true;
  return false;
}
