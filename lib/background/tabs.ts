/**
 * Per-tab findings, kept in the in-memory storage area so a service worker restart loses nothing. A tab can
 * have several reporting frames (the flow designer inside Power Apps): each frame's report is kept
 * and the popup and badge see them merged. Browser-agnostic: the storage area and badge setter are
 * passed in.
 */
import { Message, TabState, tabKey } from '../model/messages';
import { mergeFrames, readStored, type StorageArea, type Stored } from '../model/state';

export type { StorageArea };

export interface Badge {
  set(tabId: number, text: string): Promise<void> | void;
}

export function createTabStore(area: StorageArea, badge: Badge) {
  // Tabs whose report the in-memory storage area refused (full, or failing): held here until it takes one again.
  const unstored = new Map<number, Stored>();
  const read = async (tabId: number) => unstored.get(tabId) ?? readStored(area, tabId);
  /** The badge first: it must show what the page has even when storage refuses the report. */
  const commit = async (tabId: number, stored: Stored) => {
    // A finding another one explains is the same problem: counted once, with its cause.
    const errors = Object.values(stored.frames).reduce(
      (n, f) => n + f.findings.filter((x) => x.severity === 'error' && !x.cause).length,
      0,
    );
    await badge.set(tabId, errors > 0 ? String(errors) : '');
    try {
      await area.set({ [tabKey(tabId)]: stored });
      unstored.delete(tabId);
    } catch {
      unstored.set(tabId, stored);
    }
  };
  /**
   * A frame's document went away (removed from the page, navigated, or the tab closed): its findings
   * leave the tab's, and the badge. Only that document's: a frame already showing a newer document
   * that has reported keeps what it said.
   */
  const gone = async (tabId: number, frameId: number, documentId?: string): Promise<void> => {
    const stored = await read(tabId);
    const frame = stored.frames[String(frameId)];
    if (!frame || (documentId && frame.doc && frame.doc !== documentId)) return;
    delete stored.frames[String(frameId)];
    await commit(tabId, stored);
  };
  return {
    /**
     * Handles a findings report from a content script and a frame's going away (null), and the
     * popup's question for a tab that storage refused (its state, or null); undefined for any other.
     */
    async handle(raw: unknown, senderTabId: number | undefined, frameId = 0, documentId?: string): Promise<TabState | null | undefined> {
      const parsed = Message.safeParse(raw);
      if (!parsed.success) return undefined;
      const msg = parsed.data;
      if (msg.type === 'cosell:gone') {
        if (senderTabId !== undefined) await gone(senderTabId, frameId, documentId);
        return null;
      }
      if (msg.type === 'cosell:findings') {
        if (senderTabId === undefined) return undefined;
        const stored = await read(senderTabId);
        // A new top document: whatever its old frames said is gone with it.
        if (frameId === 0 && stored.frames['0']?.url !== msg.url) stored.frames = {};
        stored.frames[String(frameId)] = {
          url: msg.url,
          findings: msg.findings,
          at: Date.now(),
          ...(msg.failures && { failures: msg.failures }),
          ...(msg.sources && { sources: msg.sources }),
          ...(msg.checked && { checked: msg.checked }),
          ...(msg.unrecognised && { unrecognised: true }),
          ...(documentId && { doc: documentId.slice(0, 100) }),
        };
        await commit(senderTabId, stored);
        return null;
      }
      // Only an extension page (no sender tab) may ask about a tab.
      if (msg.type === 'cosell:tab-state' && senderTabId === undefined) {
        const held = unstored.get(msg.tabId);
        const state = held ? mergeFrames(held) : null;
        return state ? { ...state, unstored: true } : null;
      }
      return undefined;
    },
    gone,
    async forget(tabId: number): Promise<void> {
      unstored.delete(tabId);
      await area.remove(tabKey(tabId));
      await badge.set(tabId, '');
    },
  };
}
