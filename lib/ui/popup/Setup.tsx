import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translator } from '../../i18n';
import { checklists, type Checklist } from '../../knowledge/checklists';
import type { AppId } from '../../knowledge/hosts';
import type { SolutionId } from '../../model/observation';
import { CHECKLIST_KEY, type ChecklistState } from '../../model/state';
import { latestEnvironment } from '../../model/state';
import type { PopupApi } from './api';
import type { PageSummary, Patch, Stored } from './types';
import { buildReport } from './report';
import { listedCustomHosts } from '../../knowledge/custom-hosts';

export function Setup({
  api,
  t,
  stored,
  patch,
  page,
  tabApp = null,
}: {
  api: PopupApi;
  t: Translator;
  stored: Stored;
  patch: Patch;
  page: PageSummary | null;
  /** The active tab's app: a Dynamics 365 or Salesforce tab says which checklist to show. */
  tabApp?: AppId | null;
}) {
  const { checklist, sightings } = stored;
  const seenSolution = latestEnvironment(sightings)?.[1].solution ?? null;
  const tabSolution: SolutionId | null = tabApp === 'dynamics' || tabApp === 'salesforce' ? tabApp : null;
  // What the user picks here wins; then the tab's app; then an earlier pick, then what was seen.
  const [picked, setPicked] = useState<SolutionId | null>(null);
  const solution: SolutionId = picked ?? tabSolution ?? checklist.solution ?? seenSolution ?? 'dynamics';
  const env = latestEnvironment(sightings, solution);
  const lists = checklists(solution);
  const [confirmReset, setConfirmReset] = useState(false);
  const [copied, setCopied] = useState(false);
  const fmt = (ms: number) =>
    new Date(ms).toLocaleString(document.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'short' });

  const save = (next: ChecklistState) => {
    patch((s) => ({ ...s, checklist: next }));
    return api.save(CHECKLIST_KEY, next);
  };
  const done = (list: string, itemId: string): { by: 'user' | 'seen'; at: number } | null => {
    const item = lists.find((l) => l.id === list)?.items.find((i) => i.id === itemId);
    const role = item?.observe?.flowOn;
    const seen = role ? env?.[1].flows[role] : undefined;
    if (seen) return seen.state === 'on' ? { by: 'seen', at: seen.seenAt } : null;
    const at = checklist.ticks[`${solution}/${list}/${itemId}`];
    return at ? { by: 'user', at } : null;
  };
  const total = lists.reduce((n, l) => n + l.items.length, 0);
  const doneIn = (l: Checklist) => l.items.filter((i) => done(l.id, i.id)).length;
  const count = lists.reduce((n, l) => n + doneIn(l), 0);
  const firstOpen = lists.find((l) => doneIn(l) < l.items.length);
  const next = firstOpen?.items.find((i) => !done(firstOpen.id, i.id));
  // The first unfinished section opens; the user's own opening and closing is kept per solution.
  const [opened, setOpened] = useState<Record<string, boolean>>({});
  const isOpen = (l: Checklist) => opened[`${solution}/${l.id}`] ?? l === firstOpen;

  const toggle = (list: Checklist, id: string, on: boolean) => {
    const ticks = { ...checklist.ticks };
    const key = `${solution}/${list.id}/${id}`;
    if (on) ticks[key] = Date.now();
    else delete ticks[key];
    void save({ ...checklist, ticks });
  };

  // When the browser refuses the clipboard (the popup not focused, a policy), the report is shown,
  // selected, for the user to copy: it is never lost in a click that did nothing.
  const [manual, setManual] = useState<string | null>(null);
  const manualRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (manual === null) return;
    manualRef.current?.focus();
    manualRef.current?.select();
  }, [manual]);
  const exportReport = async () => {
    const domains = listedCustomHosts(stored.customHosts.hosts, stored.managed);
    const text = buildReport({
      t,
      version: api.version,
      now: new Date(),
      page,
      checklists: { solution, lists, done },
      settings: { effective: stored.settings, domains },
    });
    try {
      await api.copy(text);
      setManual(null);
      setCopied(true);
    } catch {
      setCopied(false);
      setManual(text);
    }
  };

  return (
    <div class="setup" data-view="setup">
      <fieldset class="solution">
        <legend>{t('setup_solution')}</legend>
        {(['dynamics', 'salesforce'] as const).map((s) => (
          <label key={s}>
            <input
              type="radio"
              name="solution"
              value={s}
              checked={solution === s}
              onChange={() => {
                setPicked(s);
                void save({ ...checklist, solution: s });
              }}
            />{' '}
            {t(`app_${s}`)}
          </label>
        ))}
        <p class="note">
          {picked
            ? t('setup_solution_manual')
            : tabSolution
              ? t('setup_solution_tab', { app: t(`app_${tabSolution}`) })
              : checklist.solution
                ? t('setup_solution_manual')
                : seenSolution
                  ? t('setup_solution_seen')
                  : t('setup_solution_default')}
        </p>
      </fieldset>
      <p class="note" data-env={env?.[0] ?? ''}>
        {env
          ? // A tenant's default environment is `Default-<tenant ID>`: named so rather than by its ID.
            env[0].startsWith('Default-')
            ? t('setup_env_seen_default', { when: fmt(env[1].seenAt) })
            : t('setup_env_seen', { env: env[0], when: fmt(env[1].seenAt) })
          : t('setup_env_none')}
      </p>
      <div class="progress">
        <label for="setup-progress">{t('setup_progress', { done: count, total })}</label>
        <progress id="setup-progress" max={total} value={count} />
      </div>
      <p class="start" data-start={next ? `${firstOpen!.id}/${next.id}` : 'done'}>
        {next ? t('setup_start', { section: t(firstOpen!.titleKey), item: t(next.key, next.params) }) : t('setup_all_done')}
      </p>
      {lists.map((list) => (
        <details
          key={`${solution}/${list.id}`}
          class="checklist"
          data-list={list.id}
          open={isOpen(list)}
          onToggle={(e) => {
            const open = (e.currentTarget as HTMLDetailsElement).open;
            if (open !== isOpen(list)) setOpened((o) => ({ ...o, [`${solution}/${list.id}`]: open }));
          }}
        >
          <summary>
            <span class="title">{t(list.titleKey)}</span>{' '}
            <span class="count" data-count={`${doneIn(list)}/${list.items.length}`}>
              {t('setup_section_progress', { done: doneIn(list), total: list.items.length })}
            </span>
          </summary>
          {list.items.map((item) => {
            const state = done(list.id, item.id);
            const role = item.observe?.flowOn;
            const seen = role ? env?.[1].flows[role] : undefined;
            const id = `chk-${list.id}-${item.id}`;
            return (
              <div key={item.id} class="item" data-item={item.id} data-done={state ? state.by : 'no'}>
                <input
                  type="checkbox"
                  id={id}
                  checked={!!state}
                  disabled={!!seen}
                  aria-describedby={seen ? `${id}-seen` : undefined}
                  onChange={(e) => toggle(list, item.id, (e.target as HTMLInputElement).checked)}
                />
                <label for={id}>{t(item.key, item.params)}</label>
                {seen && (
                  <span class="seen" id={`${id}-seen`}>
                    {t(seen.state === 'on' ? 'setup_seen_on' : 'setup_seen_off', { when: fmt(seen.seenAt) })}
                  </span>
                )}
              </div>
            );
          })}
        </details>
      ))}
      <div class="actions">
        <button type="button" onClick={exportReport}>
          {t('setup_export')}
        </button>
        {copied && <span role="status">{t('setup_export_copied')}</span>}
        {confirmReset ? (
          <button
            type="button"
            class="danger"
            onClick={() => {
              void save({
                ...checklist,
                ticks: Object.fromEntries(Object.entries(checklist.ticks).filter(([k]) => !k.startsWith(`${solution}/`))),
                solution: null,
              });
              setConfirmReset(false);
            }}
          >
            {t('setup_reset_confirm')}
          </button>
        ) : (
          <button type="button" onClick={() => setConfirmReset(true)}>
            {t('setup_reset')}
          </button>
        )}
      </div>
      {manual !== null && (
        <div class="manual-copy" data-export="manual">
          <label for="setup-report">{t('setup_export_manual')}</label>
          <textarea id="setup-report" ref={manualRef} readOnly rows={8} value={manual} />
        </div>
      )}
    </div>
  );
}
