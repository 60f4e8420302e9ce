/**
 * The diagnostic report for a support ticket, as Markdown: the tab's findings, the settings that
 * differ from the defaults (a rule switched off is the first thing support asks about) and the
 * checklist. Page values pass an allow-list (redact.ts); the report says what it withheld.
 */
import { catalogueParams } from '../params';
import type { Translator } from '../../i18n';
import type { Checklist } from '../../knowledge/checklists';
import type { Failures, Finding } from '../../model/finding';
import type { ReadSources } from '../../model/messages';
import type { ListedHost } from '../../knowledge/custom-hosts';
import type { EffectiveSettings, LockedPath } from '../../model/settings';
import { bound, escapeMarkdown, quotePage, reportParam, scrub } from './redact';
import { TEXT_SETTINGS } from './settings-fields';

export { scrub } from './redact';

/** The settings as the report lists them: the effective ones, and every custom domain. */
export interface ReportSettings {
  effective: EffectiveSettings;
  domains: readonly ListedHost[];
}

/** What kind of page value a withheld parameter held, as the report names it. */
const KIND: Record<string, string> = {
  text: 'report_kind_text',
  help: 'report_kind_text',
  value: 'report_kind_text',
  member: 'report_kind_names',
  steps: 'report_kind_steps',
  connector: 'report_kind_connections',
  stage: 'report_kind_stages',
  active: 'report_kind_stages',
  flow: 'report_kind_flows',
  before: 'report_kind_flows',
  child: 'report_kind_flows',
};
/** The report stays small enough to paste into a ticket, whatever the page held. */
export const MAX_REPORT = 60_000;

export interface ReportInput {
  t: Translator;
  version: string;
  now: Date;
  page: {
    app: string | null;
    host: string | null;
    findings: Finding[];
    failures?: Failures | undefined;
    sources?: ReadSources | undefined;
  } | null;
  checklists: {
    solution: string;
    lists: Checklist[];
    done: (list: string, item: string) => { by: 'user' | 'seen'; at: number } | null;
  } | null;
  settings?: ReportSettings | null;
}

export function buildReport({ t, version, now, page, checklists, settings }: ReportInput): string {
  // "Label: value" as each language writes it (French puts a space before the colon).
  const field = (label: string, value: string) => t('report_field', { label, value });
  const lines = [`# ${t('report_title')}`, '', `- ${field(t('report_generated'), now.toISOString())}`, `- Co-sell Companion ${version}`];
  if (page) {
    lines.push(`- ${field(t('report_page'), `${page.app ?? '—'}${page.host ? ` (${escapeMarkdown(page.host)})` : ''}`)}`);
    // Field names only (never values): which the app's client API gave and which were read on screen.
    if (page.sources?.xrm.length)
      lines.push(
        `- ${field(t('report_sources'), t('report_sourcesValue', { xrm: page.sources.xrm.join(', '), dom: page.sources.dom.join(', ') || '—' }))}`,
      );
    else if (page.sources?.api?.length)
      lines.push(
        `- ${field(t('report_sources'), t('report_sourcesApiValue', { api: page.sources.api.join(', '), dom: page.sources.dom.join(', ') || '—' }))}`,
      );
    lines.push('', `## ${t('popup_thisPage')}`, '');
    if (page.failures) lines.push(`- ${field(t('report_failures'), t('report_failures_counts', { ...page.failures }))}`, '');
    if (page.findings.length === 0) lines.push(t(page.failures?.read ? 'report_readFailed' : 'report_noFindings'));
    const withheld = new Map<string, number>();
    for (const f of page.findings) {
      const params = Object.fromEntries(
        Object.entries(f.params).map(([k, v]) => {
          const shown = reportParam(k, v);
          if (shown !== null) return [k, shown];
          const kind = KIND[k] ?? 'report_kind_text';
          withheld.set(kind, (withheld.get(kind) ?? 0) + 1);
          return [k, t('report_leftOut')];
        }),
      );
      lines.push(`- ${field(`**${escapeMarkdown(f.rule)}** (${t(`severity_${f.severity}`)})`, t(f.messageKey, params))}`);
      const named = { ...catalogueParams(f, t), ...params };
      f.fixSteps.forEach((s, i) => lines.push(`  ${i + 1}. ${t(s, named)}`));
    }
    if (withheld.size) {
      const kinds = [...withheld].map(([kind, n]) => `${t(kind)} (${n})`).join(', ');
      lines.push('', t('report_withheld', { kinds }));
    }
  }
  if (settings) {
    const { settings: value, locked } = settings.effective;
    const admin = (is: boolean) => (is ? ` _(${t('settings_locked')})_` : '');
    const rows: string[] = [];
    if (value.disabledRules.length)
      rows.push(`- ${field(t('report_rulesOff'), value.disabledRules.map((id) => `${id}${admin(locked.has(`rule:${id}`))}`).join(', '))}`);
    for (const { path, label, get } of TEXT_SETTINGS) {
      const v = get(value);
      if (v !== undefined) rows.push(`- ${field(t(label), `\`${scrub(bound(v)).replace(/`/g, "'")}\`${admin(locked.has(path))}`)}`);
    }
    for (const [key, labels] of Object.entries(value.labelOverrides)) {
      if (labels?.length)
        rows.push(
          `- ${field(`${t('settings_labels')} (${key})`, `${labels.map(quotePage).join('; ')}${admin(locked.has(`labelOverrides.${key}` as LockedPath))}`)}`,
        );
    }
    if (settings.domains.length)
      rows.push(
        `- ${field(t('custom_title'), settings.domains.map((d) => `${d.host} (${t(`app_${d.app.replace('-', '_')}`)})${admin(d.managed)}`).join(', '))}`,
      );
    lines.push('', `## ${t('popup_tab_settings')}`, '', ...(rows.length ? rows : [t('report_defaults')]));
  }
  if (checklists) {
    lines.push('', `## ${t('popup_tab_setup')} — ${t(`app_${checklists.solution}`)}`);
    for (const list of checklists.lists) {
      lines.push('', `### ${t(list.titleKey)}`, '');
      for (const item of list.items) {
        const done = checklists.done(list.id, item.id);
        const note = done
          ? ` _(${t(done.by === 'seen' ? 'report_seen' : 'report_ticked')} ${new Date(done.at).toISOString().slice(0, 10)})_`
          : '';
        lines.push(`- [${done ? 'x' : ' '}] ${t(item.key, item.params)}${note}`);
      }
    }
  }
  const privacy = `_${t('report_privacy')}_`;
  let text = lines.join('\n');
  if (text.length > MAX_REPORT) text = `${bound(text, MAX_REPORT)}\n\n${t('report_truncated')}`;
  return `${text}\n\n${privacy}\n`;
}
