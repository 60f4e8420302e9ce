import { useState } from 'preact/hooks';
import type { Translator } from '../../i18n';

/** 2020 paid plan (FAQ, 2020 version): 10,000 calls a day for US$15 a month. */
export const DAILY_LIMIT_2020 = 10_000;
/** Partner Center Events connector: 100 calls per connection per 60 seconds. */
export const EVENTS_PER_MINUTE = 100;

/** Every create or update of an opportunity, on either side, costs one Partner Center API call. */
export function estimate(created: number, updated: number, busiestMinute: number) {
  const perDay = Math.max(0, created) + Math.max(0, updated);
  return { perDay, share: perDay / DAILY_LIMIT_2020, perMinuteAverage: perDay / 1440, overThrottle: busiestMinute > EVENTS_PER_MINUTE };
}

export function Plan({ t }: { t: Translator }) {
  const [created, setCreated] = useState(20);
  const [updated, setUpdated] = useState(150);
  const [peak, setPeak] = useState(10);
  const e = estimate(created, updated, peak);
  const num = (set: (n: number) => void) => (ev: Event) => set(Math.max(0, Math.floor(Number((ev.target as HTMLInputElement).value) || 0)));
  const nf = new Intl.NumberFormat(document.documentElement.lang || undefined);
  return (
    <div class="plan" data-view="plan">
      <p>{t('plan_intro')}</p>
      <div class="field">
        <label for="plan-created">{t('plan_created')}</label>
        <input id="plan-created" type="number" min={0} value={created} onInput={num(setCreated)} />
      </div>
      <div class="field">
        <label for="plan-updated">{t('plan_updated')}</label>
        <input id="plan-updated" type="number" min={0} value={updated} onInput={num(setUpdated)} />
      </div>
      <div class="field">
        <label for="plan-peak">{t('plan_peak')}</label>
        <input id="plan-peak" type="number" min={0} value={peak} onInput={num(setPeak)} />
      </div>
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
          {t(e.overThrottle ? 'plan_throttle_over' : 'plan_throttle_ok', { peak: nf.format(peak), limit: EVENTS_PER_MINUTE })}
        </p>
      </output>
      <p class="note">{t('plan_sources')}</p>
    </div>
  );
}
