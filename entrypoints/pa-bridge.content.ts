/**
 * Page-world half of the Power Automate bridge (lib/bridge/pa-*): sees the responses the page's own
 * fetch and XMLHttpRequest calls receive, keeps those whose path is one of ours, and answers the
 * isolated-world reader's request with what they say, reduced (lib/bridge/pa-store.ts). It sends
 * no request: the page's calls go out as the page made them, and the page gets the very promise,
 * response and events it would have. Bodies are read from a clone, never over MAX_BODY_BYTES.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { MAX_BODY_BYTES, PA_ANSWER_EVENT, PA_BRIDGE_VERSION, PA_REQUEST_EVENT, type PaWant } from '@/lib/bridge/pa-protocol';
import { MAYBE, routeOf, type Route } from '@/lib/bridge/pa-reduce';
import { PaStore, keyOf } from '@/lib/bridge/pa-store';
import { paWant } from '@/lib/bridge/pa-want';
import { matchPatterns } from '@/lib/knowledge/hosts';

export default defineContentScript({
  matches: matchPatterns('power-automate'),
  allFrames: true,
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    const store = new PaStore();
    let want: PaWant | null = null;
    let lastSent = '';
    let pushTimer = 0;
    const answer = () => {
      if (!want) return;
      let detail = '';
      try {
        const a = store.answer(want);
        detail = a ? JSON.stringify(a) : '';
      } catch {
        detail = '';
      }
      lastSent = detail;
      if (detail) document.dispatchEvent(new CustomEvent(PA_ANSWER_EVENT, { detail }));
    };
    // One push per burst of responses, and only when it says something new.
    const push = () => {
      pushTimer = 0;
      const before = lastSent;
      if (!want) return;
      const a = store.answer(want);
      const detail = a ? JSON.stringify(a) : '';
      if (detail && detail !== before) {
        lastSent = detail;
        document.dispatchEvent(new CustomEvent(PA_ANSWER_EVENT, { detail }));
      }
    };
    const keep = (route: Route, body: string | object) => {
      const key = store.put(route, body);
      if (!pushTimer && PaStore.concerns(key, want)) pushTimer = window.setTimeout(push, 50);
    };
    // Only responses about the records this page's URL names are read: another run's actions, or
    // another flow's definition, are never cloned (docs/performance.md, "Power Automate bridge").
    let hereHref = '';
    let hereWant: PaWant | null = null;
    const concernsHere = (r: Route) => {
      if (location.href !== hereHref) {
        hereHref = location.href;
        hereWant = paWant(new URL(hereHref));
      }
      return PaStore.concerns(keyOf(r), hereWant);
    };
    const tooBig = (length: string | null) => length !== null && Number(length) > MAX_BODY_BYTES;
    const route = (url: unknown) => {
      const href = typeof url === 'string' ? url : url instanceof URL ? url.href : (url as { url?: unknown } | null)?.url;
      if (typeof href !== 'string' || !MAYBE.test(href)) return null;
      const r = routeOf(new URL(href, location.href).href);
      return r && concernsHere(r) ? r : null;
    };

    // fetch: the page gets the same promise; ours is a reaction added to it, first, so the clone
    // is taken before the page can read the body.
    // The page's own fetch, called only with the page's arguments.
    const pageFetch: typeof fetch = window.fetch;
    const observed = function (this: unknown, ...args: Parameters<typeof fetch>) {
      const p = pageFetch.apply(this, args);
      try {
        const r = route(args[0]);
        if (r)
          p.then(
            (res) => {
              try {
                if (!res.ok || tooBig(res.headers.get('content-length'))) return;
                res
                  .clone()
                  .text()
                  .then((text) => {
                    if (text.length <= MAX_BODY_BYTES) keep(r, text);
                  })
                  .catch(() => {}); // aborted, or the body failed: the page hears of it, not us
              } catch {
                // a body already taken (not by the page: this reaction runs before the page's)
              }
            },
            () => {},
          );
      } catch {
        // never in the page's way
      }
      return p;
    };
    window.fetch = observed as typeof fetch;

    // XMLHttpRequest: the URL from open(), the body at loadend, as the page's own listeners see it.
    // eslint-disable-next-line no-restricted-globals -- reads the page's own requests' responses; sends none
    const proto = XMLHttpRequest.prototype;
    const pageOpen = proto.open;
    const routes = new WeakMap<XMLHttpRequest, Route>();
    const onLoadEnd = function (this: XMLHttpRequest) {
      const r = routes.get(this);
      if (!r || this.status < 200 || this.status > 299 || tooBig(this.getResponseHeader('content-length'))) return;
      try {
        if (this.responseType === '' || this.responseType === 'text') {
          const text = this.responseText;
          if (text.length <= MAX_BODY_BYTES) keep(r, text);
        } else if (this.responseType === 'json' && this.response !== null && typeof this.response === 'object') {
          keep(r, this.response as object);
        }
      } catch {
        // a response the page could not read either
      }
    };
    proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      try {
        const r = route(args[1]);
        if (r) {
          if (!routes.has(this)) this.addEventListener('loadend', onLoadEnd);
          routes.set(this, r);
        } else routes.delete(this);
      } catch {
        routes.delete(this);
      }
      return (pageOpen as (...a: unknown[]) => void).apply(this, args);
    } as typeof proto.open;

    document.addEventListener(PA_REQUEST_EVENT, (e) => {
      const detail = (e as CustomEvent<unknown>).detail;
      if (typeof detail !== 'string' || detail.length > 2000) return;
      try {
        const w = JSON.parse(detail) as PaWant;
        if (w?.v !== PA_BRIDGE_VERSION || typeof w.env !== 'string') return;
        const id = (x: unknown) => (typeof x === 'string' && /^[\w.-]{1,200}$/.test(x) ? x.toLowerCase() : undefined);
        want = { v: PA_BRIDGE_VERSION, env: id(w.env) ?? '' };
        for (const k of ['flow', 'run', 'solution'] as const) {
          const v = id(w[k]);
          if (v) want[k] = v;
        }
      } catch {
        return;
      }
      answer();
    });
  },
});
