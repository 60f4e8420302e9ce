/**
 * Page-world half of the Xrm bridge (lib/bridge/): answers the isolated-world reader's request
 * with the open form's values, read through the client API, and pushes a fresh answer when the form
 * loads or a read value changes. It reads only; it sends nothing but that one event, and exposes nothing.
 * `world: "MAIN"` in the manifest needs Chrome/Edge 111.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readXrm } from '@/lib/bridge/xrm-read';
import { BRIDGE_VERSION, XRM_ANSWER_EVENT, XRM_REQUEST_EVENT, type XrmWant } from '@/lib/bridge/protocol';
import { matchPatterns } from '@/lib/knowledge/hosts';

export default defineContentScript({
  matches: matchPatterns('dynamics'),
  runAt: 'document_idle',
  world: 'MAIN',
  main() {
    let want: XrmWant | null = null;
    const hooked = new WeakSet<object>();
    const answer = () => {
      if (!want) return;
      const xrm = (globalThis as { Xrm?: unknown }).Xrm;
      let detail = '';
      try {
        const a = readXrm(xrm, want);
        if (a) {
          detail = JSON.stringify(a);
          hook(xrm, Object.keys(a.attributes));
        }
      } catch {
        detail = '';
      }
      if (detail) document.dispatchEvent(new CustomEvent(XRM_ANSWER_EVENT, { detail }));
    };
    // Handlers the client API documents (addOnLoad, addOnChange): the form's own events, no polling.
    const hook = (xrm: unknown, names: string[]) => {
      const page = (
        xrm as {
          Page?: {
            data?: { addOnLoad?: (h: () => void) => void };
            getAttribute?: (n: string) => { addOnChange?: (h: () => void) => void } | null;
          };
        }
      )?.Page;
      const data = page?.data;
      if (data && !hooked.has(data) && typeof data.addOnLoad === 'function') {
        hooked.add(data);
        data.addOnLoad(push);
      }
      for (const n of names) {
        const a = page?.getAttribute?.(n);
        if (a && !hooked.has(a) && typeof a.addOnChange === 'function') {
          hooked.add(a);
          a.addOnChange(push);
        }
      }
    };
    const push = () => queueMicrotask(answer);
    document.addEventListener(XRM_REQUEST_EVENT, (e) => {
      const detail = (e as CustomEvent<unknown>).detail;
      if (typeof detail !== 'string' || detail.length > 20_000) return;
      try {
        const w = JSON.parse(detail) as XrmWant;
        if (w?.v !== BRIDGE_VERSION || !Array.isArray(w.names) || typeof w.labels !== 'object' || typeof w.grids !== 'object') return;
        want = {
          v: BRIDGE_VERSION,
          names: w.names.filter((n) => typeof n === 'string').slice(0, 50),
          labels: w.labels ?? {},
          grids: w.grids ?? {},
        };
      } catch {
        return;
      }
      answer();
    });
  },
});
