/**
 * The records a Power Automate page's URL names, read as the DOM reader reads its path: what the
 * isolated world asks the bridge about, and what the page world keeps responses for.
 */
import { PA_BRIDGE_VERSION, type PaWant } from './pa-protocol';

export interface PageRoute {
  env: string;
  solution?: string;
  flow?: string;
  section?: 'runs' | 'details';
  run?: string;
}

/** The records the URL names (the same reading of the path as the DOM reader's). */
export function routeOfPage(url: URL): PageRoute | null {
  const path = url.pathname;
  const env = /\/environments\/([^/]+)/.exec(path)?.[1];
  if (!env) return null;
  const r: PageRoute = { env };
  const solution = /\/solutions\/([^/]+)/.exec(path)?.[1];
  const flow = /\/flows\/([^/]+)/.exec(path)?.[1];
  const runs = /\/flows\/[^/]+\/runs(?:\/([^/]+))?/.exec(path);
  if (solution) r.solution = solution;
  if (flow) r.flow = flow;
  if (runs) r.section = 'runs';
  else if (/\/flows\/[^/]+\/details\b/.test(path)) r.section = 'details';
  if (runs?.[1]) r.run = runs[1];
  return r;
}

const id = (s: string | undefined) => {
  const v = s && decodeURIComponent(s).toLowerCase();
  return v && /^[\w.-]{1,200}$/.test(v) ? v : undefined;
};

/** What to ask the bridge for on this URL; null where it has nothing to say. */
export function paWant(url: URL): PaWant | null {
  const r = routeOfPage(url);
  const env = id(r?.env);
  if (!r || !env || (!r.flow && !r.solution)) return null;
  const w: PaWant = { v: PA_BRIDGE_VERSION, env };
  const flow = id(r.flow);
  const run = id(r.run);
  const solution = id(r.solution);
  if (flow) w.flow = flow;
  if (run) w.run = run;
  if (solution && !flow) w.solution = solution;
  return w;
}
