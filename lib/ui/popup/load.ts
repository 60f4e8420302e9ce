/**
 * What the popup reads as it opens: the active tab's state and everything stored, validated.
 * Started before the first render (`preload`) so the answers travel while the code renders.
 */
import { appForHost, readsPath } from '../../knowledge/hosts';
import { CUSTOM_HOSTS_KEY, CustomHosts, DEFAULT_CUSTOM_HOSTS } from '../../model/custom-hosts';
import { allCustomHosts } from '../../knowledge/custom-hosts';
import { SETTINGS_KEY, effectiveSettings } from '../../model/settings';
import {
  CHECKLIST_KEY,
  ChecklistState,
  DEFAULT_CHECKLIST,
  DEFAULT_SIGHTINGS,
  FLOWS_KEY,
  FlowSightings,
  parseStored,
} from '../../model/state';
import type { PopupApi } from './api';
import type { Stored, View } from './types';

export async function loadView(api: PopupApi): Promise<View> {
  const [tab, customRaw, managed] = await Promise.all([
    api.activeTab(),
    api.load(CUSTOM_HOSTS_KEY).catch(() => undefined),
    api.managed().catch(() => ({})),
  ]);
  const host = tab?.url ? safeHost(tab.url) : null;
  const app = host ? appForHost(host, allCustomHosts(customRaw, managed)) : null;
  if (!tab || !app || !host || !readsPath(app, safePath(tab.url))) return { kind: 'other-page' };
  const state = await api.tabState(tab.id);
  if (!state) return { kind: 'not-read', app, host };
  return {
    kind: 'findings',
    tabId: tab.id,
    app,
    host,
    findings: state.findings,
    ...(state.failures && { failures: state.failures }),
    ...(state.unstored && { unstored: true }),
    ...(state.sources && { sources: state.sources }),
    ...(state.checked && { checked: state.checked }),
    ...(state.unrecognised && { unrecognised: true }),
  };
}

const safePath = (url: string | undefined): string => {
  try {
    return new URL(url ?? '').pathname;
  } catch {
    return '/';
  }
};

const safeHost = (url: string): string | null => {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
};

/** Reads and validates everything the popup shows; unreadable data is kept aside and reset, never fatal. */
export async function loadStored(api: PopupApi): Promise<Stored> {
  const [checklistRaw, sightingsRaw, settingsRaw, customRaw, managed] = await Promise.all([
    api.load(CHECKLIST_KEY),
    api.load(FLOWS_KEY),
    api.load(SETTINGS_KEY),
    api.load(CUSTOM_HOSTS_KEY),
    api.managed().catch(() => ({})),
  ]);
  const checklist = parseStored(ChecklistState, checklistRaw, DEFAULT_CHECKLIST);
  const sightings = parseStored(FlowSightings, sightingsRaw, DEFAULT_SIGHTINGS);
  const customHosts = parseStored(CustomHosts, customRaw, DEFAULT_CUSTOM_HOSTS);
  const settings = effectiveSettings(settingsRaw, managed);
  const reset: string[] = [];
  // The copy first: if the browser cannot store it, the unreadable value stays where it is (nothing
  // is lost) and the popup shows the defaults without claiming a copy was kept.
  const keepAside = async (key: string, raw: unknown, value: unknown) => {
    try {
      await api.save(`${key}.unreadable`, raw);
      await api.save(key, value);
      reset.push(key);
    } catch {
      // Said when a change of the user's cannot be saved either (the guarded save in useStored).
    }
  };
  if (checklist.reset) await keepAside(CHECKLIST_KEY, checklistRaw, checklist.value);
  if (sightings.reset) await keepAside(FLOWS_KEY, sightingsRaw, sightings.value);
  if (settings.reset) await keepAside(SETTINGS_KEY, settingsRaw, settings.settings);
  if (customHosts.reset) await keepAside(CUSTOM_HOSTS_KEY, customRaw, customHosts.value);
  return { checklist: checklist.value, sightings: sightings.value, settings, customHosts: customHosts.value, managed, reset };
}

/** What the popup reads on opening; started before the first render (see `preload`). */
export interface Preload {
  view: Promise<View>;
  stored: Promise<Stored>;
  /** The answers that were in before the first render (see `settle`): it shows them at once. */
  arrived?: { view?: View; stored?: Stored };
}

/** Starts reading the tab and storage at once, so the answers are on their way while the popup's code renders. */
export function preload(api: PopupApi): Preload {
  const view = loadView(api);
  const stored = loadStored(api);
  // Handled where they are used; here only kept from being reported as unhandled in between.
  view.catch(() => undefined);
  stored.catch(() => undefined);
  return { view, stored };
}

/**
 * Waits up to `ms` for what `preload` asked, and returns it with whatever has arrived: the first
 * render then shows the popup's content, not a loading line that a second render replaces.
 */
export async function settle(p: Preload, ms: number): Promise<Preload> {
  const arrived: NonNullable<Preload['arrived']> = {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    Promise.allSettled([p.view.then((v) => (arrived.view = v)), p.stored.then((s) => (arrived.stored = s))]),
    new Promise((ok) => (timer = setTimeout(ok, ms))),
  ]);
  clearTimeout(timer);
  return { ...p, arrived };
}
