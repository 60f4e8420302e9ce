import { useEffect, useState } from 'preact/hooks';
import type { Translator } from '../../i18n';
import { appForHost, type AppId } from '../../knowledge/hosts';
import type { Finding, Severity } from '../../model/finding';
import type { TabState } from '../../model/messages';
import { HintCard } from '../Hint';

export interface ActiveTab {
  id: number;
  /** Known only for pages of the four apps (host permission); undefined elsewhere. */
  url?: string;
}

export interface PopupApi {
  activeTab(): Promise<ActiveTab | null>;
  tabState(tabId: number): Promise<TabState | null>;
}

type View =
  | { kind: 'loading' }
  | { kind: 'other-page' }
  | { kind: 'not-read'; app: AppId }
  | { kind: 'findings'; app: AppId; findings: Finding[] };

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export async function loadView(api: PopupApi): Promise<View> {
  const tab = await api.activeTab();
  const host = tab?.url ? safeHost(tab.url) : null;
  const app = host ? appForHost(host) : null;
  if (!tab || !app) return { kind: 'other-page' };
  const state = await api.tabState(tab.id);
  if (!state) return { kind: 'not-read', app };
  return { kind: 'findings', app, findings: state.findings };
}

const safeHost = (url: string): string | null => {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
};

export function App({ api, t }: { api: PopupApi; t: Translator }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  useEffect(() => {
    loadView(api).then(setView, () => setView({ kind: 'other-page' }));
  }, [api]);

  return (
    <main class="popup">
      <header class="head">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <div>
          <h1>{t('extName')}</h1>
          <p class="tagline">{t('popup_tagline')}</p>
        </div>
      </header>
      <section aria-labelledby="this-page" class="this-page">
        <h2 id="this-page">{t('popup_thisPage')}</h2>
        <ThisPage view={view} t={t} />
      </section>
    </main>
  );
}

function ThisPage({ view, t }: { view: View; t: Translator }) {
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
        </div>
      );
    case 'not-read':
      return (
        <p class="empty" data-state="not-read">
          {t('popup_notRead', { app: t(`app_${view.app.replace('-', '_')}`) })}
        </p>
      );
    case 'findings': {
      if (view.findings.length === 0)
        return (
          <p class="empty" data-state="no-findings">
            {t('popup_noFindings', { app: t(`app_${view.app.replace('-', '_')}`) })}
          </p>
        );
      return (
        <div data-state="findings">
          {SEVERITIES.map((sev) => {
            const group = view.findings.filter((f) => f.severity === sev);
            if (group.length === 0) return null;
            return (
              <section key={sev} aria-labelledby={`sev-${sev}`} class="group">
                <h3 id={`sev-${sev}`}>{t(`popup_group_${sev}`, { count: group.length })}</h3>
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
