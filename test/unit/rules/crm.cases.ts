import { expect } from 'vitest';
import { opp, type RuleCases } from './types';

export const crmCases: RuleCases = {
  'crm.sync-disabled': [
    {
      name: 'sync off, nothing else: info',
      observation: opp({ syncWithPartnerCenter: false }),
      expect: [{ severity: 'info', field: 'syncWithPartnerCenter', messageKey: 'crm_sync_disabled_info', display: 'popup' }],
    },
    {
      name: 'sync off, help requested: warning',
      observation: opp({ syncWithPartnerCenter: false, helpRequested: 'Proof of concept or demo' }),
      expect: [{ severity: 'warning', messageKey: 'crm_sync_disabled_intent' }],
    },
    {
      name: 'sync off, a solution linked: warning',
      observation: opp({ syncWithPartnerCenter: false, solutionsCount: 1 }),
      expect: [{ severity: 'warning' }],
    },
    {
      name: 'sync off, referral ID present: warning',
      observation: opp({ syncWithPartnerCenter: false, referralId: 'a7c1e0f2-0000-4000-8000-000000000001' }),
      expect: [{ severity: 'warning' }],
    },
    {
      name: 'sync off, empty help and no solutions: info',
      observation: opp({ syncWithPartnerCenter: false, helpRequested: null, solutionsCount: 0, referralId: '  ' }),
      expect: [{ severity: 'info' }],
    },
    { name: 'sync on', observation: opp({ syncWithPartnerCenter: true }), expect: 'silent' },
    { name: 'sync unknown', observation: opp({}), expect: 'silent' },
    { name: 'Salesforce unchecked', observation: opp({ app: 'salesforce', syncWithPartnerCenter: false }), expect: [{ severity: 'info' }] },
  ],
};

const on = { syncWithPartnerCenter: true } as const;

export const crmFieldCases: RuleCases = {
  'crm.solution-missing': [
    {
      name: 'sync on, no solution (Dynamics subgrid)',
      observation: opp({ ...on, solutionsCount: 0 }),
      expect: [{ severity: 'error', field: 'solutions', params: { list: 'Microsoft Partner Center Solutions' } }],
    },
    {
      name: 'help requested, sync off, no solution (Salesforce list)',
      observation: opp({ app: 'salesforce', syncWithPartnerCenter: false, helpRequested: 'Quotes or licensing', solutionsCount: 0 }),
      expect: [{ params: { list: 'Microsoft Solutions' } }],
    },
    { name: 'one solution', observation: opp({ ...on, solutionsCount: 1 }), expect: 'silent' },
    { name: 'subgrid not on screen (unknown)', observation: opp({ ...on }), expect: 'silent' },
    {
      name: 'not meant to sync',
      observation: opp({ syncWithPartnerCenter: false, helpRequested: null, solutionsCount: 0 }),
      expect: 'silent',
    },
  ],
  'crm.help-needs-contact': [
    {
      name: 'help, no contact (Dynamics)',
      observation: opp({ helpRequested: 'Proof of concept or demo', contactLinked: false }),
      expect: [
        { severity: 'error', field: 'contactLinked', fixSteps: ['crm_help_needs_contact_fix1_dynamics', 'crm_help_needs_contact_fix2'] },
      ],
    },
    {
      name: 'help, no contact (Salesforce)',
      observation: opp({ app: 'salesforce', helpRequested: 'General or other', contactLinked: false }),
      expect: [{ fixSteps: ['crm_help_needs_contact_fix1_salesforce', 'crm_help_needs_contact_fix2'] }],
    },
    { name: 'help and a contact', observation: opp({ helpRequested: 'Proof of concept or demo', contactLinked: true }), expect: 'silent' },
    { name: 'no help requested', observation: opp({ ...on, helpRequested: null, contactLinked: false }), expect: 'silent' },
    { name: 'blank help value', observation: opp({ ...on, helpRequested: '   ', contactLinked: false }), expect: 'silent' },
    { name: 'contact unknown', observation: opp({ helpRequested: 'Proof of concept or demo' }), expect: 'silent' },
  ],
  'crm.deal-value-missing': [
    {
      name: 'empty (Dynamics estimatedvalue)',
      observation: opp({ ...on, dealValue: null }),
      expect: [{ severity: 'error', field: 'dealValue', messageKey: 'crm_deal_value_missing_empty', params: { field: 'estimatedvalue' } }],
    },
    {
      name: '0 is not the same as empty',
      observation: opp({ ...on, dealValue: 0 }),
      expect: [{ messageKey: 'crm_deal_value_missing_zero' }],
    },
    {
      name: 'Salesforce default field',
      observation: opp({ ...on, app: 'salesforce', dealValue: null }),
      expect: [{ params: { field: 'Amount' } }],
    },
    {
      name: 'configured deal value field',
      observation: opp({ ...on, dealValue: 0 }),
      settings: { fields: { dealValue: 'new_calculatedrevenue' } },
      expect: [{ params: { field: 'new_calculatedrevenue' } }],
    },
    { name: 'a value', observation: opp({ ...on, dealValue: 50000 }), expect: 'silent' },
    { name: 'a small value', observation: opp({ ...on, dealValue: 0.01 }), expect: 'silent' },
    { name: 'unknown', observation: opp({ ...on }), expect: 'silent' },
    { name: 'not meant to sync', observation: opp({ syncWithPartnerCenter: false, dealValue: null }), expect: 'silent' },
  ],
  'crm.close-date-missing': [
    { name: 'empty', observation: opp({ ...on, closeDate: null }), expect: [{ severity: 'error', field: 'closeDate' }] },
    { name: 'a date', observation: opp({ ...on, closeDate: '2025-06-30' }), expect: 'silent' },
    { name: 'unknown', observation: opp({ ...on }), expect: 'silent' },
    { name: 'not meant to sync', observation: opp({ syncWithPartnerCenter: false, closeDate: null }), expect: 'silent' },
  ],
  'crm.close-date-past': [
    {
      name: 'yesterday, open',
      observation: opp({ ...on, state: 'open', closeDate: '2025-01-14' }),
      today: '2025-01-15',
      expect: [{ severity: 'warning', params: { date: '2025-01-14' } }],
    },
    {
      name: 'today is not past',
      observation: opp({ ...on, state: 'open', closeDate: '2025-01-15' }),
      today: '2025-01-15',
      expect: 'silent',
    },
    {
      name: 'past in the user time zone only (Tokyo already on the 15th)',
      observation: opp({ ...on, state: 'open', closeDate: '2025-01-14' }),
      today: '2025-01-15',
      expect: [{ field: 'closeDate' }],
    },
    {
      name: 'same date seen from Los Angeles (still the 14th)',
      observation: opp({ ...on, state: 'open', closeDate: '2025-01-14' }),
      today: '2025-01-14',
      expect: 'silent',
    },
    { name: 'past but won', observation: opp({ ...on, state: 'won', closeDate: '2024-12-01' }), expect: 'silent' },
    { name: 'past, state unknown', observation: opp({ ...on, closeDate: '2024-12-01' }), expect: 'silent' },
    { name: 'future', observation: opp({ ...on, state: 'open', closeDate: '2026-01-01' }), expect: 'silent' },
  ],
  'crm.currency-invalid': [
    {
      name: 'empty (Dynamics)',
      observation: opp({ ...on, currency: null }),
      expect: [{ severity: 'warning', messageKey: 'crm_currency_invalid_empty', params: { field: 'transactioncurrencyid' } }],
    },
    {
      name: 'Salesforce code not ISO 4217',
      observation: opp({ ...on, app: 'salesforce', currency: 'US$' }),
      expect: [{ messageKey: 'crm_currency_invalid_code', params: { field: 'CurrencyIsoCode', value: 'US$' } }],
    },
    {
      name: 'Salesforce lower case code',
      observation: opp({ ...on, app: 'salesforce', currency: 'usd' }),
      expect: [{ messageKey: 'crm_currency_invalid_code' }],
    },
    { name: 'Salesforce JPY', observation: opp({ ...on, app: 'salesforce', currency: 'JPY' }), expect: 'silent' },
    { name: 'Dynamics currency name (a lookup, not a code)', observation: opp({ ...on, currency: 'US Dollar' }), expect: 'silent' },
    { name: 'unknown', observation: opp({ ...on }), expect: 'silent' },
    { name: 'not meant to sync', observation: opp({ syncWithPartnerCenter: false, currency: null }), expect: 'silent' },
  ],
  'crm.audit-failure': [
    {
      name: 'known error in Audit: quotes it and adds its fix',
      observation: opp({ audit: '2025-01-10 12:01 Sync started\n2025-01-10 12:02 Error: Solution ID is required' }),
      expect: [
        {
          severity: 'error',
          field: 'audit',
          messageKey: 'crm_audit_failure_known',
          params: { text: '2025-01-10 12:02 Error: Solution ID is required', knownKey: 'error_solution_id_required_msg' },
          fixSteps: ['error_solution_id_required_fix1', 'error_solution_id_required_fix2', 'error_solution_id_required_fix3'],
        },
      ],
    },
    {
      name: 'unknown failure',
      observation: opp({ audit: 'Synchronization failed: upstream timeout' }),
      expect: [{ messageKey: 'crm_audit_failure_msg', params: { text: 'Synchronization failed: upstream timeout' } }],
    },
    { name: 'Japanese failure', observation: opp({ audit: '同期に失敗しました' }), expect: [{ messageKey: 'crm_audit_failure_msg' }] },
    {
      name: 'French failure',
      observation: opp({ audit: 'Échec de la synchronisation' }),
      expect: [{ messageKey: 'crm_audit_failure_msg' }],
    },
    { name: 'success', observation: opp({ audit: '2025-01-10 12:02 Referral created successfully in Partner Center' }), expect: 'silent' },
    { name: 'empty', observation: opp({ audit: null }), expect: 'silent' },
    {
      name: 'hostile text is quoted as text, shortened',
      observation: opp({ audit: `Error: <img src=x onerror=alert(1)> ${'x'.repeat(1000)}` }),
      expect: [{ params: { text: expect.stringMatching(/^Error: <img src=x onerror=alert\(1\)> x+…$/) } }],
    },
  ],
  'crm.sync-failed-mark': [
    { name: '✘ in the name', observation: opp({ name: '✘ Contoso – 500 seats' }), expect: [{ severity: 'error', field: 'name' }] },
    { name: '✔ in the name', observation: opp({ name: '✔ Contoso – 500 seats' }), expect: 'silent' },
    { name: 'no mark', observation: opp({ name: 'Contoso' }), expect: 'silent' },
  ],
  'crm.not-yet-synced': [
    { name: 'sync on, no referral ID', observation: opp({ ...on, referralId: null }), expect: [{ severity: 'info', field: 'referralId' }] },
    { name: 'sync on, referral ID', observation: opp({ ...on, referralId: 'ae3d5c8e-1111-4c3b-9a4e-2f6d1b7c8e90' }), expect: 'silent' },
    { name: 'sync off', observation: opp({ syncWithPartnerCenter: false, referralId: null }), expect: 'silent' },
    { name: 'referral ID field not on the form', observation: opp({ ...on }), expect: 'silent' },
  ],
  'crm.visibility-irreversible': [
    {
      name: 'editable',
      observation: opp({ referralVisibilityEditable: true }),
      expect: [{ severity: 'info', field: 'referralVisibility', display: 'editing' }],
    },
    { name: 'read-only (already visible)', observation: opp({ referralVisibilityEditable: false }), expect: 'silent' },
    { name: 'not on the form', observation: opp({}), expect: 'silent' },
  ],
  'crm.on-hold-stage': [
    {
      name: 'in the configured On-hold stage, Active named',
      observation: opp({ app: 'salesforce', stage: 'Microsoft Referral - On Hold' }),
      settings: { salesforceStages: { onHold: 'microsoft referral - on hold', active: 'Qualification' } },
      expect: [
        {
          severity: 'warning',
          params: { stage: 'Microsoft Referral - On Hold', active: 'Qualification' },
          fixSteps: ['crm_on_hold_stage_fix1_named', 'crm_on_hold_stage_fix2'],
        },
      ],
    },
    {
      name: 'Active stage not configured',
      observation: opp({ app: 'salesforce', stage: 'On Hold' }),
      settings: { salesforceStages: { onHold: 'On Hold' } },
      expect: [{ fixSteps: ['crm_on_hold_stage_fix1', 'crm_on_hold_stage_fix2'] }],
    },
    {
      name: 'another stage',
      observation: opp({ app: 'salesforce', stage: 'Qualification' }),
      settings: { salesforceStages: { onHold: 'On Hold' } },
      expect: 'silent',
    },
    { name: 'stage names not configured', observation: opp({ app: 'salesforce', stage: 'On Hold' }), expect: 'silent' },
    { name: 'Dynamics', observation: opp({ stage: 'On Hold' }), settings: { salesforceStages: { onHold: 'On Hold' } }, expect: 'silent' },
  ],
  'crm.products-obsolete': [
    { name: 'a value', observation: opp({ productsObsolete: 'Azure' }), expect: [{ severity: 'warning', field: 'productsObsolete' }] },
    { name: 'empty', observation: opp({ productsObsolete: null }), expect: 'silent' },
    { name: 'not on the form', observation: opp({}), expect: 'silent' },
  ],
};
