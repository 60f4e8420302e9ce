/**
 * Settings → Stored data: clears what the extension kept while the user worked (dismissed hints,
 * checklist ticks, flow sightings), after a confirm step that says how much. Settings, custom
 * domains and the administrator's policy are not touched.
 */
import { useState } from 'preact/hooks';
import type { Translator } from '../../i18n';
import { DISMISSED_KEY, parseDismissed } from '../../model/dismissals';
import { CHECKLIST_KEY, DEFAULT_SIGHTINGS, FLOWS_KEY } from '../../model/state';
import type { PopupApi } from './api';
import type { Patch, Stored } from './types';

type Counts = { hints: number; ticks: number; envs: number };
type Step = { kind: 'idle' } | { kind: 'confirm'; counts: Counts } | { kind: 'done'; counts: Counts } | { kind: 'failed' };

export function ClearData({ api, t, stored, patch }: { api: PopupApi; t: Translator; stored: Stored; patch: Patch }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const ask = async () => {
    const hints = parseDismissed(await api.load(DISMISSED_KEY).catch(() => null)).length;
    const counts = { hints, ticks: Object.keys(stored.checklist.ticks).length, envs: Object.keys(stored.sightings.environments).length };
    setStep({ kind: 'confirm', counts });
  };
  const clear = async (counts: Counts) => {
    // The chosen solution is a setting of the checklist, not a tick: it stays.
    const checklist = { ...stored.checklist, ticks: {} };
    const results = await Promise.all([
      api.save(DISMISSED_KEY, []),
      api.save(CHECKLIST_KEY, checklist),
      api.save(FLOWS_KEY, DEFAULT_SIGHTINGS),
    ]);
    patch((s) => ({ ...s, checklist, sightings: DEFAULT_SIGHTINGS }));
    setStep(results.includes(false) ? { kind: 'failed' } : { kind: 'done', counts });
  };

  return (
    <fieldset data-clear-data="">
      <legend>{t('clear_title')}</legend>
      <p class="note">{t('clear_help')}</p>
      {step.kind === 'confirm' ? (
        <div role="alertdialog" aria-labelledby="clear-confirm">
          <p id="clear-confirm">{t('clear_confirm')}</p>
          <CountList t={t} counts={step.counts} />
          <button type="button" class="primary" onClick={() => void clear(step.counts)}>
            {t('clear_yes')}
          </button>{' '}
          <button type="button" onClick={() => setStep({ kind: 'idle' })}>
            {t('clear_cancel')}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => void ask()}>
          {t('clear_action')}
        </button>
      )}
      {step.kind === 'done' && <CountList t={t} counts={step.counts} />}
      {step.kind === 'done' && (
        <p role="status" class="note">
          {t('clear_done')}
        </p>
      )}
      {step.kind === 'failed' && (
        <p role="alert" class="note">
          {t('clear_failed')}
        </p>
      )}
    </fieldset>
  );
}

/** One line per kind of data, so each count takes its own plural form. */
function CountList({ t, counts }: { t: Translator; counts: Counts }) {
  return (
    <ul class="note">
      <li>{t('clear_count_hints', { count: counts.hints })}</li>
      <li>{t('clear_count_ticks', { count: counts.ticks })}</li>
      <li>{t('clear_count_envs', { count: counts.envs })}</li>
    </ul>
  );
}
