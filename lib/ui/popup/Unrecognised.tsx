/**
 * "This page was not recognised": a page a reader is made for, on which it found none of its
 * anchors. Offers the page's structure (lib/readers/structure.ts: no values, names, e-mails or
 * numbers) for a bug report, so the readers can be fixed from real pages.
 */
import { useState } from 'preact/hooks';
import type { Translator } from '../../i18n';
import type { PopupApi } from './api';

export function Unrecognised({ api, t, tabId, app }: { api: PopupApi; t: Translator; tabId: number; app: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [manual, setManual] = useState<string | null>(null);
  const copy = async () => {
    const text = (await api.pageStructure?.(tabId).catch(() => null)) ?? null;
    if (text === null) return setState('failed');
    try {
      await api.copy(text);
      setManual(null);
      setState('copied');
    } catch {
      // The clipboard refused (popup not focused, a policy): shown for the user to copy.
      setManual(text);
      setState('idle');
    }
  };
  return (
    <div class="empty" data-state="unrecognised" role="status">
      <p>{t('popup_unrecognised', { app })}</p>
      <p class="note">{t('popup_unrecognised_more')}</p>
      <p class="actions">
        <button type="button" data-action="copy-structure" onClick={() => void copy()}>
          {t('popup_copyStructure')}
        </button>
        {state === 'copied' && <span role="status">{t('popup_copyStructure_done')}</span>}
        {state === 'failed' && <span role="status">{t('popup_copyStructure_failed')}</span>}
      </p>
      {manual !== null && (
        <div class="manual-copy" data-export="structure">
          <label for="page-structure">{t('setup_export_manual')}</label>
          <textarea id="page-structure" readOnly rows={8} value={manual} />
        </div>
      )}
    </div>
  );
}
