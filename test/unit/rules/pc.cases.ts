import { deal, type RuleCases } from './types';

const open = { status: 'active' } as const;

export const pcCases: RuleCases = {
  'pc.solution-missing': [
    { name: 'no solution', observation: deal({ solutionsCount: 0 }), expect: [{ severity: 'error', field: 'solutions' }] },
    { name: 'one', observation: deal({ solutionsCount: 1 }), expect: 'silent' },
    { name: 'unknown', observation: deal({}), expect: 'silent' },
  ],
  'pc.help-needs-contact': [
    {
      name: 'help, no contact',
      observation: deal({ helpRequested: true, contactPresent: false }),
      expect: [{ severity: 'error', field: 'contactPresent' }],
    },
    { name: 'help and contact', observation: deal({ helpRequested: true, contactPresent: true }), expect: 'silent' },
    { name: 'no help', observation: deal({ helpRequested: false, contactPresent: false }), expect: 'silent' },
    { name: 'contact unknown', observation: deal({ helpRequested: true }), expect: 'silent' },
  ],
  'pc.deal-value-missing': [
    { name: 'empty', observation: deal({ dealValue: null }), expect: [{ severity: 'error', field: 'dealValue' }] },
    { name: 'zero', observation: deal({ dealValue: 0 }), expect: [{ severity: 'error' }] },
    { name: 'a value', observation: deal({ dealValue: 50000 }), expect: 'silent' },
    { name: 'unknown', observation: deal({}), expect: 'silent' },
  ],
  'pc.close-date-missing': [
    { name: 'empty', observation: deal({ closeDate: null }), expect: [{ severity: 'error', field: 'closeDate' }] },
    { name: 'a date', observation: deal({ closeDate: '2025-06-30' }), expect: 'silent' },
    { name: 'unknown', observation: deal({}), expect: 'silent' },
  ],
  'pc.close-date-past': [
    {
      name: 'past, active',
      observation: deal({ ...open, closeDate: '2025-01-01' }),
      expect: [{ severity: 'warning', params: { date: '2025-01-01' } }],
    },
    { name: 'past, new', observation: deal({ status: 'new', closeDate: '2025-01-01' }), expect: [{ severity: 'warning' }] },
    { name: 'today', observation: deal({ ...open, closeDate: '2025-01-15' }), expect: 'silent' },
    { name: 'past, closed won', observation: deal({ status: 'closed', outcome: 'won', closeDate: '2025-01-01' }), expect: 'silent' },
    { name: 'past, status unknown', observation: deal({ closeDate: '2025-01-01' }), expect: 'silent' },
  ],
  'pc.team-incomplete': [
    {
      name: 'a member without phone',
      observation: deal({ team: [{ name: 'Aiko Tanaka', phone: null, email: 'aiko@contoso.com' }] }),
      expect: [{ severity: 'error', field: 'team:0', params: { member: 'Aiko Tanaka', missingKey: 'pc_team_missing_phone' } }],
    },
    {
      name: 'a member without name and e-mail',
      observation: deal({
        team: [
          { name: 'A', phone: '1', email: 'a@b.c' },
          { name: '', phone: '+33 1 23 45 67 89', email: null },
        ],
      }),
      expect: [{ field: 'team:1', params: { member: '#2', missingKey: 'pc_team_missing_name_email' } }],
    },
    { name: 'no member', observation: deal({ team: [] }), expect: [{ messageKey: 'pc_team_incomplete_none' }] },
    { name: 'complete', observation: deal({ team: [{ name: 'A', phone: '1', email: 'a@b.c' }] }), expect: 'silent' },
    { name: 'phone not shown (unknown) is not missing', observation: deal({ team: [{ name: 'A', email: 'a@b.c' }] }), expect: 'silent' },
    { name: 'team unknown', observation: deal({}), expect: 'silent' },
  ],
  'pc.crm-id-missing': [
    { name: 'no CRM ID', observation: deal({ ...open, crmId: null }), expect: [{ severity: 'warning', field: 'crmId' }] },
    { name: 'a CRM ID', observation: deal({ ...open, crmId: '7d1c1a2e-90b1-4c39-8d4e-1f0a2b3c4d5e' }), expect: 'silent' },
    {
      name: 'declined deal never synced: nothing to do',
      observation: deal({ status: 'closed', outcome: 'declined', crmId: null }),
      expect: 'silent',
    },
    { name: 'unknown', observation: deal({ ...open }), expect: 'silent' },
  ],
  'pc.closed-won-lost': [
    {
      name: 'won, synced to the CRM: info',
      observation: deal({ status: 'closed', outcome: 'won', crmId: '0a1b' }),
      expect: [{ severity: 'info', messageKey: 'pc_closed_won_lost_won' }],
    },
    {
      name: 'won without a CRM ID: warning',
      observation: deal({ status: 'closed', outcome: 'won', crmId: null }),
      expect: [{ severity: 'warning', messageKey: 'pc_closed_won_lost_won' }],
    },
    { name: 'won, CRM ID not read: info', observation: deal({ status: 'closed', outcome: 'won' }), expect: [{ severity: 'info' }] },
    { name: 'lost', observation: deal({ status: 'closed', outcome: 'lost' }), expect: [{ messageKey: 'pc_closed_won_lost_lost' }] },
    { name: 'declined', observation: deal({ status: 'closed', outcome: 'declined' }), expect: 'silent' },
    { name: 'active', observation: deal({ ...open, outcome: null }), expect: 'silent' },
  ],
};
