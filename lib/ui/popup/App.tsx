import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Translator } from '../../i18n';
import { appForHost, readsPath, type AppId } from '../../knowledge/hosts';
import type { Failures, Finding, Severity } from '../../model/finding';
import type { ReadSources } from '../../model/messages';
import { CUSTOM_HOSTS_KEY, CustomHosts, DEFAULT_CUSTOM_HOSTS, allCustomHosts } from '../../model/custom-hosts';
import { SETTINGS_KEY, effectiveSettings, type EffectiveSettings } from '../../model/settings';
import {
  CHECKLIST_KEY,
  ChecklistState,
  DEFAULT_CHECKLIST,
  DEFAULT_SIGHTINGS,
  FLOWS_KEY,
  FlowSightings,
  parseStored,
} from '../../model/state';
import { HintCard } from '../Hint';
import type { PopupApi } from './api';
import { Unrecognised } from './Unrecognised';

export type { ActiveTab, PopupApi } from './api';

export type View =
  | { kind: 'loading' }
  | { kind: 'other-page' }
  | { kind: 'not-read'; app: AppId; host: string }
  | ({
      kind: 'findings';
      app: AppId;
      host: string;
      findings: Finding[];
      failures?: Failures;
      unstored?: boolean;
      sources?: ReadSources;
    } /** The tab, when its page was not recognised (./Unrecognised.tsx). */ & { unrecognised?: number });

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const TABS = ['page', 'setup', 'troubleshoot', 'settings', 'plan'] as const;
type Tab = (typeof TABS)[number];

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
    app,
    host,
    findings: state.findings,
    ...(state.failures && { failures: state.failures }),
    ...(state.unstored && { unstored: true }),
    ...(state.sources && { sources: state.sources }),
    ...(state.unrecognised && { unrecognised: tab.id }),
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

export interface Stored {
  checklist: ChecklistState;
  sightings: FlowSightings;
  settings: EffectiveSettings;
  customHosts: CustomHosts;
  /** The administrator's policy as stored (to recompute effective settings after an edit). */
  managed: unknown;
  /** Names of stored items that could not be read and were reset. */
  reset: string[];
}

/** Applies an edit to what the popup shows at once; storage follows (and its change event re-reads it). */
export type Patch = (edit: (s: Stored) => Stored) => void;

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
      // Said when a change of the user's cannot be saved either (the guarded save below).
    }
  };
  if (checklist.reset) await keepAside(CHECKLIST_KEY, checklistRaw, checklist.value);
  if (sightings.reset) await keepAside(FLOWS_KEY, sightingsRaw, sightings.value);
  if (settings.reset) await keepAside(SETTINGS_KEY, settingsRaw, settings.settings);
  if (customHosts.reset) await keepAside(CUSTOM_HOSTS_KEY, customRaw, customHosts.value);
  return { checklist: checklist.value, sightings: sightings.value, settings, customHosts: customHosts.value, managed, reset };
}

type Views = typeof import('./views');
let views: Views | null = null;
let viewsLoading: Promise<Views> | null = null;
/** The other tabs' code: fetched once, after the first render or when one of them is opened. */
export const loadViews = (): Promise<Views> =>
  (viewsLoading ??= import('./views').then(
    (m) => (views = m),
    (e: unknown) => {
      viewsLoading = null;
      throw e;
    },
  ));

/** Calls back when the browser is next idle (at most `ms` later); returns a cancel function. */
function whenIdle(cb: () => void, ms: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(cb, { timeout: ms });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(cb, 0);
  return () => clearTimeout(id);
}

/** Whether the other tabs' code is in (tests). */
export const viewsLoaded = (): boolean => views !== null;

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

export function App({ api, t, initial }: { api: PopupApi; t: Translator; initial?: Preload }) {
  const [view, setView] = useState<View>(initial?.arrived?.view ?? { kind: 'loading' });
  const [stored, setStored] = useState<Stored | null>(initial?.arrived?.stored ?? null);
  const [notice, setNotice] = useState<string[]>(initial?.arrived?.stored?.reset ?? []);
  const [tab, setTab] = useState<Tab>('page');
  /** The troubleshooter opened from "This page": its field takes the focus. */
  const [askTroubleshooter, setAskTroubleshooter] = useState(false);
  const [, setViewsReady] = useState(views !== null);
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  const patch: Patch = useCallback((edit) => setStored((s) => (s ? edit(s) : s)), []);
  const show = useCallback((loading: Promise<Stored>) => {
    loading.then(
      (s) => {
        setStored(s);
        if (s.reset.length) setNotice((n) => (s.reset.every((key) => n.includes(key)) ? n : [...new Set([...n, ...s.reset])]));
      },
      () => setStored(null),
    );
  }, []);
  const reload = useCallback(() => show(loadStored(api)), [api, show]);

  // The views save through this: a value the browser cannot store (its storage full or failing) is
  // said, with the browser's reason, and what the popup shows goes back to what is stored, so that
  // no change looks kept that is not.
  const [saveError, setSaveError] = useState<string | null>(null);
  const guarded: PopupApi = useMemo(
    () => ({
      ...api,
      save: async (key, value) => {
        try {
          await api.save(key, value);
          setSaveError(null);
          return true;
        } catch (e) {
          const reason = (e instanceof Error ? e.message : String(e)).trim().slice(0, 200);
          setSaveError(reason || '?');
          reload();
          return false;
        }
      },
    }),
    [api, reload],
  );

  // A layout effect: it runs before the first paint, not a frame later.
  useLayoutEffect(() => {
    (initial?.view ?? loadView(api)).then(setView, () => setView({ kind: 'other-page' }));
    show(initial?.stored ?? loadStored(api));
    return api.onChanged(reload);
  }, [api, reload]);

  // First meaningful render (page state and stored data both in the DOM): marked at commit, before the
  // frame that shows it. `npm run bench` checks that this frame is the page's first contentful paint
  // and times that paint's presentation. The other tabs' code follows then, so it is there before
  // anyone clicks.
  const ready = view.kind !== 'loading' && !!stored;
  useLayoutEffect(() => {
    if (ready) performance.mark('cosell-popup-rendered');
  }, [ready]);
  useEffect(() => {
    if (views || !(ready || tab !== 'page')) return;
    let live = true;
    const load = () =>
      loadViews().then(
        () => live && setViewsReady(true),
        () => undefined,
      );
    if (tab !== 'page') {
      void load();
      return () => void (live = false);
    }
    // After the first render, once the browser is idle: fetching and compiling the other tabs' code
    // while the first frame is still being drawn would delay it (two cores, one of them rastering).
    const cancel = whenIdle(() => void load(), 500);
    return () => {
      live = false;
      cancel();
    };
  }, [ready, tab]);

  const onKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next =
      e.key === 'ArrowRight'
        ? TABS[(i + 1) % TABS.length]
        : e.key === 'ArrowLeft'
          ? TABS[(i + TABS.length - 1) % TABS.length]
          : e.key === 'Home'
            ? TABS[0]
            : e.key === 'End'
              ? TABS[TABS.length - 1]
              : null;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  const pageFindings = view.kind === 'findings' ? view : null;
  const exportPage = useMemo(
    () =>
      pageFindings
        ? {
            app: t(`app_${pageFindings.app.replace('-', '_')}`),
            host: pageFindings.host,
            findings: pageFindings.findings,
            failures: pageFindings.failures,
            sources: pageFindings.sources,
          }
        : null,
    [pageFindings, t],
  );

  return (
    <main class="popup">
      <header class="head">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <div>
          <h1>{t('extName')}</h1>
          <p class="tagline">{t('popup_tagline')}</p>
        </div>
      </header>
      {notice.length > 0 && (
        <div class="notice" role="alert" data-notice="storage-reset">
          <p>{t('popup_notice_reset')}</p>
          <button type="button" onClick={() => setNotice([])}>
            {t('popup_notice_ok')}
          </button>
        </div>
      )}
      {saveError !== null && (
        <div class="notice" role="alert" data-notice="save-failed">
          <p>{t('popup_notice_saveFailed', { reason: saveError })}</p>
          <button type="button" onClick={() => setSaveError(null)}>
            {t('popup_notice_ok')}
          </button>
        </div>
      )}
      <div role="tablist" aria-label={t('extName')} class="tabs" onKeyDown={onKey}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            ref={(el) => void (tabRefs.current[id] = el)}
            onClick={() => {
              setAskTroubleshooter(false);
              setTab(id);
            }}
          >
            {t(`popup_tab_${id}`)}
          </button>
        ))}
      </div>
      <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="panel-body" tabIndex={0}>
        {tab === 'page' && (
          <ThisPage
            view={view}
            api={api}
            t={t}
            troubleshoot={() => {
              setAskTroubleshooter(true);
              setTab('troubleshoot');
            }}
          />
        )}
        {tab !== 'page' && (!views || (!stored && (tab === 'setup' || tab === 'settings'))) && <p aria-busy="true">{t('popup_loading')}</p>}
        {tab === 'setup' && views && stored && <views.Setup api={guarded} t={t} stored={stored} patch={patch} page={exportPage} />}
        {tab === 'troubleshoot' && views && <views.Troubleshoot t={t} focus={askTroubleshooter} />}
        {tab === 'settings' && views && stored && <views.SettingsView api={guarded} t={t} stored={stored} patch={patch} />}
        {tab === 'plan' && views && <views.Plan t={t} />}
      </section>
    </main>
  );
}

function ThisPage({ view, api, t, troubleshoot }: { view: View; api: PopupApi; t: Translator; troubleshoot: () => void }) {
  switch (view.kind) {
    case 'loading':
      return <p aria-busy="true">{t('popup_loading')}</p>;
    case 'other-page':
      return (
        <div class="empty" data-state="other-page">
          <p>{t('popup_otherPage')}</p>
          <ul>
            <li>{t('popup_reads_powerAutomate')}</li>
            <li>{t('popup_reads_partnerCenter')}</li>
            <li>{t('popup_reads_dynamics')}</li>
            <li>{t('popup_reads_salesforce')}</li>
          </ul>
          <p class="note">{t('popup_customHint')}</p>
        </div>
      );
    case 'not-read':
      return (
        <p class="empty" data-state="not-read">
          {t('popup_notRead', { app: t(`app_${view.app.replace('-', '_')}`) })}
        </p>
      );
    case 'findings': {
      const notes = <Failed view={view} t={t} />;
      if (view.findings.length === 0 && view.unrecognised !== undefined)
        return <Unrecognised api={api} t={t} tabId={view.unrecognised} app={t(`app_${view.app.replace('-', '_')}`)} />;
      // A reader that failed found nothing: that is not "nothing to fix".
      if (view.findings.length === 0 && view.failures?.read)
        return (
          <div class="empty" data-state="read-failed" role="status">
            <p>{t('popup_readFailed', { app: t(`app_${view.app.replace('-', '_')}`) })}</p>
            <p class="note">{t('popup_readFailed_more', { tab: t('popup_tab_setup') })}</p>
          </div>
        );
      if (view.findings.length === 0)
        return (
          <div class="empty" data-state="no-findings">
            {notes}
            <p>{t('popup_noFindings', { app: t(`app_${view.app.replace('-', '_')}`) })}</p>
            {/* Nothing on this page explains it: what the user sees goes to the troubleshooter. */}
            <p class="next">
              {t('popup_noFindings_more')}{' '}
              <button type="button" onClick={troubleshoot}>
                {t('popup_noFindings_troubleshoot')}
              </button>
            </p>
          </div>
        );
      return (
        <div data-state="findings">
          {notes}
          {SEVERITIES.map((sev) => {
            const group = view.findings.filter((f) => f.severity === sev);
            if (group.length === 0) return null;
            return (
              <section key={sev} aria-labelledby={`sev-${sev}`} class="group">
                <h2 id={`sev-${sev}`}>{t(`popup_group_${sev}`, { count: group.length })}</h2>
                {group.map((f) => (
                  <HintCard key={`${f.rule}|${f.field ?? ''}`} finding={f} t={t} brand={false} />
                ))}
              </section>
            );
          })}
        </div>
      );
    }
  }
}

/** What went wrong while the page was read or stored, said before its findings. */
function Failed({ view, t }: { view: Extract<View, { kind: 'findings' }>; t: Translator }) {
  const checks = (view.failures?.rules ?? 0) + (view.failures?.render ?? 0);
  if (!view.unstored && checks === 0) return null;
  return (
    <div class="notice" role="status" data-state="partial">
      {checks > 0 && <p>{t('popup_checksFailed', { count: checks })}</p>}
      {view.unstored && <p>{t('popup_unstored')}</p>}
    </div>
  );
}
