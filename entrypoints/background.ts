import { browser } from 'wxt/browser';
import { createTabStore } from '@/lib/background/tabs';
import { SETTINGS_KEY, parseSettings } from '@/lib/model/settings';

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
    if ((message as { type?: unknown })?.type === 'cosell:get-settings') {
      return browser.storage.local.get(SETTINGS_KEY).then((stored) => parseSettings(stored[SETTINGS_KEY]).settings);
    }
    return tabs.handle(message, sender.tab?.id, sender.frameId ?? 0);
  });
  // A reload, or a load of a page we have no access to (Chrome then withholds `url`), ends what we
  // knew of the tab; navigations within our apps are followed by a fresh report from the content script.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url === undefined) void tabs.forget(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId));
});
