/** The "This page" tab: the active tab's findings, errors first, or why there are none. */
import type { ComponentChildren } from 'preact';
import type { Translator } from '../../i18n';
import { useState } from 'preact/hooks';
import { SEVERITIES, type Finding } from '../../model/finding';
import { HintCard } from '../Hint';
import type { FindingsView, View } from './types';

const appName = (t: Translator, app: string) => t(`app_${app.replace('-', '_')}`);

/** The records a clean page names ("7 checks on this opportunity"); any other page is "this page". */
const NAMED_KINDS = ['opportunity', 'account', 'referral'];
const checkedKey = (kinds: readonly string[]) =>
  kinds.length === 1 && NAMED_KINDS.includes(kinds[0]!) ? `popup_checked_${kinds[0]}` : 'popup_checked_page';

export function ThisPage({
  view,
  t,
  troubleshoot,
  reveal,
  unrecognised,
}: {
  view: View;
  t: Translator;
  troubleshoot: () => void;
  /** Scrolls the page to a finding's hint; absent where the browser cannot ask the tab. */
  reveal?: ((f: Finding) => Promise<boolean>) | undefined;
  /** Shown instead of "nothing to fix" when the page was not recognised. */
  unrecognised?: ComponentChildren;
}) {
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
          {t('popup_notRead', { app: appName(t, view.app) })}
        </p>
      );
    case 'findings': {
      const notes = <Failed view={view} t={t} />;
      if (view.findings.length === 0 && view.unrecognised && unrecognised) return unrecognised;
      // A reader that failed found nothing: that is not "nothing to fix".
      if (view.findings.length === 0 && view.failures?.read)
        return (
          <div class="empty" data-state="read-failed" role="status">
            <p>{t('popup_readFailed', { app: appName(t, view.app) })}</p>
            <p class="note">{t('popup_readFailed_more', { tab: t('popup_tab_setup') })}</p>
          </div>
        );
      const record = view.checked?.record ? (
        <p class="record" data-record="">
          {t('popup_record', { name: view.checked.record })}
        </p>
      ) : null;
      if (view.findings.length === 0)
        return (
          <div class="empty" data-state="no-findings">
            {notes}
            {record}
            <p data-checked={view.checked?.rules ?? ''}>
              {view.checked?.rules
                ? t(checkedKey(view.checked.kinds), { count: view.checked.rules })
                : t('popup_noFindings', { app: appName(t, view.app) })}
            </p>
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
          {record}
          {SEVERITIES.map((sev) => {
            const group = view.findings.filter((f) => f.severity === sev);
            if (group.length === 0) return null;
            return (
              <section key={sev} aria-labelledby={`sev-${sev}`} class="group">
                <h2 id={`sev-${sev}`}>{t(`popup_group_${sev}`, { count: group.length })}</h2>
                {group.map((f) => (
                  <div class="finding" key={`${f.rule}|${f.field ?? ''}`}>
                    <HintCard finding={f} t={t} brand={false} />
                    {reveal && f.display !== 'popup' && <Reveal finding={f} t={t} reveal={reveal} />}
                  </div>
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
function Failed({ view, t }: { view: FindingsView; t: Translator }) {
  const checks = (view.failures?.rules ?? 0) + (view.failures?.render ?? 0);
  if (!view.unstored && checks === 0) return null;
  return (
    <div class="notice" role="status" data-state="partial">
      {checks > 0 && <p>{t('popup_checksFailed', { count: checks })}</p>}
      {view.unstored && <p>{t('popup_unstored')}</p>}
    </div>
  );
}

/** "Show on the page": the page scrolls to the finding's hint and flashes it; said when it is gone. */
function Reveal({ finding, t, reveal }: { finding: Finding; t: Translator; reveal: (f: Finding) => Promise<boolean> }) {
  const [missing, setMissing] = useState(false);
  return (
    <p class="reveal">
      <button type="button" data-reveal={finding.rule} onClick={() => void reveal(finding).then((shown) => setMissing(!shown))}>
        {t('popup_reveal')}
      </button>
      {missing && (
        <span role="status" class="note">
          {' '}
          {t('popup_reveal_missing')}
        </span>
      )}
    </p>
  );
}
