import type { Finding } from '../model/finding';
import type { Translator } from '../i18n';
import { Hint, type HintItem } from './Compact';
import { catalogueParams } from './params';

const ICON: Record<Finding['severity'], string> = { error: '!', warning: '!', info: 'i' };

/** One finding: what is wrong and why, then the ordered fix steps. Text only; page data is never parsed as HTML. */
export function HintCard({
  finding,
  t,
  onDismiss,
  brand = true,
}: {
  finding: Finding;
  t: Translator;
  onDismiss?: () => void;
  brand?: boolean;
}) {
  const sev = t(`severity_${finding.severity}`);
  const params = catalogueParams(finding, t);
  return (
    <div class="hint" data-rule={finding.rule} data-severity={finding.severity} role="note" aria-label={`${t('extName')}: ${sev}`}>
      <span class="icon" aria-hidden="true">
        {ICON[finding.severity]}
      </span>
      <div class="body">
        {brand && (
          <span class="brand">
            {t('extName')} · <span class="sev">{sev}</span>
          </span>
        )}
        <p class="msg">{t(finding.messageKey, params)}</p>
        {finding.fixSteps.length > 0 && (
          <details>
            <summary>{t('hint_howToFix')}</summary>
            <ol>
              {finding.fixSteps.map((step) => (
                <li key={step}>{t(step, params)}</li>
              ))}
            </ol>
          </details>
        )}
      </div>
      {onDismiss && (
        <button type="button" class="dismiss" aria-label={t('hint_dismiss')} title={t('hint_dismiss')} onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}

/** Findings whose field is not on screen: one compact hint each, in a panel at the window's corner. */
export function Panel({
  items,
  t,
  collapsed,
  onToggle,
  onDismiss,
  onDismissAll,
}: {
  items: HintItem[];
  t: Translator;
  collapsed: boolean;
  onToggle: () => void;
  onDismiss: (i: HintItem) => void;
  onDismissAll: () => void;
}) {
  const title = t('panel_title', { count: items.length });
  if (collapsed) {
    return (
      <button type="button" class="panel pill" aria-expanded="false" onClick={onToggle}>
        {title}
      </button>
    );
  }
  return (
    <section class="panel" aria-label={title}>
      <div class="panel-head">
        <h2>{title}</h2>
        <button type="button" aria-expanded="true" onClick={onToggle} title={t('panel_collapse')} aria-label={t('panel_collapse')}>
          –
        </button>
        <button type="button" class="dismiss" onClick={onDismissAll} title={t('panel_dismissAll')} aria-label={t('panel_dismissAll')}>
          ×
        </button>
      </div>
      {items.map((i) => (
        <Hint key={`${i.finding.rule}|${i.finding.field ?? ''}`} items={[i]} t={t} onDismiss={() => onDismiss(i)} />
      ))}
    </section>
  );
}
