import { useMemo, useState } from 'preact/hooks';
import type { Translator } from '../../i18n';
import { searchSymptoms } from '../../knowledge/symptoms';

export function Troubleshoot({ t }: { t: Translator }) {
  const [query, setQuery] = useState('');
  const results = useMemo(() => searchSymptoms(query, (k) => t(k)), [query, t]);
  return (
    <div class="troubleshoot" data-view="troubleshoot">
      <label for="ts-search">{t('ts_search_label')}</label>
      <input id="ts-search" type="search" value={query} placeholder={t('ts_search_placeholder')} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
      <p role="status" class="note">
        {t('ts_results', { count: results.length })}
      </p>
      {results.map((s) => (
        <details key={s.id} class="symptom" data-symptom={s.id}>
          <summary>{t(s.titleKey)}</summary>
          <p>
            <strong>{t('ts_cause')}</strong> {t(s.causeKey)}
          </p>
          <ol>
            {s.steps.map((k) => (
              <li key={k}>{t(k)}</li>
            ))}
          </ol>
          <p class="note">{t('ts_source', { source: s.source })}</p>
        </details>
      ))}
    </div>
  );
}
