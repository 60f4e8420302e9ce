import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPaAnswer, parsePaAnswer } from '@/lib/bridge/pa-message';
import { PA_BRIDGE_VERSION, type PaWant } from '@/lib/bridge/pa-protocol';
import { outputsMessage, reduce, routeOf, runStatus } from '@/lib/bridge/pa-reduce';
import { PaStore } from '@/lib/bridge/pa-store';

const API = join(__dirname, '../fixtures/bridge/power-automate/api');
const text = (name: string) => readFileSync(join(API, `${name}.json`), 'utf8');
const ENV = 'default-72f988bf-86f1-41af-91ab-2d7cd011db47';
const FLOW = '6b1f3c2a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const PS = `https://emea.api.flow.microsoft.com/providers/Microsoft.ProcessSimple/environments/Default-72f988bf-86f1-41af-91ab-2d7cd011db47/flows/${FLOW}`;
const RUN = '08584543176225710360248387968cu00';
const RUN2 = '08584543176225710360248387968cu11';
const want = (w: Partial<PaWant>): PaWant => ({ v: PA_BRIDGE_VERSION, env: ENV, ...w });

describe('Power Automate responses: recognised by path', () => {
  it.each([
    [`${PS}?api-version=2016-11-01&$expand=properties.connectionreferences.apidefinition`, { kind: 'flow', env: ENV, flow: FLOW }],
    [`${PS}/runs?api-version=2016-11-01`, { kind: 'runs', flow: FLOW }],
    [`${PS}/runs/${RUN.toUpperCase()}?$expand=properties/actions,workflow/properties`, { kind: 'run', flow: FLOW, run: RUN }],
    [`${PS}/runs/${RUN}/actions`, { kind: 'actions', run: RUN }],
    [
      `https://prod-12.westeurope.logic.azure.com/workflows/bb55/runs/${RUN}/actions/Create_or_update_referral/contents/ActionOutputs?api-version=2016-06-01&sig=x`,
      { kind: 'outputs', run: RUN, action: 'Create_or_update_referral' },
    ],
    [
      'https://api.powerapps.com/providers/Microsoft.PowerApps/apis/shared_office365/connections?api-version=2016-11-01',
      { kind: 'connections' },
    ],
    [
      'https://org.crm.dynamics.com/api/data/v9.0/msdyn_solutioncomponentsummaries?$filter=(msdyn_solutionid eq 4f0c8d3e-2b1a-4c5d-9e8f-7a6b5c4d3e2f) and (msdyn_componenttype eq 29)',
      { kind: 'summaries', solution: '4f0c8d3e-2b1a-4c5d-9e8f-7a6b5c4d3e2f' },
    ],
  ])('%s', (url, route) => {
    expect(routeOf(url)).toMatchObject(route);
  });

  it.each([
    'https://make.powerautomate.com/environments/x/flows/y',
    `${PS}/triggers/manual/listCallbackUrl`,
    'https://example.com/api/data/v9.0/msdyn_solutioncomponentsummaries',
    'not a url /providers/Microsoft.ProcessSimple/',
  ])('ignores %s', (url) => {
    expect(routeOf(url)).toBeNull();
  });
});

describe('Power Automate responses: reduced by shape', () => {
  it('a flow: name, state, every action with its connection reference, inside scopes and conditions', () => {
    const p = reduce(routeOf(PS)!, JSON.parse(text('flow')));
    expect(p?.kind).toBe('flow');
    if (p?.kind !== 'flow') return;
    expect(p.name).toBe('Co-sell referral sync (test)');
    expect(p.state).toBe('on');
    expect(p.actions).toHaveLength(40);
    expect(p.actions).toContainEqual({ id: 'Get_referral_details', ref: 'shared_partnercenterreferrals' });
    expect(p.actions).toContainEqual({ id: 'Update_opportunity', ref: 'shared_commondataserviceforapps' });
    expect(p.actions).toContainEqual({ id: 'Terminate', ref: null });
    expect(p.refs.shared_office365).toBe('shared-office365-4a1b');
  });

  it('reads the other connection forms the designer knows (Standard referenceName, Consumption $connections)', () => {
    const p = reduce(routeOf(PS)!, {
      name: FLOW,
      properties: {
        definition: {
          actions: {
            A: {
              type: 'ApiConnection',
              inputs: { host: { connection: { name: "@parameters('$connections')['office365']['connectionId']" } } },
            },
            B: { type: 'ServiceProvider', inputs: { host: { connection: { referenceName: 'sql' } } } },
            C: { type: 'ApiConnection', inputs: { host: { connection: 'blob' } } },
          },
        },
      },
    });
    expect(p?.kind === 'flow' && p.actions.map((a) => a.ref)).toEqual(['office365', 'sql', 'blob']);
  });

  it('a response for another flow, or of another shape, is ignored', () => {
    expect(reduce(routeOf(PS)!, { ...JSON.parse(text('flow')), name: 'other' })).toBeNull();
    expect(reduce(routeOf(PS)!, { value: [] })).toBeNull();
    expect(reduce(routeOf(`${PS}/runs`)!, { properties: {} })).toBeNull();
    expect(reduce(routeOf(`${PS}/runs/${RUN}`)!, JSON.parse(text('run-badrequest')))).toBeNull();
  });

  it('connections: each one in error, with its message', () => {
    const p = reduce({ kind: 'connections', path: '/x/connections' }, JSON.parse(text('connections')));
    expect(p?.kind === 'connections' && p.items.filter((c) => c.error).map((c) => c.name)).toEqual([
      'shared-office365-4a1b',
      'shared-partnercenter-7c2d',
    ]);
  });

  it('a run with its actions (LogicAppsUX run shape): status, each action status, code and message', () => {
    const p = reduce(routeOf(`${PS}/runs/${RUN}`)!, JSON.parse(text('run-offscreen')));
    expect(p?.kind === 'run' && p.status).toBe('failed');
    expect(p?.kind === 'run' && p.actions?.Run_a_Child_Flow).toEqual({
      status: 'failed',
      code: 'WorkflowTriggerNotFound',
      message: "The workflow '5c4b3a29' trigger 'manual' could not be found.",
    });
  });

  it.each([
    [{ statusCode: 400, body: { error: { code: 'BadRequest', message: 'Solution ID is required' } } }, 'Solution ID is required'],
    [{ statusCode: 400, body: { message: 'Require the property item/Status' } }, 'Require the property item/Status'],
    [{ statusCode: 403, body: 'Forbidden' }, 'Forbidden'],
    [{ statusCode: 200, body: { value: [] } }, null],
    [[1, 2], null],
  ])('outputs body %j says %j', (data, message) => {
    expect(outputsMessage(data)).toBe(message);
  });

  it.each([
    ['Failed', 'failed'],
    ['TimedOut', 'failed'],
    ['Succeeded', 'succeeded'],
    ['Waiting', 'running'],
    ['Cancelled', 'cancelled'],
    ['Skipped', 'unknown'],
  ])('run status %s is %s', (s, status) => {
    expect(runStatus(s)).toBe(status);
  });
});

describe('the page-world store', () => {
  const filled = () => {
    const s = new PaStore();
    s.put(routeOf(PS)!, text('flow'));
    s.put({ kind: 'connections', path: '/c/connections' }, text('connections'));
    s.put(routeOf(`${PS}/runs/${RUN}`)!, text('run-offscreen'));
    s.put(routeOf(`${PS}/runs/${RUN2}`)!, text('run-badrequest'));
    s.put(routeOf(`${PS}/runs/${RUN2}/actions`)!, JSON.parse(text('run-badrequest-actions')));
    s.put(
      routeOf(`https://h/workflows/w/runs/${RUN2}/actions/Create_or_update_referral/contents/ActionOutputs`)!,
      text('run-badrequest-outputs'),
    );
    return s;
  };

  it('joins the flow with the connections: a missing reference and connections in error, off-screen or collapsed', () => {
    const a = filled().answer(want({ flow: FLOW }));
    expect(isPaAnswer(a)).toBe(true);
    const bad = a!.flow!.actions.filter((x) => x.problem);
    expect(bad).toEqual([
      { id: 'List_rows', ref: 'shared_office365', problem: 'connection-error', error: 'This connection is not authenticated.' },
      {
        id: 'Get_referral_details',
        ref: 'shared_partnercenterreferrals',
        problem: 'connection-error',
        error: 'This connection is not authenticated.',
      },
      { id: 'Update_a_row_offscreen', ref: 'shared_commondataserviceforapps_1', problem: 'reference-missing' },
    ]);
  });

  it("a run's failed actions: the cause, not the scope that failed with it; the message in the outputs' body", () => {
    const s = filled();
    expect(s.answer(want({ flow: FLOW, run: RUN }))!.run).toEqual({
      id: RUN,
      status: 'failed',
      errors: [
        {
          action: 'Run_a_Child_Flow',
          code: 'WorkflowTriggerNotFound',
          message: "The workflow '5c4b3a29' trigger 'manual' could not be found.",
        },
      ],
    });
    expect(s.answer(want({ flow: FLOW, run: RUN2 }))!.run!.errors).toEqual([
      { action: 'Create_or_update_referral', code: 'BadRequest', message: 'Solution ID is required' },
    ]);
  });

  it('a body that is not JSON, or nothing for the records asked, gives no answer', () => {
    const s = new PaStore();
    s.put(routeOf(PS)!, '<html>Sign in</html>');
    expect(s.answer(want({ flow: FLOW }))).toBeNull();
    expect(filled().answer(want({ flow: 'another' }))).toBeNull();
  });

  it('stays bounded: old entries go first', () => {
    const s = new PaStore();
    s.put(routeOf(PS)!, text('flow'));
    for (let i = 0; i < 100; i++) s.put(routeOf(`${PS}/runs/r${i}/actions`)!, '{"value":[]}');
    expect(s.answer(want({ flow: FLOW }))).toBeNull();
  });

  it('says which stored responses bear on a request', () => {
    expect(PaStore.concerns(`flow:${FLOW}`, want({ flow: FLOW }))).toBe(true);
    expect(PaStore.concerns('run:other', want({ flow: FLOW, run: RUN }))).toBe(false);
    expect(PaStore.concerns(`flow:${FLOW}`, null)).toBe(false);
  });
});

describe('the message the isolated world accepts', () => {
  const ok = { v: 1, kind: 'pa', run: { id: 'r1', status: 'failed', errors: [{ action: 'A', code: null, message: 'm' }] } };
  it('takes a well-formed answer', () => {
    expect(parsePaAnswer(JSON.stringify(ok))).toEqual(ok);
  });
  it.each([
    ['another version', { ...ok, v: 2 }],
    ['an unknown key', { ...ok, script: 'alert(1)' }],
    ['an unknown status', { ...ok, run: { ...ok.run, status: 'pwned' } }],
    [
      'an unknown problem',
      { v: 1, kind: 'pa', flow: { id: 'f', name: null, state: null, actions: [{ id: 'a', ref: null, problem: 'x' }] } },
    ],
    ['a message too long', { ...ok, run: { ...ok.run, errors: [{ action: 'A', code: null, message: 'x'.repeat(5000) }] } }],
  ])('refuses %s', (_name, x) => {
    expect(parsePaAnswer(JSON.stringify(x))).toBeNull();
  });
  it('refuses what is not a JSON string', () => {
    expect(parsePaAnswer(ok)).toBeNull();
    expect(parsePaAnswer('{')).toBeNull();
    expect(parsePaAnswer('x'.repeat(300_000))).toBeNull();
  });
});
