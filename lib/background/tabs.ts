/**
 * Per-tab findings, kept in `storage.session` so a service worker restart loses nothing.
 * Browser-agnostic: the storage area and badge setter are passed in.
 */
import { Message, TabState, tabKey } from '../model/messages';

export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface Badge {
  set(tabId: number, text: string): Promise<void> | void;
}

export function createTabStore(area: StorageArea, badge: Badge) {
  return {
    /** Handles one runtime message; returns the reply (or undefined when the message is not ours). */
    async handle(raw: unknown, senderTabId: number | undefined): Promise<TabState | null | undefined> {
      const parsed = Message.safeParse(raw);
      if (!parsed.success) return undefined;
      const msg = parsed.data;
      if (msg.type === 'cosell:findings') {
        if (senderTabId === undefined) return undefined;
        const state: TabState = { url: msg.url, findings: msg.findings, at: Date.now() };
        await area.set({ [tabKey(senderTabId)]: state });
        const errors = msg.findings.filter((f) => f.severity === 'error').length;
        await badge.set(senderTabId, errors > 0 ? String(errors) : '');
        return null;
      }
      if (msg.type !== 'cosell:get-tab') return undefined;
      const stored = (await area.get(tabKey(msg.tabId)))[tabKey(msg.tabId)];
      const state = TabState.safeParse(stored);
      return state.success ? state.data : null;
    },
    async forget(tabId: number): Promise<void> {
      await area.remove(tabKey(tabId));
      await badge.set(tabId, '');
    },
  };
}
