/**
 * The one message the page-world Power Automate bridge sends the isolated world: a DOM CustomEvent
 * whose `detail` is a JSON string. Any page script can send the same event, so the answer is page
 * data: validated here, bounded, never obeyed. Checked by hand, as the Xrm answer is
 * (lib/bridge/xrm-message.ts): zod would put power-automate.js over its 25 kB budget.
 */
import { MAX_ACTIONS, MAX_PA_ANSWER_CHARS, MAX_RUNS, PA_BRIDGE_VERSION, type PaAnswer } from './pa-protocol';

export { PA_ANSWER_EVENT, PA_BRIDGE_VERSION, PA_REQUEST_EVENT, type PaAnswer, type PaWant } from './pa-protocol';

const ID = /^[\w.-]{1,200}$/;
const STATUS = ['failed', 'succeeded', 'running', 'cancelled', 'unknown'];
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const only = (o: Record<string, unknown>, keys: string[]) => Object.keys(o).every((k) => keys.includes(k));
const str = (x: unknown, max: number) => typeof x === 'string' && x.length <= max;
const opt = (x: unknown, max: number) => x === null || str(x, max);
const id = (x: unknown) => typeof x === 'string' && ID.test(x);
const list = (x: unknown, max: number, ok: (v: Record<string, unknown>) => boolean) =>
  Array.isArray(x) && x.length <= max && x.every((v) => isObj(v) && ok(v));

function flow(f: unknown): boolean {
  return (
    isObj(f) &&
    only(f, ['id', 'name', 'state', 'actions']) &&
    id(f.id) &&
    opt(f.name, 500) &&
    (f.state === null || f.state === 'on' || f.state === 'off' || f.state === 'suspended') &&
    list(
      f.actions,
      MAX_ACTIONS,
      (a) =>
        only(a, ['id', 'ref', 'problem', 'error']) &&
        str(a.id, 200) &&
        (a.ref === null || str(a.ref, 200)) &&
        (a.problem === null || a.problem === 'reference-missing' || a.problem === 'connection-error') &&
        (a.error === undefined || opt(a.error, 2000)),
    )
  );
}

function run(r: unknown): boolean {
  return (
    isObj(r) &&
    only(r, ['id', 'status', 'errors']) &&
    id(r.id) &&
    STATUS.includes(r.status as string) &&
    list(
      r.errors,
      MAX_ACTIONS,
      (e) => only(e, ['action', 'code', 'message']) && str(e.action, 200) && opt(e.code, 200) && opt(e.message, 4000),
    )
  );
}

/** Whether `x` is an answer of this version, within every bound. */
export function isPaAnswer(x: unknown): x is PaAnswer {
  return (
    isObj(x) &&
    only(x, ['v', 'kind', 'flow', 'run', 'runs', 'flows']) &&
    x.v === PA_BRIDGE_VERSION &&
    x.kind === 'pa' &&
    (x.flow === undefined || flow(x.flow)) &&
    (x.run === undefined || run(x.run)) &&
    (x.runs === undefined || list(x.runs, MAX_RUNS, (r) => only(r, ['id', 'status']) && id(r.id) && STATUS.includes(r.status as string))) &&
    (x.flows === undefined ||
      list(
        x.flows,
        MAX_RUNS,
        (f) => only(f, ['id', 'name', 'state']) && id(f.id) && str(f.name, 500) && ['on', 'off', 'unknown'].includes(f.state as string),
      ))
  );
}

/** The answer when `detail` is one, else null (not a string, too long, not JSON, wrong shape). */
export function parsePaAnswer(detail: unknown): PaAnswer | null {
  if (typeof detail !== 'string' || detail.length > MAX_PA_ANSWER_CHARS) return null;
  let data: unknown;
  try {
    data = JSON.parse(detail);
  } catch {
    return null;
  }
  return isPaAnswer(data) ? data : null;
}
