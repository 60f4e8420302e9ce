// First: the reads the first render needs go out before the rest of this bundle is evaluated.
import { activeTab, browser, early, policy } from './start';
import { render } from 'preact';
import { createTranslator } from '@/lib/i18n';
import { anyKey } from '@/lib/i18n/keys';
import { App } from '@/lib/ui/popup/App';
import type { PopupApi } from '@/lib/ui/popup/api';
import { preload, settle } from '@/lib/ui/popup/load';
import { batchedGet } from '@/lib/ui/popup/api';
import { readTabState } from '@/lib/model/state';
import { TabState } from '@/lib/model/messages';
import { keepFitted } from '@/lib/ui/popup/fit';
import { REVEAL } from '@/lib/content/reveal';
import { STRUCTURE_LIMITS } from '@/lib/readers/structure';
import { publicSuffixQuestion, readPublicSuffixes } from '@/lib/knowledge/public-suffix-message';
import '@/lib/ui/hint.css';
import '@/lib/ui/popup/popup.css';

/** A tab's findings that the in-memory storage area refused: only the background holds them (rarely asked). */
const held = async (tabId: number) => {
  const answer: unknown = await browser.runtime.sendMessage({ type: 'cosell:tab-state', tabId }).catch(() => null);
  const parsed = TabState.safeParse(answer);
  return parsed.success ? parsed.data : null;
};

const api: PopupApi = {
  activeTab,
  // Read where the background keeps it (extension pages may read the in-memory area): no round trip
  // through the worker, which may be asleep.
  tabState: async (tabId) => (await readTabState(browser.storage.session, tabId)) ?? held(tabId),
  load: batchedGet((keys) => browser.storage.local.get(keys)),
  save: (key, value) => browser.storage.local.set({ [key]: value }),
  // Chrome answers {} when no policy is set; a browser without managed storage support rejects
  // (read as no policy). Right after the browser starts, the last policy seen answers.
  managed: policy,
  onChanged: (cb) => {
    const listener = (_changes: unknown, area: string) => {
      if (area === 'local' || area === 'managed') cb();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
  copy: (text) => navigator.clipboard.writeText(text),
  pageStructure: async (tabId) => {
    const answer: unknown = await browser.tabs.sendMessage(tabId, { type: 'cosell:page-structure' }, { frameId: 0 }).catch(() => null);
    return typeof answer === 'string' ? answer.slice(0, STRUCTURE_LIMITS.chars) : null;
  },
  requestHost: (pattern) => browser.permissions.request({ origins: [pattern] }),
  releaseHost: (pattern) => browser.permissions.remove({ origins: [pattern] }),
  hasHost: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  publicSuffixes: async (names) => {
    const found = readPublicSuffixes(await browser.runtime.sendMessage(publicSuffixQuestion(names)), names);
    if (!found) throw new Error('no answer from the background');
    return found;
  },
  // Every frame of the tab hears it; the one showing the hint answers true.
  reveal: (tabId, target) =>
    browser.tabs.sendMessage(tabId, { type: REVEAL, ...target }).then(
      (shown) => shown === true,
      () => false,
    ),
  version: browser.runtime.getManifest().version,
};

// The first render reads the answers already on their way (start.ts); later reads ask again.
const initial = preload({
  ...api,
  activeTab: () => early.tab,
  tabState: async (tabId) => (await readTabState({ get: async (key) => ({ [key]: (await early.tabs)[key] }) }, tabId)) ?? held(tabId),
  load: async (key) => (await early.local)[key],
  managed: () => early.managed,
});

document.documentElement.lang = browser.i18n.getUILanguage();
const dark = matchMedia('(prefers-color-scheme: dark)');
const applyScheme = () => (document.documentElement.dataset.theme = dark.matches ? 'dark' : 'light');
applyScheme();
dark.addEventListener('change', applyScheme);
const t = createTranslator(anyKey(browser.i18n));
// The <title> feeds the toolbar tooltip (the manifest localizes that); the page itself needs the text.
document.title = t('extName');
// Render when the first answers are in (they take a few milliseconds), so the popup opens on its
// content rather than on a loading line that is replaced a frame later; never wait more than 150 ms.
// The width is fitted to the popup in the same task, before the first frame (lib/ui/popup/fit.ts).
void settle(initial, 150).then((first) => {
  render(<App api={api} t={t} initial={first} />, document.getElementById('app')!);
  keepFitted(window);
});
