import { useRef } from 'preact/hooks';
import type { Translator } from '../../i18n';

export const TABS = ['page', 'setup', 'troubleshoot', 'settings', 'plan'] as const;
export type Tab = (typeof TABS)[number];

/** The tab list, with the arrow, Home and End keys of the ARIA tabs pattern. */
export function Tabs({ tab, t, select }: { tab: Tab; t: Translator; select: (tab: Tab) => void }) {
  const refs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next =
      e.key === 'ArrowRight'
        ? TABS[(i + 1) % TABS.length]
        : e.key === 'ArrowLeft'
          ? TABS[(i + TABS.length - 1) % TABS.length]
          : e.key === 'Home'
            ? TABS[0]
            : e.key === 'End'
              ? TABS[TABS.length - 1]
              : null;
    if (!next) return;
    e.preventDefault();
    select(next);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={t('extName')} class="tabs" onKeyDown={onKey}>
      {TABS.map((id) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`tab-${id}`}
          aria-selected={tab === id}
          aria-controls={`panel-${id}`}
          tabIndex={tab === id ? 0 : -1}
          ref={(el) => void (refs.current[id] = el)}
          onClick={() => select(id)}
        >
          {t(`popup_tab_${id}`)}
        </button>
      ))}
    </div>
  );
}
