import { describe, expect, it } from 'vitest';
import { MAX_ENVIRONMENTS_PER_SOLUTION, keepsSightingsFrom, recordSightings } from '@/lib/background/sightings';
import { checklists } from '@/lib/knowledge/checklists';
import { SOLUTION_FLOWS } from '@/lib/knowledge/flows';
import { SYMPTOMS, searchSymptoms } from '@/lib/knowledge/symptoms';
import { DEFAULT_SETTINGS, effectiveSettings } from '@/lib/model/settings';
import { DEFAULT_SIGHTINGS, latestEnvironment } from '@/lib/model/state';
import { listedCustomHosts } from '@/lib/knowledge/custom-hosts';
import { loadStored } from '@/lib/ui/popup/load';
import { estimate } from '@/lib/ui/popup/Plan';
import { buildReport, scrub } from '@/lib/ui/popup/report';
import { LOCALES, messages, translator } from './helpers';
import { fakeApi } from './popup-fake';

describe('settings: administrator policy over the user', () => {
  it('a managed value wins and is locked; rules switched off by either stay off', () => {
    const local = {
      ...DEFAULT_SETTINGS,
      disabledRules: ['crm.products-obsolete'],
      fields: { dealValue: 'mine' },
      salesforceStages: { onHold: 'Hold' },
    };
    const e = effectiveSettings(local, {
      dealValueField: 'new_dealvalue',
      disabledRules: ['crm.visibility-irreversible'],
      labelOverrides: { audit: ['Sync log'] },
    });
    expect(e.settings.fields.dealValue).toBe('new_dealvalue');
    expect(e.settings.salesforceStages.onHold).toBe('Hold');
    expect(e.settings.disabledRules.sort()).toEqual(['crm.products-obsolete', 'crm.visibility-irreversible']);
    expect(e.settings.labelOverrides.audit).toEqual(['Sync log']);
    expect([...e.locked].sort()).toEqual(['fields.dealValue', 'labelOverrides.audit', 'rule:crm.visibility-irreversible']);
  });

  it('ignores a malformed policy and resets corrupt user settings, saying so', () => {
    expect(effectiveSettings({ version: 1, disabledRules: 'all' }, { dealValueField: 42 })).toMatchObject({
      settings: DEFAULT_SETTINGS,
      reset: true,
    });
    expect(effectiveSettings(undefined, undefined)).toMatchObject({ settings: DEFAULT_SETTINGS, reset: false });
  });
});

describe('popup storage', () => {
  it('keeps unreadable data aside, resets it, and reports which', async () => {
    const api = fakeApi(undefined, null, {
      checklist: { version: 99 },
      settings: 'garbage',
      flowSightings: { version: 1, environments: {} },
      customHosts: { version: 1, hosts: [{ host: 42 }] },
    });
    const stored = await loadStored(api);
    expect(stored.reset.sort()).toEqual(['checklist', 'customHosts', 'settings']);
    expect(api.store['customHosts.unreadable']).toEqual({ version: 1, hosts: [{ host: 42 }] });
    expect(stored.customHosts).toEqual({ version: 1, hosts: [] });
    expect(api.store['checklist.unreadable']).toEqual({ version: 99 });
    expect(api.store.checklist).toEqual({ version: 1, solution: null, ticks: {} });
    expect(api.store.settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('flow sightings', () => {
  it('records each flow state per environment, by role, and finds the latest environment', () => {
    const flows = SOLUTION_FLOWS.salesforce.map((f, i) => ({ name: f.name, state: i < 3 ? ('on' as const) : ('off' as const) }));
    let s = recordSightings(DEFAULT_SIGHTINGS, { kind: 'solutionFlows', environment: 'Default-1', solution: 'salesforce', flows }, 1000);
    s = recordSightings(
      s,
      {
        kind: 'solutionFlows',
        environment: 'Prod',
        solution: 'dynamics',
        flows: [{ name: SOLUTION_FLOWS.dynamics[0]!.name, state: 'on' }],
      },
      2000,
    );
    expect(s.environments['Default-1']!.flows['customize']).toEqual({
      name: '[Customize] Create or Get Details from Salesforce',
      state: 'on',
      seenAt: 1000,
    });
    expect(s.environments['Default-1']!.flows['pc-to-crm']!.state).toBe('off');
    expect(latestEnvironment(s)?.[0]).toBe('Prod');
    expect(latestEnvironment(s, 'salesforce')?.[0]).toBe('Default-1');
  });

  it('remembers only the most recently seen environments of each solution, the latest of every solution kept', () => {
    const on = (solution: 'dynamics' | 'salesforce') => [{ name: SOLUTION_FLOWS[solution][0]!.name, state: 'on' as const }];
    let s = recordSightings(
      DEFAULT_SIGHTINGS,
      { kind: 'solutionFlows', environment: 'SF', solution: 'salesforce', flows: on('salesforce') },
      1,
    );
    // Many more Dynamics 365 environments than are kept, each seen once; the first seen again later.
    for (let i = 0; i < MAX_ENVIRONMENTS_PER_SOLUTION * 3; i++)
      s = recordSightings(s, { kind: 'solutionFlows', environment: `D${i}`, solution: 'dynamics', flows: on('dynamics') }, 10 + i);
    s = recordSightings(s, { kind: 'solutionFlows', environment: 'D0', solution: 'dynamics', flows: on('dynamics') }, 1000);
    const dynamics = Object.entries(s.environments)
      .filter(([, e]) => e.solution === 'dynamics')
      .map(([id]) => id);
    expect(dynamics).toHaveLength(MAX_ENVIRONMENTS_PER_SOLUTION);
    expect(dynamics).toContain('D0');
    expect(dynamics).toContain(`D${MAX_ENVIRONMENTS_PER_SOLUTION * 3 - 1}`);
    expect(dynamics).not.toContain('D1');
    // The one Salesforce environment, seen before all of them, stays: the bound is per solution.
    expect(latestEnvironment(s, 'salesforce')?.[0]).toBe('SF');
    expect(latestEnvironment(s, 'dynamics')?.[0]).toBe('D0');
  });
});

describe('troubleshooter catalogue', () => {
  it('covers every FAQ symptom and every documented error, with texts in every language', () => {
    expect(SYMPTOMS.length).toBe(29);
    // 429 throttling: the Events connector's documented limit, a symptom users name by its code.
    for (const locale of LOCALES) {
      const m = messages(locale);
      for (const s of SYMPTOMS) for (const k of [s.titleKey, s.causeKey, ...s.steps]) expect(m[k]?.message, `${locale} ${k}`).toBeTruthy();
    }
  });

  it.each([
    ['en', 'requiring updates', 'error.requiring-updates'],
    ['en', '0x80040216', 'error.xrm-0x80040216'],
    ['en', 'duplicate', 'duplicates'],
    ['ja', '重複', 'duplicates'],
    ['fr', 'doublons', 'duplicates'],
    ['fr', 'prospects', 'leads-as-leads'],
    ['ja', 'WorkflowTriggerNotFound', 'error.workflow-trigger-not-found'],
  ] as const)('%s "%s" finds %s', (locale, query, id) => {
    const t = translator(locale);
    expect(searchSymptoms(query, (k) => t(k)).results.map((s) => s.id)).toContain(id);
  });

  // What users paste: the message as the run, the banner or the Audit field shows it, whole.
  it.each([
    [
      `{"error":{"code":"WorkflowTriggerNotFound","message":"The workflow 'abc' trigger 'manual' couldn't be found."}}`,
      'error.workflow-trigger-not-found',
    ],
    ["The trigger 'manual' couldn't be found.", 'error.workflow-trigger-not-found'],
    ["トリガー 'manual' が見つかりません。", 'error.workflow-trigger-not-found'],
    ["Le déclencheur 'manual' est introuvable.", 'error.workflow-trigger-not-found'],
    ['2025-01-10 12:01 Sync started\n2025-01-10 12:02 Error: Solution ID is required', 'error.solution-id-required'],
    ['The request failed with status 403 Forbidden', 'error.access-denied'],
    ['AADSTS700082: The refresh token has expired due to inactivity.', 'error.grant-expired'],
    ['Principal user (Id=…) is missing prvReadOpportunity privilege (0x80040216)', 'error.xrm-0x80040216'],
  ] as const)('recognizes the pasted error %j as %s, first, in every language', (query, id) => {
    for (const locale of LOCALES) {
      const t = translator(locale);
      const found = searchSymptoms(query, (k) => t(k));
      expect(found.recognized?.id, locale).toBe(id);
      expect(found.results[0]?.id, locale).toBe(id);
      expect(found.partial).toBe(false);
    }
  });

  it('lists the closest problems, most words first, when none has every word; the error catalogue for words it does not know', () => {
    const t = translator('en');
    const full = searchSymptoms('duplicate', (k) => t(k));
    expect(full.partial).toBe(false);
    const closest = searchSymptoms('duplicate opportunities zebra', (k) => t(k));
    expect(closest.partial).toBe(true);
    expect(closest.recognized).toBeNull();
    expect(closest.results.map((s) => s.id)).toContain('duplicates');
    expect(closest.results.length).toBeGreaterThan(0);
    const none = searchSymptoms('zebra giraffe', (k) => t(k));
    expect(none.fallback).toBe(true);
    expect(none.results.map((s) => s.id)).toEqual(SYMPTOMS.filter((s) => s.id.startsWith('error.')).map((s) => s.id));
    expect(searchSymptoms('  ', (k) => t(k)).results).toHaveLength(SYMPTOMS.length);
  });

  it.each([
    ['ja', 'フロー オンにできない', 'flows-dont-turn-on'],
    ['ja', '接続の追加が開かない', 'cant-add-connections'],
    ['ja', 'リードが届かない', 'leads-not-syncing'],
    ['en', 'deal created in partner center missing in CRM', 'created-in-pc-not-crm'],
    ['en', 'flows will not turn on', 'flows-dont-turn-on'],
    ['en', "flows won't turn on", 'flows-dont-turn-on'],
    ['en', 'connection dialog does not open', 'cant-add-connections'],
    ['fr', 'les flux ne s’activent pas', 'flows-dont-turn-on'],
    ['fr', "l'opportunité ne se synchronise pas", 'not-synchronized'],
    ['en', 'flow suspended by DLP', 'data-policy'],
    ['en', 'The flow was suspended because it violates the data loss prevention policy', 'data-policy'],
    ['ja', 'データ ポリシーでブロックされた', 'data-policy'],
    ['ja', 'フローが中断された', 'data-policy'],
    ['fr', 'flux suspendu par une stratégie de données', 'data-policy'],
    ['en', 'update from partner center ignored', 'crm-id-unknown'],
    ['en', 'qualified lead has no value', 'lead-qualified-incomplete'],
    ['en', 'salesforce currency not syncing', 'sf-currency'],
    ['ja', 'リードを認定したが金額がない', 'lead-qualified-incomplete'],
    ['fr', 'la devise ne se synchronise pas dans Salesforce', 'sf-currency'],
  ] as const)('%s "%s", in the user\'s own words, lists %s first', (locale, query, id) => {
    const t = translator(locale);
    const found = searchSymptoms(query, (k) => t(k));
    expect(found.results[0]?.id).toBe(id);
  });

  it('takes a pasted log of a megabyte: the error in it recognized, its first words searched', () => {
    const t = translator('en');
    const log = `${'Sync started. '.repeat(80_000)}\nERROR 0x80040216 privilege`;
    expect(log.length).toBeGreaterThan(1_000_000);
    const found = searchSymptoms(log, (k) => t(k));
    expect(found.recognized?.id).toBe('error.xrm-0x80040216');
  });
});

describe('incognito', () => {
  it('keeps no flow states from an incognito tab', () => {
    expect(keepsSightingsFrom({ tab: { incognito: true } })).toBe(false);
    expect(keepsSightingsFrom({ tab: { incognito: false } })).toBe(true);
  });
});

describe('API-call estimator', () => {
  it('counts one call per create or update, against the 2020 limit and the Events throttle', () => {
    expect(estimate(20, 150, 10)).toEqual({ perDay: 170, share: 0.017, perMinuteAverage: 170 / 1440, overThrottle: false });
    expect(estimate(2000, 9000, 120)).toMatchObject({ perDay: 11000, share: 1.1, overThrottle: true });
    expect(estimate(-5, 0, 0).perDay).toBe(0);
  });
});

describe('diagnostic report', () => {
  it('leaves out names, e-mails, phone numbers and page text', () => {
    const t = translator('en');
    const md = buildReport({
      t,
      version: '0.1.0',
      now: new Date('2025-01-15T10:00:00Z'),
      page: {
        app: 'Partner Center',
        host: 'partner.microsoft.com',
        findings: [
          {
            rule: 'pc.team-incomplete',
            severity: 'error',
            field: 'team:0',
            messageKey: 'pc_team_incomplete_member',
            params: { member: 'Aiko Tanaka', missingKey: 'pc_team_missing_phone' },
            fixSteps: ['pc_team_incomplete_fix1'],
            source: 's',
          },
          {
            rule: 'crm.audit-failure',
            severity: 'error',
            messageKey: 'crm_audit_failure_msg',
            params: { text: 'Failed for jane@contoso.com +1 425 555 0100 Contoso' },
            fixSteps: [],
            source: 's',
          },
        ],
      },
      checklists: {
        solution: 'dynamics',
        lists: checklists('dynamics').slice(0, 1),
        done: (_l, i) => (i === 'partner-id' ? { by: 'user', at: Date.UTC(2025, 0, 2) } : null),
      },
    });
    expect(md).not.toMatch(/Aiko|jane@|555 0100|Contoso/);
    expect(md).toContain('**pc.team-incomplete**');
    expect(md).toContain('[left out]');
    expect(md).toContain('- [x] You have a valid PartnerID');
    expect(md).toContain('_(ticked 2025-01-02)_');
    expect(scrub('call +33 1 23 45 67 89 or a.b@c.fr')).toBe('call [phone] or [e-mail]');
  });

  it.each([
    ['en', '- Generated: 2025-01-15T10:00:00.000Z', '- **crm.sync-disabled** (Info): '],
    ['fr', '- Généré le\u00a0: 2025-01-15T10:00:00.000Z', '- **crm.sync-disabled** (Info)\u00a0: '],
    ['ja', '- 作成日時：2025-01-15T10:00:00.000Z', '- **crm.sync-disabled** (情報)：'],
  ] as const)('writes "label: value" as %s does', (locale, generated, finding) => {
    const t = translator(locale);
    const md = buildReport({
      t,
      version: '0.1.0',
      now: new Date('2025-01-15T10:00:00Z'),
      page: {
        app: 'Dynamics 365',
        host: 'contoso.crm.dynamics.com',
        findings: [
          { rule: 'crm.sync-disabled', severity: 'info', messageKey: 'crm_sync_disabled_info', params: {}, fixSteps: [], source: 's' },
        ],
      },
      checklists: null,
    });
    expect(md.split('\n')).toContain(generated);
    expect(md).toContain(`${finding}${t('crm_sync_disabled_info')}`);
  });

  it.each(LOCALES)('lists the settings that differ from the defaults, and who set them (%s)', (locale) => {
    const t = translator(locale);
    const effective = effectiveSettings(
      {
        version: 1,
        disabledRules: ['pc.team-incomplete'],
        fields: { country: 'new_countrycode' },
        salesforceStages: {},
        labelOverrides: { audit: ['Sync log'] },
      },
      {
        disabledRules: ['crm.visibility-irreversible'],
        dealValueField: 'new_dealvalue',
        customDomains: [{ host: '*.mcas.ms', app: 'salesforce' }],
      },
    );
    const domains = listedCustomHosts([{ host: 'crm.fabrikam.com', app: 'dynamics' }], {
      customDomains: [{ host: '*.mcas.ms', app: 'salesforce' }],
    });
    const md = buildReport({
      t,
      version: '0.1.0',
      now: new Date('2025-01-15T10:00:00Z'),
      page: null,
      checklists: null,
      settings: { effective, domains },
    });
    const admin = `_(${t('settings_locked')})_`;
    const lines = md.split('\n');
    expect(lines).toContain(`## ${t('popup_tab_settings')}`);
    expect(lines).toContain(
      `- ${t('report_field', { label: t('report_rulesOff'), value: `crm.visibility-irreversible ${admin}, pc.team-incomplete` })}`,
    );
    expect(lines).toContain(`- ${t('report_field', { label: t('settings_dealValue'), value: `\`new_dealvalue\` ${admin}` })}`);
    expect(lines).toContain(`- ${t('report_field', { label: t('settings_country'), value: '`new_countrycode`' })}`);
    expect(lines).toContain(`- ${t('report_field', { label: `${t('settings_labels')} (audit)`, value: 'Sync log' })}`);
    expect(lines).toContain(
      `- ${t('report_field', { label: t('custom_title'), value: `*.mcas.ms (${t('app_salesforce')}) ${admin}, crm.fabrikam.com (${t('app_dynamics')})` })}`,
    );
    expect(md).not.toContain(t('report_defaults'));
  });

  it('says when every setting is the default', () => {
    const t = translator('en');
    const md = buildReport({
      t,
      version: '0.1.0',
      now: new Date(),
      page: null,
      checklists: null,
      settings: { effective: effectiveSettings(undefined, {}), domains: [] },
    });
    expect(md.split('\n')).toContain(t('report_defaults'));
  });
});
