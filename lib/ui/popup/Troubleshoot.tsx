import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Translator } from '../../i18n';
import { searchSymptoms } from '../../knowledge/symptoms';

/** `focus`: opened from "This page" to describe a problem: the field takes the focus. */
export function Troubleshoot({ t, focus = false }: { t: Translator; focus?: boolean }) {
  const [query, setQuery] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focus) field.current?.focus();
  }, [focus]);
  const { results, recognized, partial, fallback } = useMemo(() => searchSymptoms(query, (k) => t(k)), [query, t]);
  return (
    <div class="troubleshoot" data-view="troubleshoot">
      <label for="ts-search">{t('ts_search_label')}</label>
      {/* A text area: a pasted error keeps its lines (a one-line field would glue them together). */}
      <textarea
        id="ts-search"
        ref={field}
        rows={2}
        value={query}
        placeholder={t('ts_search_placeholder')}
        spellcheck={false}
        autocomplete="off"
        onInput={(e) => setQuery((e.target as HTMLTextAreaElement).value)}
      />
      <p role="status" class="note">
        {recognized
          ? t('ts_recognized', { title: t(recognized.titleKey) })
          : fallback
            ? t('ts_results_fallback')
            : partial
              ? t('ts_results_partial', { count: results.length })
              : t('ts_results', { count: results.length })}
      </p>
      {results.map((s) => (
        <details key={s.id} class="symptom" data-symptom={s.id} data-recognized={s === recognized ? '' : undefined} open={s === recognized}>
          <summary>{t(s.titleKey)}</summary>
          <p>
            <strong>{t('ts_cause')}</strong> {t(s.causeKey)}
          </p>
          <ol>
            {s.steps.map((k) => (
              <li key={k}>{t(k)}</li>
            ))}
          </ol>
          {/* Our own source notes ("FAQ C5") open nothing: only a public page is shown. */}
          {s.page && (
            <p class="note">
              <a href={`https://learn.microsoft.com/${t('ts_learn_locale')}/${s.page}`} target="_blank" rel="noreferrer">
                {t('ts_source_link')}
              </a>
            </p>
          )}
        </details>
      ))}
    </div>
  );
}
