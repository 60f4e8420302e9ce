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
  return {
    /**
     * Handles a findings report from a content script (null), and the popup's question for a tab that
     * storage refused (its state, or null); undefined for any other message.
     */
    async handle(raw: unknown, senderTabId: number | undefined, frameId = 0): Promise<TabState | null | undefined> {
      const parsed = Message.safeParse(raw);
      if (!parsed.success) return undefined;
      const msg = parsed.data;
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
        };
        // The badge first: it must show what the page has even when storage refuses the report. A
        // finding another one explains is the same problem: counted once, with its cause.
        const errors = Object.values(stored.frames).reduce(
          (n, f) => n + f.findings.filter((x) => x.severity === 'error' && !x.cause).length,
          0,
        );
        await badge.set(senderTabId, errors > 0 ? String(errors) : '');
        try {
          await area.set({ [tabKey(senderTabId)]: stored });
          unstored.delete(senderTabId);
        } catch {
          unstored.set(senderTabId, stored);
        }
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
    async forget(tabId: number): Promise<void> {
      unstored.delete(tabId);
      await area.remove(tabKey(tabId));
      await badge.set(tabId, '');
    },
  };
}
