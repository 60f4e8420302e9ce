/**
 * docs/rules.md is generated from the registry and the English messages, so it cannot drift:
 * this test fails when it is stale. `npm run docs` rewrites it.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '@/lib/rules';
import { ROOT, messages } from './helpers';

const FAMILIES: [string, string][] = [
  ['crm', 'CRM records (Dynamics 365 and Salesforce)'],
  ['pc', 'Partner Center deals'],
  ['flow', 'Power Automate flows'],
  ['error', 'Known error messages'],
];

const KINDS: Record<string, string> = {
  opportunity: 'opportunity',
  account: 'account',
  referral: 'Partner Center deal',
  solutionFlows: 'solution flow list',
  flowDesigner: 'flow designer',
  runOnlyUsers: 'Run only users panel',
  webhookRegistration: 'Webhook Registration run',
  flowRun: 'run details',
  runHistory: 'run history',
  errorMessages: 'error banners and dialogs',
};

const LEARN = 'https://learn.microsoft.com/partner-center/referrals';
const FAQ = `${LEARN}/connectors-troubleshoot`;

/** The public page behind each part of a rule's `source` ("FAQ R3; domain §3.1"), so the doc cites URLs. */
function publicSource(part: string): string {
  if (part.startsWith('FAQ')) return `[Troubleshoot co-sell referrals connectors](${FAQ}) ${part.slice(4)}`;
  const section = /§(\d+(?:\.\d+)?)/.exec(part)?.[1] ?? '';
  if (section.startsWith('3.5')) return `[Manage co-sell opportunities](${LEARN}/manage-co-sell-opportunities)`;
  if (section === '3.3' && /E22/.test(part)) return `[Co-sell connector for Salesforce CRM](${LEARN}/connector-salesforce)`;
  if (/^[23]/.test(section)) return `[Co-sell connector for Dynamics 365 CRM](${LEARN}/connector-dynamics)`;
  if (section.startsWith('5')) return `[Troubleshoot co-sell referrals connectors](${FAQ})`;
  throw new Error(`no public page for the source "${part}"`);
}

const citation = (source: string) => [...new Set(source.split(';').map((s) => publicSource(s.trim())))].join('; ');

export function renderRulesDoc(): string {
  const en = messages('en');
  const text = (k: string) => en[k]?.message ?? k;
  const lines = [
    '# Rule catalogue',
    '',
    '<!-- Generated from lib/rules by `npm run docs`; a test fails when this file is stale. Do not edit by hand. -->',
    '',
    `Co-sell Companion has ${RULES.length} rules. Each reads one kind of page observation and says, in English, Japanese or French,`,
    'what is wrong, why it matters for the sync, and how to fix it. Severities are defaults; any rule can be switched off in the settings.',
    'Placeholders in `{braces}` are filled with what the page shows.',
    '',
  ];
  for (const [family, title] of FAMILIES) {
    const rules = RULES.filter((r) => r.id.startsWith(`${family}.`));
    lines.push(`## ${title}`, '', '| ID | severity | reads | source |', '| --- | --- | --- | --- |');
    for (const r of rules)
      lines.push(
        `| [\`${r.id}\`](#${r.id.replace(/\./g, '')}) | ${r.severity} | ${r.kinds.map((k) => KINDS[k] ?? k).join(', ')} | ${citation(r.source)} |`,
      );
    lines.push('');
    for (const r of rules) {
      lines.push(`### ${r.id}`, '');
      const msgs = r.messages.filter(
        (k) => !/_fix/.test(k) && !/^pc_team_missing_/.test(k) && (r.id !== 'crm.audit-failure' || k.startsWith('crm_')),
      );
      const fixes = r.messages.filter((k) => /_fix/.test(k) && (r.id !== 'crm.audit-failure' || k.startsWith('crm_')));
      for (const k of msgs) lines.push(`- ${text(k)}`);
      if (fixes.length) {
        lines.push('', 'Fix steps:', '');
        fixes.forEach((k, i) => lines.push(`${i + 1}. ${text(k)}`));
      }
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

describe('docs/rules.md', () => {
  it('matches the registry', () => {
    const file = join(ROOT, 'docs/rules.md');
    const want = renderRulesDoc();
    if (process.env.UPDATE_DOCS) writeFileSync(file, want);
    expect(existsSync(file) ? readFileSync(file, 'utf8') : '', 'docs/rules.md is stale: run `npm run docs`').toBe(want);
  });
});
