import type { Observation } from '@/lib/model/observation';
import type { RuleCases } from './types';
import { opp } from './types';

const run = (message: string, code: string | null = null): Observation => ({
  kind: 'flowRun',
  status: 'failed',
  errors: [{ action: 'Create_referral', code, message }],
});
const banner = (text: string, code: string | null = null): Observation => ({
  kind: 'errorMessages',
  messages: [{ source: 'banner', code, text }],
});

/** Positive and negative examples per error rule; each positive must match only its own rule. */
export const errorCases: RuleCases = {
  'error.workflow-trigger-not-found': [
    {
      name: 'the documented ARM error',
      observation: banner(
        `Error: Request to Azure Resource Manager failed with error: '{"error":{"code":"WorkflowTriggerNotFound","message":"The workflow 'e14d00f1-1fdf-4b1b-aaac-54a5064093d3' trigger 'manual' couldn't be found."}}'.`,
      ),
      expect: [{ severity: 'error', field: 'message:0' }],
    },
    {
      name: '2020 wording, text only',
      observation: banner("The workflow 'x' trigger 'manual' could not be found."),
      expect: [{ severity: 'error' }],
    },
    {
      name: 'code given separately',
      observation: run('Something', 'WorkflowTriggerNotFound'),
      expect: [{ field: 'error:Create_referral' }],
    },
    { name: 'another trigger error', observation: banner('The trigger was skipped'), expect: 'silent' },
  ],
  'error.sign-in-required': [
    { name: 'English', observation: banner('Sign in required. Sign in to create the connection.'), expect: [{ severity: 'error' }] },
    { name: 'Japanese', observation: banner('サインインが必要です'), expect: [{ severity: 'error' }] },
    { name: 'French', observation: banner('Connexion requise pour créer la connexion'), expect: [{ severity: 'error' }] },
    {
      name: 'an expired grant is not a first sign-in',
      observation: banner('The user could not be authenticated as the grant is expired. The user must sign in again.'),
      expect: 'silent',
    },
  ],
  'error.requiring-updates': [
    {
      name: 'activation banner',
      observation: banner('Flow activation failed: the flow is requiring updates to its child flows.'),
      expect: [{ severity: 'error' }],
    },
    { name: 'French', observation: banner('Ce flux nécessite des mises à jour'), expect: [{ severity: 'error' }] },
    { name: 'unrelated', observation: banner('Your flow is ready'), expect: 'silent' },
  ],
  'error.no-dynamics-org': [
    {
      name: 'install dialog',
      observation: banner("We couldn't find a Dynamics 365 organization connected to signed-in user"),
      expect: [{ severity: 'error' }],
    },
    {
      name: 'typographic apostrophe',
      observation: banner('We couldn’t find a Dynamics 365 organization connected to signed-in user'),
      expect: [{ severity: 'error' }],
    },
    { name: 'unrelated', observation: banner('Dynamics 365 organization selected'), expect: 'silent' },
  ],
  'error.access-denied': [
    {
      name: 'Forbidden code from the run panel',
      observation: run('The caller does not have permission', 'Forbidden'),
      expect: [{ severity: 'error' }],
    },
    { name: 'HTTP 403 in text', observation: run('Request failed with status code 403'), expect: [{ severity: 'error' }] },
    { name: 'French', observation: banner('Accès refusé'), expect: [{ severity: 'error' }] },
    { name: 'a 404 is not access denied', observation: run('Request failed with status code 404'), expect: 'silent' },
  ],
  'error.solution-id-required': [
    { name: 'in a run', observation: run('Solution ID is required'), expect: [{ severity: 'error' }] },
    {
      name: 'in the Audit field: said by crm.audit-failure, with these steps, not twice',
      observation: opp({ audit: 'Error: Solution ID is required' }),
      expect: 'silent',
    },
    {
      name: 'in the Audit field, crm.audit-failure switched off',
      observation: opp({ audit: 'Error: Solution ID is required' }),
      settings: { disabledRules: ['crm.audit-failure'] },
      expect: [{ field: 'audit' }],
    },
    { name: 'unrelated', observation: run('Solution imported'), expect: 'silent' },
  ],
  'error.country-code-missing': [
    { name: 'English', observation: run('Customer account country code is missing'), expect: [{ severity: 'error' }] },
    { name: 'invalid code', observation: run('Invalid country code for customer'), expect: [{ severity: 'error' }] },
    { name: 'French', observation: banner('Le code pays est manquant'), expect: [{ severity: 'error' }] },
    { name: 'unrelated', observation: run('Country updated'), expect: 'silent' },
  ],
  'error.xrm-0x80040216': [
    {
      name: 'documented text',
      observation: banner("Request to XRM API failed with error: 'Message: An unexpected error occurred. Code: 0x80040216'"),
      expect: [{ severity: 'error' }],
    },
    { name: 'another hex code', observation: banner('Code: 0x80040217'), expect: 'silent' },
  ],
  'error.lead-status-required': [
    { name: 'documented text', observation: banner('Require the property item/Status'), expect: [{ severity: 'error' }] },
    { name: 'quoted property', observation: run("Require the property 'item/Status'"), expect: [{ severity: 'error' }] },
    { name: 'unrelated', observation: run('Status updated'), expect: 'silent' },
  ],
  'error.grant-expired': [
    {
      name: 'expired grant',
      observation: run('The user could not be authenticated as the grant is expired. The user must sign in again.'),
      expect: [{ severity: 'error' }],
    },
    {
      name: 'AADSTS code',
      observation: run('AADSTS700082: The refresh token has expired due to inactivity.'),
      expect: [{ severity: 'error' }],
    },
    {
      name: 'Japanese',
      observation: banner('資格情報の有効期限が切れています。もう一度サインインしてください。'),
      expect: [{ severity: 'error' }],
    },
    { name: 'unrelated AADSTS code', observation: run('AADSTS50034: The user account does not exist.'), expect: 'silent' },
  ],
  'error.unrecognized': [
    {
      name: 'a failed action nobody catalogued',
      observation: run('BadRequest. The specified object was not found in the store.', 'BadRequest'),
      expect: [
        {
          severity: 'warning',
          field: 'error:Create_referral',
          params: { text: 'BadRequest: BadRequest. The specified object was not found in the store.' },
        },
      ],
    },
    { name: 'a known error is not unrecognized', observation: run('Solution ID is required'), expect: 'silent' },
    { name: 'a banner is not a failed action', observation: banner('Something odd'), expect: 'silent' },
    { name: 'Audit text is handled by crm.audit-failure', observation: opp({ audit: 'Something odd failed' }), expect: 'silent' },
  ],
};
