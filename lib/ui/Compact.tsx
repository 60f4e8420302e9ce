/**
 * The in-page hint: one line (severity icon, a short sentence) with a disclosure for why and how to
 * fix, for every finding on one anchor ("2 problems here") and the findings they explain. Text only;
 * page data is never parsed as HTML. Every finding keeps its own element with `data-rule` and
 * `data-severity` (DESIGN contract), shown or not.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Finding } from '../model/finding';
import type { Translator } from '../i18n';

const ICON: Record<Finding['severity'], string> = { error: '!', warning: '!', info: 'i' };

/** One finding of a hint, with what it explains; `params` already carry the page's label. */
export interface HintItem {
  finding: Finding;
  params: Finding['params'];
  explains: { finding: Finding; params: Finding['params'] }[];
}

export interface HintProps {
  items: HintItem[];
  t: Translator;
  /** Too narrow a place for the line: the icon alone, its text in a popover from it. */
  marker?: boolean;
  onDismiss?: () => void;
}

export const shortKey = (f: Finding): string => `${f.messageKey}_short`;

/** The one line: the finding's summary, or the count and each summary for several. */
export function lineOf(items: HintItem[], t: Translator): string {
  const lines = items.map((i) => t(shortKey(i.finding), i.params));
  return items.length === 1 ? lines[0]! : `${t('hint_problems', { count: items.length })}: ${lines.join(' · ')}`;
}

export function Hint({ items, t, marker = false, onDismiss }: HintProps) {
  const top = items[0]!.finding.severity;
  const line = lineOf(items, t);
  const name = t('hint_name', { severity: t(`severity_${top}`), text: line });
  const body = items.map((item) => (
    <Item key={`${item.finding.rule}|${item.finding.field ?? ''}`} item={item} t={t} heading={items.length > 1} />
  ));
  if (marker)
    return (
      <Marker top={top} line={line} name={name} t={t} onDismiss={onDismiss} items={items.length}>
        {body}
      </Marker>
    );
  // The line is the disclosure's summary: it opens the hint itself, in place.
  return (
    <div class="hint" data-severity={top} data-count={items.length} role="group" aria-label={name} title={t('extName')}>
      <details>
        <summary title={t('hint_more')}>
          <span class="icon" aria-hidden="true">
            {ICON[top]}
          </span>
          <span class="line">{line}</span>
          <span class="chevron" aria-hidden="true">
            ▾
          </span>
        </summary>
        <div class="more">{body}</div>
      </details>
      {onDismiss && (
        <button type="button" class="dismiss" aria-label={t('hint_dismiss')} title={t('hint_dismiss')} onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}

/** The icon alone beside its field; its text opens in the top layer, where no narrow column squeezes or clips it. */
function Marker({
  top,
  line,
  name,
  t,
  onDismiss,
  items,
  children,
}: {
  top: Finding['severity'];
  line: string;
  name: string;
  t: Translator;
  onDismiss?: () => void;
  items: number;
  children: preact.ComponentChildren;
}) {
  const [open, setOpen] = useState(false);
  const more = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = more.current;
    if (!el || typeof el.showPopover !== 'function') return;
    const shown = el.matches(':popover-open');
    if (open && !shown) el.showPopover();
    else if (!open && shown) el.hidePopover();
  }, [open]);
  return (
    <div
      class={`hint marker${open ? ' open' : ''}`}
      data-severity={top}
      data-count={items}
      role="group"
      aria-label={name}
      title={t('extName')}
    >
      <button type="button" class="toggle" aria-expanded={open} aria-label={name} title={line} onClick={() => setOpen(!open)}>
        <span class="icon" aria-hidden="true">
          {ICON[top]}
        </span>
      </button>
      <div class="more" ref={more} popover="manual" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
        <p class="line-full">{line}</p>
        {children}
        {onDismiss && (
          <button type="button" class="dismiss-text" onClick={onDismiss}>
            {t('hint_dismiss')}
          </button>
        )}
      </div>
    </div>
  );
}

function Item({ item, t, heading }: { item: HintItem; t: Translator; heading: boolean }) {
  const f = item.finding;
  return (
    <section class="item" data-rule={f.rule} data-severity={f.severity}>
      {heading && <p class="item-line">{t(shortKey(f), item.params)}</p>}
      <p class="msg">{t(f.messageKey, item.params)}</p>
      {f.fixSteps.length > 0 && (
        <>
          <p class="steps-title">{t('hint_howToFix')}</p>
          <ol>
            {f.fixSteps.map((step) => (
              <li key={step}>{t(step, item.params)}</li>
            ))}
          </ol>
        </>
      )}
      {item.explains.length > 0 && (
        <>
          <p class="steps-title">{t('hint_explains')}</p>
          <ul class="explains">
            {item.explains.map((e) => (
              <li key={`${e.finding.rule}|${e.finding.field ?? ''}`} data-rule={e.finding.rule} data-severity={e.finding.severity}>
                {t(shortKey(e.finding), e.params)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** What is left of a hint just dismissed: a line to take it back. */
export function Hidden({ t, onUndo }: { t: Translator; onUndo: () => void }) {
  return (
    <div class="hidden-line" role="status">
      <span>{t('hint_hidden')}</span>
      <button type="button" class="undo" onClick={onUndo}>
        {t('hint_undo')}
      </button>
    </div>
  );
}
