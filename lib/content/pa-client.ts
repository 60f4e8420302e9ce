/**
 * The isolated world's side of the Power Automate bridge: asks the page-world script what the
 * page's own API responses said about the records in the URL (its answer arrives during the call:
 * DOM events are dispatched synchronously across worlds) and hears the fresh answers it pushes.
 */
import { PA_ANSWER_EVENT, PA_REQUEST_EVENT, parsePaAnswer, type PaAnswer, type PaWant } from '../bridge/pa-message';

export interface PaClient {
  /** What the responses said, or null when no bridge answered (nothing received yet, or a forged answer). */
  ask(want: PaWant): PaAnswer | null;
}

export function paClient(doc: Document, signal: AbortSignal, onChange: () => void): PaClient {
  let latest: PaAnswer | null = null;
  let latestJson = '';
  let asking = false;
  const win = doc.defaultView!;
  const listener = (e: Event) => {
    const detail = (e as CustomEvent<unknown>).detail;
    const answer = parsePaAnswer(detail);
    if (!answer) return;
    const same = detail === latestJson;
    latest = answer;
    latestJson = detail as string;
    // Pushed: a response arrived that the DOM may never show (an off-screen step, a run's outputs).
    if (!asking && !same) onChange();
  };
  doc.addEventListener(PA_ANSWER_EVENT, listener);
  signal.addEventListener('abort', () => doc.removeEventListener(PA_ANSWER_EVENT, listener));
  return {
    ask(want) {
      latest = null;
      asking = true;
      try {
        doc.dispatchEvent(new win.CustomEvent(PA_REQUEST_EVENT, { detail: JSON.stringify(want) }));
      } finally {
        asking = false;
      }
      return latest;
    },
  };
}
