import type { Observation } from '@/lib/model/observation';
import { SOLUTION_FLOWS } from '@/lib/knowledge/flows';
import type { RuleCases } from './types';

const D = SOLUTION_FLOWS.dynamics.map((f) => f.name);
const S = SOLUTION_FLOWS.salesforce.map((f) => f.name);

/** A solution flow list where the first `onCount` flows (in documented order) are on, or an explicit on-set. */
const list = (
  names: string[],
  on: (i: number) => boolean,
  extra: Partial<Extract<Observation, { kind: 'solutionFlows' }>> = {},
): Observation => ({
  kind: 'solutionFlows',
  solution: names === S ? 'salesforce' : 'dynamics',
  flows: names.map((name, i) => ({ name, state: on(i) ? 'on' : 'off' })),
  ...extra,
});

export const flowCases: RuleCases = {
  'flow.activation-order': [
    {
      name: 'nothing on: next is Webhook Registration (1 of 9)',
      observation: list(D, () => false),
      expect: [
        {
          severity: 'info',
          messageKey: 'flow_activation_order_next',
          field: `flow:${D[0]!}`,
          params: { flow: D[0]!, position: 1, total: 9 },
        },
      ],
    },
    {
      name: 'first three on: next is the Helper (4 of 9)',
      observation: list(D, (i) => i < 3),
      expect: [{ severity: 'info', params: { flow: D[3]!, position: 4 } }],
    },
    {
      name: 'Salesforce: first four on, next is PC to Salesforce (5 of 8)',
      observation: list(S, (i) => i < 4),
      expect: [{ params: { flow: S[4]!, position: 5, total: 8 } }],
    },
    {
      name: 'Opportunity flow on before Webhook Registration',
      observation: list(D, (i) => i === 7),
      expect: [
        {
          severity: 'warning',
          messageKey: 'flow_activation_order_violation',
          field: `flow:${D[7]!}`,
          params: { flow: D[7]!, before: D[0]!, position: 8, beforePosition: 1 },
        },
        { severity: 'info', messageKey: 'flow_activation_order_next', field: `flow:${D[0]!}` },
      ],
    },
    // One coherent message: every flow on too early points to the first flow off, the one marked next.
    {
      name: 'flows on too early all point to the flow to turn on next, which is marked',
      observation: list(D, (i) => i === 0 || i === 4 || i === 7),
      expect: [
        { severity: 'warning', params: { flow: D[4]!, before: D[1]! } },
        { severity: 'warning', params: { flow: D[7]!, before: D[1]! } },
        { severity: 'info', field: `flow:${D[1]!}`, params: { flow: D[1]!, position: 2 } },
      ],
    },
    {
      name: 'two violations, one per flow on too early',
      observation: list(S, (i) => i === 0 || i === 5 || i === 6),
      expect: [
        { params: { flow: S[5]!, before: S[1]! } },
        { params: { flow: S[6]!, before: S[1]! } },
        { severity: 'info', field: `flow:${S[1]!}` },
      ],
    },
    {
      name: 'rows in any display order (sorted by name)',
      observation: {
        kind: 'solutionFlows',
        solution: 'dynamics',
        flows: [...D].sort().map((name) => ({ name, state: name === D[1]! ? 'on' : 'off' })),
      },
      expect: [
        { severity: 'warning', params: { flow: D[1]!, before: D[0]! } },
        { severity: 'info', params: { flow: D[0]! } },
      ],
    },
    { name: 'all on', observation: list(D, () => true), expect: 'silent' },
    {
      name: 'states unknown',
      observation: { kind: 'solutionFlows', solution: 'dynamics', flows: D.map((name) => ({ name, state: 'unknown' })) },
      expect: 'silent',
    },
    {
      name: 'not a connector solution',
      observation: { kind: 'solutionFlows', solution: null, flows: [{ name: 'Approve invoices', state: 'off' }] },
      expect: 'silent',
    },
  ],
  'flow.child-flows-first': [
    {
      name: 'PC to Dynamics on, Helper off',
      observation: list(D, (i) => i !== 3),
      expect: [{ severity: 'error', field: `flow:${D[5]!}`, params: { flow: D[5]!, child: D[3]! } }],
    },
    {
      name: 'PC to Dynamics on, both children off',
      observation: list(D, (i) => i === 5),
      expect: [{ params: { child: D[3]! } }, { params: { child: D[4]! } }],
    },
    {
      name: 'being turned on while Referral Updates is off (Salesforce)',
      observation: list(S, (i) => i < 3, { turningOn: S[4]! }),
      expect: [{ params: { flow: S[4]!, child: S[3]! } }],
    },
    { name: 'children on first', observation: list(D, (i) => i <= 5), expect: 'silent' },
    { name: 'PC to CRM off', observation: list(D, (i) => i < 3), expect: 'silent' },
  ],
  'flow.connection-missing': [
    {
      name: 'two steps without connection',
      observation: {
        kind: 'flowDesigner',
        flowName: 'Partner Center to Dynamics 365 (Insider Preview)',
        steps: [
          { id: 'Get_referral', title: 'Get referral', connectionProblem: true },
          { id: 'Compose', title: 'Compose', connectionProblem: false },
          { id: 'Update_a_row', title: null, connectionProblem: true },
        ],
      },
      expect: [{ severity: 'error', field: 'step:Get_referral', params: { count: 2, steps: 'Get referral, Update a row' } }],
    },
    {
      name: 'all connected',
      observation: { kind: 'flowDesigner', steps: [{ id: 'A', title: 'A', connectionProblem: false }] },
      expect: 'silent',
    },
    { name: 'no steps read', observation: { kind: 'flowDesigner', steps: [] }, expect: 'silent' },
  ],
  'flow.run-only-user': [
    {
      name: 'one connection provided by the run-only user',
      observation: {
        kind: 'runOnlyUsers',
        connections: [
          { connector: 'Partner Center Referrals', mode: 'this-connection' },
          { connector: 'Microsoft Dataverse', mode: 'run-only-user' },
        ],
      },
      expect: [{ severity: 'error', field: 'connection:Microsoft Dataverse', params: { connector: 'Microsoft Dataverse' } }],
    },
    {
      name: 'all "Use this connection"',
      observation: { kind: 'runOnlyUsers', connections: [{ connector: 'Salesforce', mode: 'this-connection' }] },
      expect: 'silent',
    },
    {
      name: 'dropdown unreadable',
      observation: { kind: 'runOnlyUsers', connections: [{ connector: 'Salesforce', mode: 'unknown' }] },
      expect: 'silent',
    },
  ],
  'flow.webhook-registration': [
    {
      name: 'everything right',
      observation: {
        kind: 'webhookRegistration',
        endpoint:
          'https://prod-27.westus.logic.azure.com:443/workflows/0a1b2c3d4e5f60718293a4b5c6d7e8f9/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=abc',
        events: ['referral-created', 'referral-updated', 'related-referral-created', 'related-referral-updated'],
        overwrite: true,
      },
      expect: 'silent',
    },
    {
      name: 'environment API trigger URL',
      observation: {
        kind: 'webhookRegistration',
        endpoint:
          'https://default1234.56.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/0a1b2c3d/triggers/manual/paths/invoke?api-version=1&sig=x',
        overwrite: true,
      },
      expect: 'silent',
    },
    {
      name: 'empty endpoint',
      observation: { kind: 'webhookRegistration', endpoint: '' },
      expect: [{ severity: 'error', field: 'endpoint', messageKey: 'flow_webhook_registration_endpoint_empty' }],
    },
    {
      name: 'endpoint is the flow page URL',
      observation: { kind: 'webhookRegistration', endpoint: 'https://make.powerautomate.com/environments/Default-1/flows/abc' },
      expect: [{ messageKey: 'flow_webhook_registration_endpoint_invalid' }],
    },
    {
      name: 'plain http',
      observation: {
        kind: 'webhookRegistration',
        endpoint: 'http://prod-1.westus.logic.azure.com/workflows/a/triggers/manual/paths/invoke',
      },
      expect: [{ messageKey: 'flow_webhook_registration_endpoint_invalid' }],
    },
    {
      name: 'only the 2020 events',
      observation: { kind: 'webhookRegistration', events: ['referral-created', 'referral-updated'] },
      expect: [{ field: 'events', params: { missing: 'related-referral-created, related-referral-updated' } }],
    },
    { name: 'overwrite No', observation: { kind: 'webhookRegistration', overwrite: false }, expect: [{ field: 'overwrite' }] },
    { name: 'overwrite not chosen', observation: { kind: 'webhookRegistration', overwrite: null }, expect: [{ field: 'overwrite' }] },
    { name: 'form not read', observation: { kind: 'webhookRegistration' }, expect: 'silent' },
  ],
  'flow.edit-non-customize': [
    {
      name: 'editing PC to Salesforce',
      observation: { kind: 'flowDesigner', flowName: 'Partner Center to Salesforce CRM (Insider Preview)', steps: [] },
      expect: [{ severity: 'info', params: { flow: 'Partner Center to Salesforce CRM (Insider Preview)' } }],
    },
    {
      name: 'opened on Webhook Registration, as the set-up asks: popup only',
      observation: { kind: 'flowDesigner', flowName: 'Partner Center Webhook Registration (Insider Preview)', steps: [] },
      expect: [{ severity: 'info', display: 'popup' }],
    },
    {
      name: 'editing the Customize flow',
      observation: { kind: 'flowDesigner', flowName: '(Customize) Create or Get Details from Salesforce', steps: [] },
      expect: 'silent',
    },
    { name: 'editing an unrelated flow', observation: { kind: 'flowDesigner', flowName: 'Approve invoices', steps: [] }, expect: 'silent' },
    { name: 'name unknown', observation: { kind: 'flowDesigner', steps: [] }, expect: 'silent' },
  ],
  'flow.failed-runs': [
    {
      name: 'two failed of four',
      observation: {
        kind: 'runHistory',
        runs: [{ status: 'failed' }, { status: 'succeeded' }, { status: 'failed' }, { status: 'running' }],
      },
      expect: [{ severity: 'warning', params: { count: 2, total: 4 } }],
    },
    { name: 'none failed', observation: { kind: 'runHistory', runs: [{ status: 'succeeded' }] }, expect: 'silent' },
    { name: 'no runs', observation: { kind: 'runHistory', runs: [] }, expect: 'silent' },
  ],
};
