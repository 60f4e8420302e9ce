/**
 * The Power Automate bridge's event names, bounds and message shapes, without zod: the isolated
 * content script imports only this and lib/bridge/pa-message.ts. The page-world half
 * (entrypoints/pa-bridge.content.ts) also holds the zod shapes of lib/bridge/pa-reduce.ts.
 */
export const PA_BRIDGE_VERSION = 1 as const;
/** The isolated world asks (detail: JSON of PaWant); the page world answers at once, synchronously. */
export const PA_REQUEST_EVENT = 'cosell:pa-request';
/** The answer, and a fresh one pushed when a response the reader wants arrives. */
export const PA_ANSWER_EVENT = 'cosell:pa';
/**
 * Bodies over 2 MiB are skipped (content-length first, then the text's length): LogicAppsUX's own
 * run service does not load outputs over 2,097,152 bytes (`consumption/run.ts` getContent).
 */
export const MAX_BODY_BYTES = 2_097_152;
/** Bound on the answer's JSON: a flow of 500 actions is about 40 kB. */
export const MAX_PA_ANSWER_CHARS = 200_000;
export const MAX_ACTIONS = 500;
export const MAX_RUNS = 250;

/** What the reader wants: the records in the page's URL. */
export interface PaWant {
  v: typeof PA_BRIDGE_VERSION;
  env: string;
  flow?: string;
  run?: string;
  solution?: string;
}

export type PaRunStatus = 'failed' | 'succeeded' | 'running' | 'cancelled' | 'unknown';
/** Why an action's connection is not usable, as the flow and the connections say. */
export type PaProblem = 'reference-missing' | 'connection-error';

export interface PaAction {
  /** The action's key in the definition (React Flow's `data-id`). */
  id: string;
  /** Its connection reference's key, when it uses a connection. */
  ref: string | null;
  problem: PaProblem | null;
  /** The connection's own error message, when the connections say it is in error. */
  error?: string | null;
}

export interface PaAnswer {
  v: typeof PA_BRIDGE_VERSION;
  kind: 'pa';
  flow?: {
    id: string;
    name: string | null;
    state: 'on' | 'off' | 'suspended' | null;
    /** Every action, inside scopes, conditions, switches and loops too. */
    actions: PaAction[];
  };
  run?: {
    id: string;
    status: PaRunStatus;
    /** Each failed action: its error code, and its message with the one in its outputs' body. */
    errors: { action: string; code: string | null; message: string | null }[];
  };
  runs?: { id: string; status: PaRunStatus }[];
  /** The solution's cloud flows, as its component list and the environment's flow list say. */
  flows?: { id: string; name: string; state: 'on' | 'off' | 'unknown' }[];
}
