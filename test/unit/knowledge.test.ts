import { describe, expect, it } from 'vitest';
import { checklistKeys, checklists } from '@/lib/knowledge/checklists';
import { ERROR_CATALOGUE, matchError } from '@/lib/knowledge/errors';
import { SOLUTION_FLOWS, detectSolution, flowKey, isCustomizeFlow, matchFlow } from '@/lib/knowledge/flows';
import { countryCodeFor, countryCodes, isCountryCode, isCurrencyCode } from '@/lib/knowledge/iso';
import { plan } from '@/lib/knowledge/planner';
import { messages, translator } from './helpers';

describe('flow names', () => {
  it('knows 9 Dynamics 365 flows and 8 Salesforce flows, numbered in order', () => {
    expect(SOLUTION_FLOWS.dynamics).toHaveLength(9);
    expect(SOLUTION_FLOWS.salesforce).toHaveLength(8);
    for (const flows of Object.values(SOLUTION_FLOWS)) expect(flows.map((f) => f.position)).toEqual(flows.map((_, i) => i + 1));
  });

  it.each([
    // documented spellings (domain §2.2, §7) → solution, role
    ['Create Co-sell Referral – Dynamics 365 to Partner Center (Insider Preview)', 'dynamics', 'create-referral'],
    ['Create Co-sell Referral - Dynamics 365 to Partner Center (Insider Preview)', 'dynamics', 'create-referral'],
    ['Create Co-sell Referral-Dynamics 365 to Partner Center', 'dynamics', 'create-referral'],
    ['[Customize] Create or Get Details from Dynamics 365 flow', 'dynamics', 'customize'],
    ['[Customize] Create or Get Details from Dynamics 365', 'dynamics', 'customize'],
    ['(Customize) Create or Get Details from Salesforce', 'salesforce', 'customize'],
    ['[Customize] Create or Get Details from Salesforce', 'salesforce', 'customize'],
    ['Create Co-sell Referral-Salesforce to Partner Center (Insider Preview)', 'salesforce', 'create-referral'],
    ['Create Co-sell Referral - Salesforce to Partner Center (Insider Preview)', 'salesforce', 'create-referral'],
    ['Partner Center to Salesforce CRM (Insider Preview)', 'salesforce', 'pc-to-crm'],
    ['Partner Center to Salesforce (Insider Preview)', 'salesforce', 'pc-to-crm'],
    ['Partner Center to Salesforce', 'salesforce', 'pc-to-crm'],
    ['partner center to dynamics 365 – helper (insider preview)', 'dynamics', 'helper'],
    ['Partner Center to Dynamics365 - Helper', 'dynamics', 'helper'],
    ['Partner Center Microsoft Co-sell Referral Updates to Dynamics 365 (Insider Preview)', 'dynamics', 'referral-updates'],
    ['Partner Center Microsoft Cosell Referral Updates to Salesforce', 'salesforce', 'referral-updates'],
    ['Dynamics 365 Microsoft Solutions to Partner Center (Insider Preview)', 'dynamics', 'solutions-to-pc'],
    ['Salesforce Opportunity to Partner Center (Insider Preview)', 'salesforce', 'opportunity-to-pc'],
    ['Salesforce to Partner Center (Insider Preview)', 'salesforce', 'crm-to-pc'],
    ['Dynamics 365 to Partner Center\u00A0(Insider Preview)', 'dynamics', 'crm-to-pc'],
  ])('%s → %s %s', (name, solution, role) => {
    expect(matchFlow(name)).toEqual([expect.objectContaining({ solution, flow: expect.objectContaining({ role }) })]);
  });

  it('matches the shared Webhook Registration flow in both solutions', () => {
    expect(
      matchFlow('Partner Center Webhook Registration (Insider Preview)')
        .map((m) => m.solution)
        .sort(),
    ).toEqual(['dynamics', 'salesforce']);
  });

  it('does not confuse similar names', () => {
    expect(matchFlow('Partner Center to Dynamics 365 (Insider Preview) - Copy')).toEqual([]);
    expect(matchFlow('Dynamics 365 Opportunity to Partner Center Legacy')).toEqual([]);
    expect(matchFlow('Approve invoices')).toEqual([]);
    expect(flowKey('Partner Center to Dynamics 365 - Helper')).not.toBe(flowKey('Partner Center to Dynamics 365'));
  });

  it('tells which solution a list belongs to', () => {
    expect(detectSolution(SOLUTION_FLOWS.dynamics.map((f) => f.name))).toBe('dynamics');
    expect(
      detectSolution(['Partner Center Webhook Registration (Insider Preview)', 'Partner Center to Salesforce CRM (Insider Preview)']),
    ).toBe('salesforce');
    expect(detectSolution(['Partner Center Webhook Registration (Insider Preview)', 'Approve invoices'])).toBeNull();
    expect(detectSolution([])).toBeNull();
  });

  it('recognises the one flow users may edit', () => {
    expect(isCustomizeFlow('(Customize) Create or Get Details from Salesforce')).toBe(true);
    expect(isCustomizeFlow('Partner Center to Salesforce (Insider Preview)')).toBe(false);
  });
});

describe('activation planner', () => {
  const D = SOLUTION_FLOWS.dynamics;
  const seen = (on: (i: number) => boolean) => D.map((f, i) => ({ name: f.name, state: on(i) ? ('on' as const) : ('off' as const) }));

  it.each(D.map((f, i) => [f.name, i] as const).slice(1))('flags "%s" on while every earlier flow is off', (_name, i) => {
    const p = plan(
      'dynamics',
      seen((j) => j === i),
    );
    expect(p.outOfOrder.map((v) => [v.row.flow!.position, v.before.flow!.position])).toEqual([[i + 1, 1]]);
    expect(p.next?.flow?.position).toBe(1);
  });

  it('names each next flow in turn', () => {
    for (let k = 0; k < D.length; k++)
      expect(
        plan(
          'dynamics',
          seen((j) => j < k),
        ).next?.name,
      ).toBe(D[k]!.name);
    expect(
      plan(
        'dynamics',
        seen(() => true),
      ).next,
    ).toBeNull();
  });

  it('treats a flow being turned on as on', () => {
    const p = plan(
      'dynamics',
      seen((j) => j < 4),
      D[5]!.name,
    );
    expect(p.childrenOff.map((c) => c.child.name)).toEqual([D[4]!.name]);
  });

  it('lists the documented flows it did not see, and ignores unrelated rows', () => {
    const p = plan('salesforce', [
      { name: 'Approve invoices', state: 'on' },
      { name: SOLUTION_FLOWS.salesforce[0]!.name, state: 'on' },
    ]);
    expect(p.notSeen).toHaveLength(7);
    expect(p.rows[0]!.flow).toBeNull();
    expect(p.outOfOrder).toEqual([]);
  });

  it('says nothing about flows whose state it could not read', () => {
    const p = plan(
      'dynamics',
      D.map((f) => ({ name: f.name, state: 'unknown' as const })),
    );
    expect(p.outOfOrder).toEqual([]);
    expect(p.next).toBeNull();
  });
});

describe('error catalogue', () => {
  it('gives every entry a source and existing messages', () => {
    const en = messages('en');
    for (const e of ERROR_CATALOGUE) {
      expect(e.source).not.toBe('');
      expect(en[`${e.id.replace(/[.-]/g, '_')}_msg`], e.id).toBeDefined();
    }
  });

  it('matches codes before text', () => {
    expect(matchError('Access denied', 'WorkflowTriggerNotFound')?.id).toBe('error.workflow-trigger-not-found');
    expect(matchError('Forbidden: Solution ID is required')?.id).toBe('error.solution-id-required');
    expect(matchError('whatever', 'Forbidden')?.id).toBe('error.access-denied');
  });

  it('finds codes in long texts and does not choke on a megabyte', () => {
    expect(matchError(`${'lorem ipsum '.repeat(100000)} Code: 0x80040216`)?.id).toBe('error.xrm-0x80040216');
    expect(matchError('a'.repeat(1_000_000))).toBeNull();
  });
});

describe('ISO helpers (from Intl)', () => {
  it('has the 249 ISO 3166-1 alpha-2 codes', () => {
    expect(countryCodes().size).toBe(249);
    for (const code of ['US', 'JP', 'FR', 'DE', 'GB', 'SS', 'AX', 'BQ']) expect(isCountryCode(code), code).toBe(true);
    for (const code of ['UK', 'EU', 'XK', 'ZZ', 'jp', 'JPN', '']) expect(isCountryCode(code), code).toBe(false);
  });

  it.each([
    ['Japan', 'JP'],
    ['日本', 'JP'],
    ['Japon', 'JP'],
    ['Allemagne', 'DE'],
    ['ドイツ', 'DE'],
    ['Germany', 'DE'],
    ['États-Unis', 'US'],
    ['アメリカ合衆国', 'US'],
    ['United States', 'US'],
    ['jp', 'JP'],
    [' fr ', 'FR'],
    ['Royaume-Uni', 'GB'],
    ['イギリス', 'GB'],
    ['Atlantis', null],
  ])('%s → %s', (name, code) => expect(countryCodeFor(name)).toBe(code));

  it('knows ISO 4217 currency codes', () => {
    for (const c of ['USD', 'EUR', 'JPY', 'GBP', 'CHF']) expect(isCurrencyCode(c)).toBe(true);
    for (const c of ['usd', 'US$', 'EURO', 'XYZ', '']) expect(isCurrencyCode(c)).toBe(false);
  });
});

describe('checklists', () => {
  it('has every list for Salesforce and all but the Salesforce set-up for Dynamics 365', () => {
    expect(checklists('salesforce').map((l) => l.id)).toEqual([
      'prerequisites',
      'salesforce-setup',
      'connections',
      'run-only-users',
      'activation',
      'webhook',
    ]);
    expect(checklists('dynamics').map((l) => l.id)).toEqual(['prerequisites', 'connections', 'run-only-users', 'activation', 'webhook']);
  });

  it('lists every flow, in order, with one self-ticking activation item each', () => {
    const activation = checklists('dynamics').find((l) => l.id === 'activation')!;
    expect(activation.items.map((i) => i.params?.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(activation.items.every((i) => i.observe?.flowOn)).toBe(true);
  });

  it('asks that the data policies allow every connector the solution uses, Salesforce included for Salesforce', () => {
    const en = translator('en');
    const item = (s: 'dynamics' | 'salesforce') =>
      checklists(s)
        .find((l) => l.id === 'connections')!
        .items.find((i) => i.id === 'data-policy')!;
    expect(en(item('dynamics').key)).toMatch(/Partner Center Referrals, Partner Center Events and Microsoft Dataverse/);
    expect(en(item('dynamics').key)).not.toMatch(/Salesforce/);
    expect(en(item('salesforce').key)).toMatch(/Microsoft Dataverse and Salesforce/);
    // Before the connections are made: the connector exists only in the commercial cloud.
    expect(checklists('dynamics')[0]!.items.map((i) => i.id)).toContain('commercial-cloud');
  });

  it('has unique item ids per list', () => {
    for (const s of ['dynamics', 'salesforce'] as const)
      for (const l of checklists(s)) expect(new Set(l.items.map((i) => i.id)).size).toBe(l.items.length);
  });

  it('has every text in en (and so, by the locale test, in ja and fr)', () => {
    const en = messages('en');
    for (const key of checklistKeys()) expect(en[key], key).toBeDefined();
  });
});
