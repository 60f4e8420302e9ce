import { useState } from 'preact/hooks';
import type { Translator } from '../../i18n';

/** 2020 paid plan (FAQ, 2020 version): 10,000 calls a day for US$15 a month. */
export const DAILY_LIMIT_2020 = 10_000;
/** Partner Center Events connector: 100 calls per connection per 60 seconds. */
export const EVENTS_PER_MINUTE = 100;

/** Where each limit is published, and the version it was read in (the page in the user's language). */
export const LIMIT_SOURCES = {
  daily: { key: 'plan_source_daily', page: 'partner-center/referrals/connectors-troubleshoot' },
  throttle: { key: 'plan_source_throttle', page: 'connectors/partnercenterevents' },
} as const;

/** Every create or update of an opportunity, on either side, costs one Partner Center API call. */
export function estimate(created: number, updated: number, busiestMinute: number) {
  const perDay = Math.max(0, created) + Math.max(0, updated);
  return { perDay, share: perDay / DAILY_LIMIT_2020, perMinuteAverage: perDay / 1440, overThrottle: busiestMinute > EVENTS_PER_MINUTE };
}

/** A count as typed: a whole number of 0 or more, else null (said beside the field, not used). */
export function parseCount(text: string): number | null {
  const s = text.trim();
  if (!/^\d+$/.test(s)) return null;
  return Number(s);
}

const FIELDS = [
  ['created', 'plan_created', 20],
  ['updated', 'plan_updated', 150],
  ['peak', 'plan_peak', 10],
] as const;
type FieldId = (typeof FIELDS)[number][0];

export function Plan({ t }: { t: Translator }) {
  const [typed, setTyped] = useState<Record<FieldId, string>>({ created: '20', updated: '150', peak: '10' });
  // The estimate keeps the last valid value of a field while what is typed there is refused.
  const [valid, setValid] = useState<Record<FieldId, number>>({ created: 20, updated: 150, peak: 10 });
  const e = estimate(valid.created, valid.updated, valid.peak);
  const nf = new Intl.NumberFormat(document.documentElement.lang || undefined);
  const learn = (page: string) => `https://learn.microsoft.com/${t('ts_learn_locale')}/${page}`;
  return (
    <div class="plan" data-view="plan">
      <p>{t('plan_intro')}</p>
      {FIELDS.map(([id, label]) => {
        const wrong = parseCount(typed[id]) === null;
        return (
          <div class="field" key={id}>
            <label for={`plan-${id}`}>{t(label)}</label>
            <input
              id={`plan-${id}`}
              type="number"
              min={0}
              step={1}
              value={typed[id]}
              aria-invalid={wrong ? true : undefined}
              aria-describedby={wrong ? `plan-${id}-error` : undefined}
              onInput={(ev) => {
                const text = (ev.target as HTMLInputElement).value;
                setTyped((all) => ({ ...all, [id]: text }));
                const n = parseCount(text);
                if (n !== null) setValid((all) => ({ ...all, [id]: n }));
              }}
            />
            {wrong && (
              <p id={`plan-${id}-error`} class="note error" role="alert" data-invalid-plan={id}>
                {t('plan_error_count')}
              </p>
            )}
          </div>
        );
      })}
      <output for="plan-created plan-updated" class="result" data-calls={e.perDay}>
        <p class="big">{t('plan_calls', { calls: nf.format(e.perDay) })}</p>
        <p>
          {t('plan_vs_2020', { percent: nf.format(Math.round(e.share * 1000) / 10), limit: nf.format(DAILY_LIMIT_2020) })}
          {e.share > 1 && <strong> {t('plan_over')}</strong>}
        </p>
        <progress
          max={DAILY_LIMIT_2020}
          value={Math.min(e.perDay, DAILY_LIMIT_2020)}
          aria-label={t('plan_calls', { calls: nf.format(e.perDay) })}
        />
        <p>{t('plan_2023')}</p>
        <p data-throttle={e.overThrottle ? 'over' : 'ok'}>
          {t(e.overThrottle ? 'plan_throttle_over' : 'plan_throttle_ok', { peak: nf.format(valid.peak), limit: EVENTS_PER_MINUTE })}
        </p>
      </output>
      <ul class="note sources">
        {(Object.keys(LIMIT_SOURCES) as (keyof typeof LIMIT_SOURCES)[]).map((k) => (
          <li key={k} data-source={k}>
            <a href={learn(LIMIT_SOURCES[k].page)} target="_blank" rel="noreferrer">
              {t(LIMIT_SOURCES[k].key, { daily: nf.format(DAILY_LIMIT_2020), throttle: EVENTS_PER_MINUTE })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
