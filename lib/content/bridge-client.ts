/**
 * The isolated world's side of a page-world bridge: asks the page-world script (its answer arrives
 * during the call: DOM events are dispatched synchronously across worlds) and hears the fresh
 * answers it pushes. Each answer is parsed as page data; a forged or malformed one is ignored.
 */
export interface BridgeClient<Want, Answer> {
  /** The answer now, or null when no bridge answered (none there, it threw, or a forged answer). */
  ask(want: Want): Answer | null;
}

export interface BridgeEvents<Answer> {
  request: string;
  answer: string;
  parse: (detail: unknown) => Answer | null;
}

export function bridgeClient<Want, Answer>(
  doc: Document,
  signal: AbortSignal,
  events: BridgeEvents<Answer>,
  onChange: () => void,
): BridgeClient<Want, Answer> {
  let latest: Answer | null = null;
  let latestJson = '';
  let asking = false;
  const win = doc.defaultView!;
  const listener = (e: Event) => {
    const detail = (e as CustomEvent<unknown>).detail;
    const answer = events.parse(detail);
    if (!answer) return;
    const same = detail === latestJson;
    latest = answer;
    latestJson = detail as string;
    // Pushed: something changed that the DOM may never show (a form value, an off-screen step).
    if (!asking && !same) onChange();
  };
  doc.addEventListener(events.answer, listener);
  signal.addEventListener('abort', () => doc.removeEventListener(events.answer, listener));
  return {
    ask(want) {
      latest = null;
      asking = true;
      try {
        doc.dispatchEvent(new win.CustomEvent(events.request, { detail: JSON.stringify(want) }));
      } finally {
        asking = false;
      }
      return latest;
    },
  };
}
