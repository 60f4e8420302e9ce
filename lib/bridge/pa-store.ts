/**
 * The page-world bridge's memory of what the page received: the latest body per resource, kept as
 * the page got it and reduced only when the reader asks for that resource (most responses are
 * never asked about, and a body parsed once is not parsed again). Bounded in entries and in size.
 */
import { PA_BRIDGE_VERSION, type PaAction, type PaAnswer, type PaWant } from './pa-protocol';
import { reduce, type Piece, type Route, type RunAct } from './pa-reduce';

const MAX_ENTRIES = 64;
const MAX_TOTAL_CHARS = 16_000_000;

interface Entry {
  route: Route;
  body: string | object;
  size: number;
  piece?: Piece | null;
}

/** The resource a response is about: the latest response per key is kept. */
export const keyOf = (r: Route): string => {
  switch (r.kind) {
    case 'flow':
      return `flow:${r.flow}`;
    case 'flowList':
      return `flowList:${r.env}`;
    case 'connections':
      return `connections:${r.path}`; // each list counts: the portal may ask per connector
    case 'runs':
      return `runs:${r.flow}`;
    case 'run':
      return `run:${r.run}`;
    case 'actions':
      return `actions:${r.run}`;
    case 'outputs':
      return `outputs:${r.run}:${r.action}`;
    case 'summaries':
      return `summaries:${r.solution}`;
  }
};

export class PaStore {
  private readonly entries = new Map<string, Entry>();
  private total = 0;

  /** Keeps a body the page received (a JSON text, or the object an XHR parsed for it). */
  put(route: Route, body: string | object): string {
    const key = keyOf(route);
    this.drop(key);
    const size = typeof body === 'string' ? body.length : 1000;
    this.entries.set(key, { route, body, size });
    this.total += size;
    for (const [k] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES && this.total <= MAX_TOTAL_CHARS) break;
      this.drop(k);
    }
    return key;
  }

  /**
   * Whether a response's key bears on the records `want` names: only those are read (a body is
   * cloned and kept), and a push computed. Connection lists bear on every flow.
   */
  static concerns(key: string, want: PaWant | null): boolean {
    if (!want) return false;
    const [kind, id] = key.split(':');
    if (kind === 'connections' || kind === 'flowList') return true;
    if (kind === 'flow' || kind === 'runs') return id === want.flow;
    if (kind === 'run' || kind === 'actions' || kind === 'outputs') return id === want.run;
    return kind === 'summaries' && id === want.solution;
  }

  private drop(key: string) {
    const e = this.entries.get(key);
    if (!e) return;
    this.total -= e.size;
    this.entries.delete(key);
  }

  private piece<K extends Piece['kind']>(key: string): Extract<Piece, { kind: K }> | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.piece === undefined) {
      let data: unknown = e.body;
      if (typeof data === 'string') {
        try {
          data = JSON.parse(data);
        } catch {
          data = undefined;
        }
      }
      e.piece = data === undefined ? null : reduce(e.route, data);
      e.body = ''; // parsed once: the reduction is all that is kept
    }
    return e.piece as Extract<Piece, { kind: K }> | null;
  }

  private pieces<K extends Piece['kind']>(prefix: string): Extract<Piece, { kind: K }>[] {
    const out: Extract<Piece, { kind: K }>[] = [];
    for (const k of this.entries.keys()) {
      if (!k.startsWith(prefix)) continue;
      const p = this.piece<K>(k);
      if (p) out.push(p);
    }
    return out;
  }

  /** What the page received about the records `want` names; null when it received nothing of use. */
  answer(want: PaWant): PaAnswer | null {
    const a: PaAnswer = { v: PA_BRIDGE_VERSION, kind: 'pa' };
    const flow = want.flow ? this.piece<'flow'>(`flow:${want.flow}`) : null;
    if (flow) {
      // Connections in error, by name, from every connection list the page received.
      const broken = new Map<string, string | null>();
      for (const c of this.pieces<'connections'>('connections:'))
        for (const i of c.items) if (i.error) broken.set(i.name.toLowerCase(), i.message);
      const actions: PaAction[] = flow.actions.map(({ id, ref }) => {
        if (ref === null) return { id, ref, problem: null };
        if (!Object.hasOwn(flow.refs, ref) || flow.refs[ref] === null) return { id, ref, problem: 'reference-missing' };
        const conn = flow.refs[ref]!.toLowerCase().split('/').pop()!;
        return broken.has(conn) ? { id, ref, problem: 'connection-error', error: broken.get(conn) ?? null } : { id, ref, problem: null };
      });
      a.flow = { id: flow.flow, name: flow.name, state: flow.state, actions };
    }
    if (want.run) {
      const run = this.piece<'run'>(`run:${want.run}`);
      const listed = this.piece<'actions'>(`actions:${want.run}`);
      const acts: Record<string, RunAct> = { ...(run?.actions ?? {}), ...(listed?.actions ?? {}) };
      const failed = Object.entries(acts).filter(([, x]) => x.status === 'failed');
      // A scope fails because an action in it did ("ActionFailed"): the cause is said by that action.
      const causes = failed.filter(([, x]) => x.code !== 'ActionFailed');
      const errors = (causes.length ? causes : failed).map(([action, x]) => {
        const body = this.piece<'outputs'>(`outputs:${want.run}:${action}`)?.message ?? null;
        const message = x.message && body && !x.message.includes(body) ? `${x.message} ${body}` : (body ?? x.message);
        return { action, code: x.code, message };
      });
      if (run || listed) {
        const status = run?.status ?? (failed.length ? 'failed' : 'unknown');
        a.run = { id: want.run, status: failed.length && status !== 'running' ? 'failed' : status, errors };
      }
    }
    if (want.flow && !want.run) {
      const runs = this.piece<'runs'>(`runs:${want.flow}`);
      if (runs) a.runs = runs.items;
    }
    if (want.solution) {
      const members = this.piece<'summaries'>(`summaries:${want.solution}`);
      if (members) {
        const states = new Map<string, 'on' | 'off' | 'unknown'>();
        for (const l of this.pieces<'flowList'>(`flowList:${want.env}`)) for (const f of l.items) states.set(f.id, f.state);
        a.flows = members.items.map((f) => ({ id: f.id, name: f.name, state: states.get(f.id) ?? 'unknown' }));
      }
    }
    return a.flow || a.run || a.runs || a.flows ? a : null;
  }
}
