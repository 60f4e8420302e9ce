/**
 * The popup's first statements: ask the browser for everything the first render needs before the
 * rest of the popup's code (Preact, zod, the views) is evaluated, so the answers travel while it is.
 * main.tsx imports this module first; it imports nothing that needs evaluating but the storage keys.
 *
 * It calls the browser's own `chrome.*` (promise-based in Chrome and Edge MV3) through
 * `@wxt-dev/browser`, not the webextension-polyfill: the popup does not need the polyfill, and
 * building its wrappers was time spent before the first frame.
 */
import { browser } from '@wxt-dev/browser';
import { POPUP_KEYS } from '@/lib/model/keys';
import { policyFrom } from '../_shared/policy';

export { browser };

export interface EarlyTab {
  id: number;
  url?: string;
}

/** `?tab=<id>` keeps the popup on a given tab when it is opened as a page of its own. */
export const pinnedTab = (): number | null => {
  const pinned = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(pinned) && pinned > 0 ? pinned : null;
};

export async function activeTab(): Promise<EarlyTab | null> {
  const pinned = pinnedTab();
  const tab = pinned
    ? await browser.tabs.get(pinned).catch(() => null)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return tab?.id ? { id: tab.id, url: tab.url } : null;
}

/** Settles with {} when an area cannot be read (a browser without managed storage rejects). */
const orEmpty = (read: Promise<Record<string, unknown>>) => read.catch(() => ({}) as Record<string, unknown>);

/**
 * The administrator's policy. The popup does not wait for the browser's answer: managed storage
 * sometimes answers only seconds later (not only right after the browser starts; `npm run bench`
 * saw 1–5 s), and the last policy seen is nearly always the same. If the answer differs, it is
 * stored, and the storage change makes the popup read its settings again.
 */
export const policy = policyFrom(browser.storage, 0);

export const early = {
  tab: activeTab().catch(() => null),
  /** What the background keeps per tab: a few small entries, read whole. */
  tabs: orEmpty(browser.storage.session.get(null)),
  local: browser.storage.local.get([...POPUP_KEYS]),
  managed: policy(),
};
// Handled where they are used; here only kept from being reported as unhandled in between.
early.local.catch(() => undefined);
