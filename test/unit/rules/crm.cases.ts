import { opp, type RuleCases } from './types';

export const crmCases: RuleCases = {
  'crm.sync-disabled': [
    { name: 'sync off, nothing else: info', observation: opp({ syncWithPartnerCenter: false }), expect: [{ severity: 'info', field: 'syncWithPartnerCenter', messageKey: 'crm_sync_disabled_info' }] },
    { name: 'sync off, help requested: warning', observation: opp({ syncWithPartnerCenter: false, helpRequested: 'Proof of concept or demo' }), expect: [{ severity: 'warning', messageKey: 'crm_sync_disabled_intent' }] },
    { name: 'sync off, a solution linked: warning', observation: opp({ syncWithPartnerCenter: false, solutionsCount: 1 }), expect: [{ severity: 'warning' }] },
    { name: 'sync off, referral ID present: warning', observation: opp({ syncWithPartnerCenter: false, referralId: 'a7c1e0f2-0000-4000-8000-000000000001' }), expect: [{ severity: 'warning' }] },
    { name: 'sync off, empty help and no solutions: info', observation: opp({ syncWithPartnerCenter: false, helpRequested: null, solutionsCount: 0, referralId: '  ' }), expect: [{ severity: 'info' }] },
    { name: 'sync on', observation: opp({ syncWithPartnerCenter: true }), expect: 'silent' },
    { name: 'sync unknown', observation: opp({}), expect: 'silent' },
    { name: 'Salesforce unchecked', observation: opp({ app: 'salesforce', syncWithPartnerCenter: false }), expect: [{ severity: 'info' }] },
  ],
};
