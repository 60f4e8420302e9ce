import { browser } from 'wxt/browser';
import { createTabStore } from '@/lib/background/tabs';
import { SETTINGS_KEY, effectiveSettings } from '@/lib/model/settings';
import { recordSightings } from '@/lib/background/sightings';
import { DEFAULT_SIGHTINGS, FLOWS_KEY, FlowSightings, parseStored } from '@/lib/model/state';
import { SolutionFlows } from '@/lib/model/observation';

export default defineBackground(() => {
  const tabs = createTabStore(
    {
      get: (key) => browser.storage.session.get(key),
      set: (items) => browser.storage.session.set(items),
      remove: (key) => browser.storage.session.remove(key),
    },
    {
      set: async (tabId, text) => {
        await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' }).catch(() => undefined);
        await browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
      },
    },
  );

  browser.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const type = (message as { type?: unknown })?.type;
    if (type === 'cosell:get-settings') {
      return Promise.all([browser.storage.local.get(SETTINGS_KEY), browser.storage.managed.get().catch(() => ({}))]).then(
        ([local, managed]) => effectiveSettings(local[SETTINGS_KEY], managed).settings,
      );
    }
    if (type === 'cosell:findings') void remember((message as { solutionFlows?: unknown }).solutionFlows);
    return tabs.handle(message, sender.tab?.id, sender.frameId ?? 0);
  });
  // A reload, or a load of a page we have no access to (Chrome then withholds `url`), ends what we
  // knew of the tab; navigations within our apps are followed by a fresh report from the content script.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url === undefined) void tabs.forget(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId));

  /** Flow states seen on a solution page tick the popup's activation checklist (per environment). */
  async function remember(raw: unknown) {
    const seen = SolutionFlows.safeParse(raw);
    if (!seen.success) return;
    const stored = await browser.storage.local.get(FLOWS_KEY);
    const current = parseStored(FlowSightings, stored[FLOWS_KEY], DEFAULT_SIGHTINGS).value;
    await browser.storage.local.set({ [FLOWS_KEY]: recordSightings(current, seen.data, Date.now()) });
  }
});
