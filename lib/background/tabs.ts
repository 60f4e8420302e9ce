/**
 * Per-tab findings, kept in the in-memory storage area so a service worker restart loses nothing. A tab can
 * have several reporting frames (the flow designer inside Power Apps): each frame's report is kept
 * and the popup and badge see them merged. Browser-agnostic: the storage area and badge setter are
 * passed in.
 */
import type { Finding } from '../model/finding';
import { Message, TabState, tabKey } from '../model/messages';
import { z } from '../model/zod';

export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface Badge {
  set(tabId: number, text: string): Promise<void> | void;
}

const Stored = z.object({ frames: z.record(z.string(), TabState) });
type Stored = z.infer<typeof Stored>;

const merged = (stored: Stored): TabState | null => {
  const top = stored.frames['0'];
  const frames = Object.entries(stored.frames).sort(([a], [b]) => Number(a) - Number(b));
  if (frames.length === 0) return null;
  const findings: Finding[] = frames.flatMap(([, f]) => f.findings);
  const state: TabState = { url: (top ?? frames[0]![1]).url, findings, at: Math.max(...frames.map(([, f]) => f.at)) };
  const failed = frames.map(([, f]) => f.failures).filter((f) => f !== undefined);
  if (failed.length)
    state.failures = failed.reduce((a, b) => ({ read: a.read + b.read, rules: a.rules + b.rules, render: a.render + b.render }));
  const sources = frames.find(([, f]) => f.sources)?.[1].sources;
  if (sources) state.sources = sources;
  // Not recognised only when no reporting frame was (the designer frame in Power Apps may be).
  if (frames.every(([, f]) => f.unrecognised)) state.unrecognised = true;
  return state;
};

/**
 * What the popup shows for a tab, read straight from the same storage: no message to the service
 * worker, so no wait for it to wake. Null when nothing readable is stored.
 */
export async function readTabState(area: Pick<StorageArea, 'get'>, tabId: number): Promise<TabState | null> {
  return merged(await readStored(area, tabId));
}

/** A tab's stored frames; none when nothing readable is stored. */
async function readStored(area: Pick<StorageArea, 'get'>, tabId: number): Promise<Stored> {
  const parsed = Stored.safeParse((await area.get(tabKey(tabId)))[tabKey(tabId)]);
  return parsed.success ? parsed.data : { frames: {} };
}

export function createTabStore(area: StorageArea, badge: Badge) {
  // Tabs whose report session storage refused (full, or failing): held here until it takes one again.
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
          ...(msg.unrecognised && { unrecognised: true }),
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
        const state = held ? merged(held) : null;
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
