import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { createTabStore } from '@/lib/background/tabs';
import { SETTINGS_KEY, effectiveSettings } from '@/lib/model/settings';
import { keepsSightingsFrom, recordSightings } from '@/lib/background/sightings';
import { DEFAULT_SIGHTINGS, FLOWS_KEY, FlowSightings, parseStored } from '@/lib/model/state';
import { SolutionFlows } from '@/lib/model/observation';
import { CUSTOM_HOSTS_KEY } from '@/lib/model/custom-hosts';
import { allCustomHosts } from '@/lib/knowledge/custom-hosts';
import { isPublicSuffix } from '@/lib/knowledge/public-suffix';
import { PUBLIC_SUFFIXES, answerPublicSuffixes } from '@/lib/knowledge/public-suffix-message';
import { POLICY_SEEN_KEY } from '@/lib/background/policy';
import { serialized, syncCustomScripts } from '@/lib/background/custom-scripts';
import { buildCatalog, type Catalog } from '@/lib/i18n/catalog';
import { anyKey } from '@/lib/i18n/keys';
import MESSAGE_KEYS from 'virtual:cosell-message-keys';
import { policyFrom } from './_shared/policy';
import { createFailureLog } from '@/lib/background/failures';

export default defineBackground(() => {
  const failed = createFailureLog();
  const tabs = createTabStore(
    {
      get: (key) => browser.storage.session.get(key),
      set: (items) => browser.storage.session.set(items),
      remove: (key) => browser.storage.session.remove(key),
    },
    {
      set: async (tabId, text) => {
        await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' }).catch(failed.at('badge'));
        await browser.action.setBadgeText({ tabId, text }).catch(failed.at('badge'));
      },
    },
  );

  const policy = policyFrom(browser.storage);
  // Never rejects: a content script reads the answer without the polyfill, which would turn a
  // rejection into a value; null makes it use the defaults.
  const settings = () =>
    Promise.all([browser.storage.local.get(SETTINGS_KEY), policy()]).then(
      ([local, managed]) => effectiveSettings(local[SETTINGS_KEY], managed).settings,
      () => null,
    );
  // Read once per worker: the UI language does not change while the browser runs.
  let catalog: Catalog | null = null;
  const messages = () => (catalog ??= buildCatalog(MESSAGE_KEYS, anyKey(browser.i18n)));
  browser.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const type = (message as { type?: unknown })?.type;
    if (type === 'cosell:get-settings') return settings();
    // The popup checking a domain the user adds (or the policy lists): only this worker holds the list.
    if (type === PUBLIC_SUFFIXES) return Promise.resolve(answerPublicSuffixes(message, isPublicSuffix));
    // A content script starting: its settings and every message, so that it never asks the browser
    // for the message bundle itself (a synchronous request on the page's main thread; see catalog.ts).
    if (type === 'cosell:start') return settings().then((current) => ({ settings: current, messages: messages() }));
    // Best effort: a write the browser refuses (its storage full or failing) must not surface as an
    // error of the extension, but is counted; the popup says so when the user's own changes cannot be stored.
    if (type === 'cosell:findings' && keepsSightingsFrom(sender))
      void remember((message as { solutionFlows?: unknown }).solutionFlows).catch(failed.at('sightings'));
    // An extension page (the popup, also when opened in a tab of its own) asks as no tab: only
    // content scripts report for theirs.
    const page = sender.url?.startsWith(browser.runtime.getURL('/')) ? undefined : sender.tab?.id;
    return tabs.handle(message, page, sender.frameId ?? 0, sender.documentId);
  });
  // A reload, or a load of a page we have no access to (Chrome then withholds `url`), ends what we
  // knew of the tab; navigations within our apps are followed by a fresh report from the content script.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url === undefined) void tabs.forget(tabId).catch(failed.at('forget'));
  });
  // Content scripts hold a port so that, when the extension is reloaded or updated, its closing
  // tells them at once to remove their hints. Nothing is sent on it. Its closing here says that
  // the frame's document is gone (a frame the page removed): its findings go with it.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== 'cosell:alive' || port.sender?.id !== browser.runtime.id) return port.disconnect();
    const { tab, frameId = 0, documentId } = port.sender;
    if (tab?.id !== undefined) port.onDisconnect.addListener(() => void tabs.gone(tab.id!, frameId, documentId).catch(failed.at('gone')));
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId).catch(failed.at('forget')));

  // Custom domains: registered content scripts follow what is stored and granted (see custom-scripts).
  const syncScripts = serialized(() =>
    syncCustomScripts({
      // The user's domains and the administrator's (policy `customDomains`); each runs once granted.
      hosts: async () => {
        const [stored, managed] = await Promise.all([browser.storage.local.get(CUSTOM_HOSTS_KEY), policy().catch(() => ({}))]);
        return allCustomHosts(stored[CUSTOM_HOSTS_KEY], managed, isPublicSuffix);
      },
      granted: (pattern) => browser.permissions.contains({ origins: [pattern] }),
      registered: () => browser.scripting.getRegisteredContentScripts(),
      register: (scripts) => browser.scripting.registerContentScripts(scripts.map((s) => ({ ...s, persistAcrossSessions: true }))),
      unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
    }),
  );
  void syncScripts();
  browser.storage.onChanged.addListener((changes, area) => {
    if ((area === 'local' && (CUSTOM_HOSTS_KEY in changes || POLICY_SEEN_KEY in changes)) || area === 'managed') void syncScripts();
  });
  browser.permissions.onAdded.addListener(() => void syncScripts());
  browser.permissions.onRemoved.addListener(() => void syncScripts());

  /** Flow states seen on a solution page tick the popup's activation checklist (per environment). */
  async function remember(raw: unknown) {
    const seen = SolutionFlows.safeParse(raw);
    if (!seen.success) return;
    const stored = await browser.storage.local.get(FLOWS_KEY);
    const current = parseStored(FlowSightings, stored[FLOWS_KEY], DEFAULT_SIGHTINGS).value;
    await browser.storage.local.set({ [FLOWS_KEY]: recordSightings(current, seen.data, Date.now()) });
  }
});
