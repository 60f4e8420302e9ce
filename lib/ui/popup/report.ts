/**
 * The diagnostic report for a support ticket, as Markdown: the tab's findings and the checklist
 * state. Customer names, e-mail addresses and phone numbers are left out: free page text is not
 * copied, and what remains is scrubbed of e-mails and phone numbers.
 */
import type { Translator } from '../../i18n';
import type { Checklist } from '../../knowledge/checklists';
import type { Finding } from '../../model/finding';

/** Parameters that carry free page text (Audit quotes, help values, names): never exported. */
const PAGE_TEXT = new Set(['text', 'member', 'help', 'value']);
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const PHONE = /(?:\+|\b00)?\d[\d\s().-]{7,}\d/g;

export function scrub(text: string): string {
  return text.replace(EMAIL, '[e-mail]').replace(PHONE, '[phone]');
}

export interface ReportInput {
  t: Translator;
  version: string;
  now: Date;
  page: { app: string | null; host: string | null; findings: Finding[] } | null;
  checklists: { solution: string; lists: Checklist[]; done: (list: string, item: string) => { by: 'user' | 'seen'; at: number } | null } | null;
}

export function buildReport({ t, version, now, page, checklists }: ReportInput): string {
  // "Label: value" as each language writes it (French puts a space before the colon).
  const field = (label: string, value: string) => t('report_field', { label, value });
  const lines = [`# ${t('report_title')}`, '', `- ${field(t('report_generated'), now.toISOString())}`, `- Co-sell Companion ${version}`];
  if (page) {
    lines.push(`- ${field(t('report_page'), `${page.app ?? '—'}${page.host ? ` (${page.host})` : ''}`)}`, '', `## ${t('popup_thisPage')}`, '');
    if (page.findings.length === 0) lines.push(t('report_noFindings'));
    for (const f of page.findings) {
      const params = Object.fromEntries(Object.entries(f.params).map(([k, v]) => [k, PAGE_TEXT.has(k) ? t('report_leftOut') : typeof v === 'string' ? scrub(v) : v]));
      lines.push(`- ${field(`**${f.rule}** (${t(`severity_${f.severity}`)})`, scrub(t(f.messageKey, params)))}`);
      f.fixSteps.forEach((s, i) => lines.push(`  ${i + 1}. ${scrub(t(s, params))}`));
    }
  }
  if (checklists) {
    lines.push('', `## ${t('popup_tab_setup')} — ${t(`app_${checklists.solution}`)}`);
    for (const list of checklists.lists) {
      lines.push('', `### ${t(list.titleKey)}`, '');
      for (const item of list.items) {
        const done = checklists.done(list.id, item.id);
        const note = done ? ` _(${t(done.by === 'seen' ? 'report_seen' : 'report_ticked')} ${new Date(done.at).toISOString().slice(0, 10)})_` : '';
        lines.push(`- [${done ? 'x' : ' '}] ${t(item.key, item.params)}${note}`);
      }
    }
  }
  lines.push('', `_${t('report_privacy')}_`);
  return `${lines.join('\n')}\n`;
}
