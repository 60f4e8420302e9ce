/**
 * The isolated world's side of the Xrm bridge: asks the page-world script for the open form's
 * values (its answer arrives during the call: DOM events are dispatched synchronously across
 * worlds) and hears the fresh answers it pushes when the form loads or a value changes.
 */
import { parseXrmAnswer, XRM_ANSWER_EVENT, XRM_REQUEST_EVENT, type XrmAnswer, type XrmWant } from '../bridge/xrm-message';

export interface XrmClient {
  /** The form's values now, or null when no bridge answered (no Xrm, Xrm threw, or a forged answer). */
  ask(want: XrmWant): XrmAnswer | null;
}

export function xrmClient(doc: Document, signal: AbortSignal, onChange: () => void): XrmClient {
  let latest: XrmAnswer | null = null;
  let latestJson = '';
  let asking = false;
  const win = doc.defaultView!;
  const listener = (e: Event) => {
    const detail = (e as CustomEvent<unknown>).detail;
    const answer = parseXrmAnswer(detail);
    if (!answer) return;
    const same = detail === latestJson;
    latest = answer;
    latestJson = detail as string;
    // Pushed: a value changed or the form loaded, perhaps without the DOM telling us.
    if (!asking && !same) onChange();
  };
  doc.addEventListener(XRM_ANSWER_EVENT, listener);
  signal.addEventListener('abort', () => doc.removeEventListener(XRM_ANSWER_EVENT, listener));
  return {
    ask(want) {
      latest = null;
      asking = true;
      try {
        doc.dispatchEvent(new win.CustomEvent(XRM_REQUEST_EVENT, { detail: JSON.stringify(want) }));
      } finally {
        asking = false;
      }
      return latest;
    },
  };
}
