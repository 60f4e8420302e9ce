/**
 * Power Automate's own API responses, recognised by path and by zod shape, reduced to what the
 * rules need. Pure: the page-world bridge (entrypoints/pa-bridge.content.ts) hands it what the page
 * received; anything unrecognised is null. Shapes: the Logic Apps workflow and run REST resources
 * (LogicAppsUX `__mocks__/runs/`, `consumption/run.ts`), ARM API connections, Dataverse
 * `msdyn_solutioncomponentsummaries` (docs/real-apps.md, "Power Automate API responses").
 */
import { z } from '../model/zod';
import { MAX_ACTIONS, MAX_RUNS, type PaRunStatus } from './pa-protocol';

const PS = String.raw`/providers/Microsoft\.ProcessSimple/environments/([^/]+)/flows`;
/** Cheap first test on any URL the page fetches: only these can be one of ours. */
export const MAYBE = /Microsoft\.ProcessSimple|Microsoft\.PowerApps|\/contents\/ActionOutputs|msdyn_solutioncomponentsummaries/i;

export type Route =
  | { kind: 'flow'; env: string; flow: string }
  | { kind: 'flowList'; env: string }
  | { kind: 'connections'; path: string }
  | { kind: 'runs'; flow: string }
  | { kind: 'run'; flow: string; run: string }
  | { kind: 'actions'; run: string }
  | { kind: 'outputs'; run: string; action: string }
  | { kind: 'summaries'; solution: string };

const ROUTES: [RegExp, (m: string[]) => Route][] = [
  [new RegExp(`${PS}/([^/]+)$`, 'i'), (m) => ({ kind: 'flow', env: m[1]!, flow: m[2]! })],
  [new RegExp(`${PS}$`, 'i'), (m) => ({ kind: 'flowList', env: m[1]! })],
  [new RegExp(`${PS}/([^/]+)/runs$`, 'i'), (m) => ({ kind: 'runs', flow: m[2]! })],
  [new RegExp(`${PS}/([^/]+)/runs/([^/]+)$`, 'i'), (m) => ({ kind: 'run', flow: m[2]!, run: m[3]! })],
  [new RegExp(`${PS}/[^/]+/runs/([^/]+)/actions$`, 'i'), (m) => ({ kind: 'actions', run: m[2]! })],
  [
    /\/runs\/([^/]+)\/actions\/([^/]+)\/(?:repetitions\/[^/]+\/)?contents\/ActionOutputs$/i,
    (m) => ({ kind: 'outputs', run: m[1]!, action: m[2]! }),
  ],
  [/\/providers\/Microsoft\.(?:ProcessSimple|PowerApps)\/.*\/connections$/i, (m) => ({ kind: 'connections', path: m[0]!.toLowerCase() })],
];

const lower = (s: string) => decodeURIComponent(s).toLowerCase();

/** The route of a response URL (absolute, any host), or null when it is none of ours. */
export function routeOf(href: string): Route | null {
  if (!MAYBE.test(href)) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/api\/data\/v9\.\d+\/msdyn_solutioncomponentsummaries$/i.test(path)) {
    const sid = /msdyn_solutionid eq '?\{?([0-9a-f-]{36})/i.exec(url.searchParams.get('$filter') ?? '')?.[1];
    return sid ? { kind: 'summaries', solution: sid.toLowerCase() } : null;
  }
  for (const [re, make] of ROUTES) {
    const m = re.exec(path);
    if (!m) continue;
    const r = make(m as unknown as string[]);
    for (const k of ['env', 'flow', 'run'] as const)
      if (k in r) (r as Record<string, string>)[k] = lower((r as Record<string, string>)[k]!);
    return r;
  }
  return null;
}

// ---- shapes (loose: other properties are kept out of the way, not rejected) ----

const Err = z.looseObject({ code: z.optional(z.union([z.string(), z.number()])), message: z.optional(z.string()) });
const Host = z.looseObject({
  connectionName: z.optional(z.string()),
  connection: z.optional(z.union([z.string(), z.looseObject({ name: z.optional(z.string()), referenceName: z.optional(z.string()) })])),
});
const Branch = z.looseObject({ actions: z.optional(z.record(z.string(), z.unknown())) });
const Action = z.looseObject({
  type: z.string(),
  // Any JSON (a Compose takes a string); only an object's `host` says which connection is used.
  inputs: z.optional(z.unknown()),
  actions: z.optional(z.record(z.string(), z.unknown())),
  else: z.optional(Branch),
  default: z.optional(Branch),
  cases: z.optional(z.record(z.string(), Branch)),
});
const Reference = z.looseObject({
  connectionName: z.optional(z.string()),
  connectionId: z.optional(z.string()),
  id: z.optional(z.string()),
  connection: z.optional(z.looseObject({ connectionReferenceLogicalName: z.optional(z.string()), name: z.optional(z.string()) })),
  api: z.optional(z.looseObject({ name: z.optional(z.string()) })),
});
const Workflow = z.looseObject({
  name: z.string(),
  properties: z.looseObject({
    displayName: z.optional(z.string()),
    state: z.optional(z.string()),
    definition: z.looseObject({
      triggers: z.optional(z.record(z.string(), z.unknown())),
      actions: z.optional(z.record(z.string(), z.unknown())),
    }),
    connectionReferences: z.optional(z.record(z.string(), Reference)),
  }),
});
const FlowItem = z.looseObject({
  name: z.string(),
  properties: z.looseObject({ displayName: z.string(), state: z.optional(z.string()) }),
});
const Status = z.looseObject({ status: z.optional(z.string()), error: z.optional(Err) });
const Connection = z.looseObject({
  name: z.string(),
  properties: z.looseObject({ statuses: z.optional(z.array(Status)), overallStatus: z.optional(z.string()) }),
});
const RunAction = z.looseObject({ status: z.string(), code: z.optional(z.string()), error: z.optional(Err) });
const Run = z.looseObject({
  name: z.string(),
  properties: z.looseObject({
    status: z.string(),
    error: z.optional(Err),
    actions: z.optional(z.record(z.string(), RunAction)),
  }),
});
const Summary = z.looseObject({
  msdyn_objectid: z.string(),
  msdyn_displayname: z.optional(z.nullable(z.string())),
  msdyn_name: z.optional(z.nullable(z.string())),
  msdyn_componenttype: z.optional(z.union([z.number(), z.string()])),
  msdyn_workflowcategory: z.optional(z.nullable(z.union([z.number(), z.string()]))),
});
const list = <T extends z.ZodMiniType>(item: T) => z.looseObject({ value: z.array(item) });

// ---- reductions ----

export interface RunAct {
  status: PaRunStatus;
  code: string | null;
  message: string | null;
}
export type Piece =
  | {
      kind: 'flow';
      flow: string;
      name: string | null;
      state: 'on' | 'off' | 'suspended' | null;
      actions: { id: string; ref: string | null }[];
      /** Each connection reference and the connection it names (null when it names none). */
      refs: Record<string, string | null>;
    }
  | { kind: 'flowList'; items: { id: string; name: string; state: 'on' | 'off' | 'unknown' }[] }
  | { kind: 'connections'; items: { name: string; error: boolean; message: string | null }[] }
  | { kind: 'runs'; items: { id: string; status: PaRunStatus }[] }
  | { kind: 'run'; status: PaRunStatus; actions: Record<string, RunAct> | null }
  | { kind: 'actions'; actions: Record<string, RunAct> }
  | { kind: 'outputs'; message: string | null }
  | { kind: 'summaries'; items: { id: string; name: string }[] };

/** Logic Apps run and action statuses (WorkflowStatus) in the observation's vocabulary. */
export function runStatus(s: string): PaRunStatus {
  switch (s.toLowerCase()) {
    case 'failed':
    case 'timedout':
    case 'faulted':
      return 'failed';
    case 'succeeded':
      return 'succeeded';
    case 'running':
    case 'waiting':
    case 'paused':
      return 'running';
    case 'cancelled':
    case 'aborted':
      return 'cancelled';
    default:
      return 'unknown';
  }
}
const flowState = (s: string | undefined) => {
  const k = s?.toLowerCase();
  return k === 'started' ? 'on' : k === 'stopped' ? 'off' : k === 'suspended' ? 'suspended' : null;
};
const clip = (s: string | null | undefined, max: number) => (typeof s === 'string' && s.trim() ? s.trim().slice(0, max) : null);

/** The connection reference an action uses: `host.connectionName`, `host.connection(.referenceName|.name)`. */
function refOf(host: z.infer<typeof Host>): string | null {
  if (host.connectionName) return host.connectionName;
  const c = host.connection;
  if (typeof c === 'string') return c;
  if (c?.referenceName) return c.referenceName;
  // Consumption: "@parameters('$connections')['office365']['connectionId']"
  const m = c?.name ? /\['([^']+)'\]/.exec(c.name) : null;
  return m ? m[1]! : null;
}

/** Every action of a definition, those inside scopes, conditions, switches and loops included. */
function actionsOf(root: Record<string, unknown> | undefined, out: { id: string; ref: string | null }[], depth = 0): void {
  if (!root || depth > 40) return;
  for (const [id, raw] of Object.entries(root)) {
    if (out.length >= MAX_ACTIONS) return;
    const a = Action.safeParse(raw);
    if (!a.success) continue;
    const inputs = a.data.inputs;
    const host = typeof inputs === 'object' && inputs !== null ? Host.safeParse((inputs as { host?: unknown }).host) : null;
    out.push({ id: id.slice(0, 200), ref: host?.success ? refOf(host.data) : null });
    actionsOf(a.data.actions, out, depth + 1);
    actionsOf(a.data.else?.actions, out, depth + 1);
    actionsOf(a.data.default?.actions, out, depth + 1);
    for (const c of Object.values(a.data.cases ?? {})) actionsOf(c.actions, out, depth + 1);
  }
}

function runActions(actions: Record<string, z.infer<typeof RunAction>>): Record<string, RunAct> {
  const out: Record<string, RunAct> = {};
  for (const [name, a] of Object.entries(actions).slice(0, MAX_ACTIONS)) {
    const code = a.error?.code ?? a.code;
    out[name] = {
      status: runStatus(a.status),
      code: clip(code === undefined ? null : String(code), 200),
      message: clip(a.error?.message, 4000),
    };
  }
  return out;
}

/** The message a failed call's outputs carry in their body: `{ error: { message } }`, `{ message }`, or text. */
export function outputsMessage(data: unknown): string | null {
  const body = z.looseObject({ body: z.unknown() }).safeParse(data);
  if (!body.success) return null;
  const b = body.data.body;
  if (typeof b === 'string') return clip(b, 2000);
  const shaped = z
    .looseObject({
      error: z.optional(z.union([z.string(), Err])),
      message: z.optional(z.string()),
      Message: z.optional(z.string()),
    })
    .safeParse(b);
  if (!shaped.success) return null;
  const e = shaped.data.error;
  return clip(typeof e === 'string' ? e : (e?.message ?? shaped.data.message ?? shaped.data.Message), 2000);
}

/** What a recognised response says, or null when its body is not the shape its path promises. */
export function reduce(route: Route, data: unknown): Piece | null {
  switch (route.kind) {
    case 'flow': {
      const w = Workflow.safeParse(data);
      if (!w.success || lower(w.data.name) !== route.flow) return null;
      const p = w.data.properties;
      const actions: { id: string; ref: string | null }[] = [];
      actionsOf(p.definition.triggers, actions);
      actionsOf(p.definition.actions, actions);
      const refs: Record<string, string | null> = {};
      for (const [k, r] of Object.entries(p.connectionReferences ?? {}))
        refs[k] = r.connectionName ?? r.connection?.connectionReferenceLogicalName ?? r.connection?.name ?? r.connectionId ?? null;
      return { kind: 'flow', flow: route.flow, name: clip(p.displayName, 500), state: flowState(p.state), actions, refs };
    }
    case 'flowList': {
      const l = list(FlowItem).safeParse(data);
      if (!l.success) return null;
      return {
        kind: 'flowList',
        items: l.data.value.slice(0, MAX_RUNS).map((f) => ({
          id: lower(f.name),
          name: f.properties.displayName.slice(0, 500),
          state: flowState(f.properties.state) === 'on' ? 'on' : flowState(f.properties.state) ? 'off' : 'unknown',
        })),
      };
    }
    case 'connections': {
      const l = list(Connection).safeParse(data);
      if (!l.success) return null;
      return {
        kind: 'connections',
        items: l.data.value.slice(0, MAX_ACTIONS).map((c) => {
          const bad = (c.properties.statuses ?? []).find((s) => s.status?.toLowerCase() === 'error');
          return {
            name: c.name,
            error: !!bad || c.properties.overallStatus?.toLowerCase() === 'error',
            message: clip(bad?.error?.message ?? (bad?.error?.code === undefined ? null : String(bad.error.code)), 2000),
          };
        }),
      };
    }
    case 'runs': {
      const l = list(Run).safeParse(data);
      if (!l.success) return null;
      return {
        kind: 'runs',
        items: l.data.value.slice(0, MAX_RUNS).map((r) => ({ id: r.name.slice(0, 200), status: runStatus(r.properties.status) })),
      };
    }
    case 'run': {
      const r = Run.safeParse(data);
      if (!r.success || lower(r.data.name) !== route.run) return null;
      const acts = r.data.properties.actions;
      return { kind: 'run', status: runStatus(r.data.properties.status), actions: acts ? runActions(acts) : null };
    }
    case 'actions': {
      const l = list(z.looseObject({ name: z.string(), properties: RunAction })).safeParse(data);
      if (!l.success) return null;
      return { kind: 'actions', actions: runActions(Object.fromEntries(l.data.value.map((a) => [a.name, a.properties]))) };
    }
    case 'outputs':
      return { kind: 'outputs', message: outputsMessage(data) };
    case 'summaries': {
      const l = list(Summary).safeParse(data);
      if (!l.success) return null;
      // Component type 29 is a process; workflow category 5 a cloud flow (Dataverse workflow.category).
      const flows = l.data.value.filter((s) => Number(s.msdyn_componenttype) === 29 && Number(s.msdyn_workflowcategory) === 5);
      return {
        kind: 'summaries',
        items: flows
          .slice(0, MAX_RUNS)
          .map((s) => ({ id: lower(s.msdyn_objectid), name: (s.msdyn_displayname ?? s.msdyn_name ?? '').slice(0, 500) }))
          .filter((f) => f.name),
      };
    }
  }
}
