import type { TabState } from '../../model/messages';

export interface ActiveTab {
  id: number;
  /** Known only for pages of the four apps (host permission); undefined elsewhere. */
  url?: string;
}

/** Everything the popup needs from the browser, passed in (tests give a fake). */
export interface PopupApi {
  activeTab(): Promise<ActiveTab | null>;
  tabState(tabId: number): Promise<TabState | null>;
  load(key: string): Promise<unknown>;
  /**
   * Stores a value. The views get a guarded one from the popup: it never rejects, resolves false
   * when the browser could not store the value (the popup then says so and shows what is stored).
   */
  save(key: string, value: unknown): Promise<boolean | void>;
  managed(): Promise<unknown>;
  /** Calls back when stored data changes (another window, the background). */
  onChanged(cb: () => void): () => void;
  copy(text: string): Promise<void>;
  /** The structure of a tab's page (lib/readers/structure.ts), asked of its content script; null without an answer. */
  pageStructure?(tabId: number): Promise<string | null>;
  /** Asks the browser for access to an origin pattern; call it inside the click that asked. */
  requestHost(pattern: string): Promise<boolean>;
  /** Gives access back; false when the browser keeps it (a host the manifest grants). */
  releaseHost(pattern: string): Promise<boolean>;
  hasHost(pattern: string): Promise<boolean>;
  /**
   * The names among these that are public suffixes, as the background answers (it alone holds the
   * list); rejects when it does not answer.
   */
  publicSuffixes(names: string[]): Promise<Set<string>>;
  /** Asks the tab to scroll to a finding's hint and flash it; false when no frame shows it. */
  reveal?(tabId: number, target: { rule: string; field?: string }): Promise<boolean>;
  version: string;
}

/**
 * Joins the reads asked for in one turn of the event loop into a single `get` of all their keys:
 * the popup asks for five stored items as it opens, and one round trip to the browser is quicker
 * than five. A failed `get` fails each read of that batch.
 */
export function batchedGet(get: (keys: string[]) => Promise<Record<string, unknown>>): (key: string) => Promise<unknown> {
  let batch: { keys: Set<string>; result: Promise<Record<string, unknown>> } | null = null;
  return (key) => {
    if (!batch) {
      const keys = new Set<string>();
      batch = {
        keys,
        result: Promise.resolve().then(() => {
          batch = null;
          return get([...keys]);
        }),
      };
    }
    batch.keys.add(key);
    return batch.result.then((items) => items[key]);
  };
}
