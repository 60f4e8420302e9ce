/**
 * The popup: header, notices, tabs. What it reads is in load.ts, what is stored in useStored.ts,
 * "This page" in ThisPage.tsx; the other tabs' code comes in after the first render (lazy.ts).
 */
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { Translator } from '../../i18n';
import type { PopupApi } from './api';
import { loadedViews, loadViews, whenIdle } from './lazy';
import { loadView, loadStored, type Preload } from './load';
import { Tabs, type Tab } from './Tabs';
import { ThisPage } from './ThisPage';
import { Unrecognised } from './Unrecognised';
import type { PageSummary, View } from './types';
import { useStored } from './useStored';

export function App({ api, t, initial }: { api: PopupApi; t: Translator; initial?: Preload }) {
  const [view, setView] = useState<View>(initial?.arrived?.view ?? { kind: 'loading' });
  const { stored, patch, show, reload, guarded, notice, clearNotice, saveError, clearSaveError } = useStored(api, initial?.arrived?.stored);
  const [tab, setTab] = useState<Tab>('page');
  /** The troubleshooter opened from "This page": its field takes the focus. */
  const [askTroubleshooter, setAskTroubleshooter] = useState(false);
  const [, setViewsReady] = useState(loadedViews() !== null);
  const views = loadedViews();

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
    if (loadedViews() || !(ready || tab !== 'page')) return;
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

  const pageFindings = view.kind === 'findings' ? view : null;
  const exportPage: PageSummary | null = useMemo(
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
          <button type="button" onClick={clearNotice}>
            {t('popup_notice_ok')}
          </button>
        </div>
      )}
      {saveError !== null && (
        <div class="notice" role="alert" data-notice="save-failed">
          <p>{t('popup_notice_saveFailed', { reason: saveError })}</p>
          <button type="button" onClick={clearSaveError}>
            {t('popup_notice_ok')}
          </button>
        </div>
      )}
      <Tabs
        tab={tab}
        t={t}
        select={(id) => {
          setAskTroubleshooter(false);
          setTab(id);
        }}
      />
      <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="panel-body" tabIndex={0}>
        {tab === 'page' && (
          <ThisPage
            view={view}
            t={t}
            unrecognised={
              view.kind === 'findings' && view.unrecognised ? (
                <Unrecognised api={api} t={t} tabId={view.tabId} app={t(`app_${view.app.replace('-', '_')}`)} />
              ) : undefined
            }
            reveal={
              api.reveal && view.kind === 'findings'
                ? (f) => api.reveal!(view.tabId, { rule: f.rule, ...(f.field !== undefined && { field: f.field }) })
                : undefined
            }
            troubleshoot={() => {
              setAskTroubleshooter(true);
              setTab('troubleshoot');
            }}
          />
        )}
        {tab !== 'page' && (!views || (!stored && (tab === 'setup' || tab === 'settings'))) && <p aria-busy="true">{t('popup_loading')}</p>}
        {tab === 'setup' && views && stored && (
          <views.Setup api={guarded} t={t} stored={stored} patch={patch} page={exportPage} tabApp={'app' in view ? view.app : null} />
        )}
        {tab === 'troubleshoot' && views && <views.Troubleshoot t={t} focus={askTroubleshooter} />}
        {tab === 'settings' && views && stored && <views.SettingsView api={guarded} t={t} stored={stored} patch={patch} />}
        {tab === 'plan' && views && <views.Plan t={t} />}
      </section>
    </main>
  );
}
