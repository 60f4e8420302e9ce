/**
 * The Power Automate reader's second step: what the page's own API responses said (the page-world
 * bridge's answer, lib/bridge/pa-message.ts) merged into what the DOM readers saw, field by field.
 * The data wins where it has the field; the DOM keeps what the data lacks and places the hints. A
 * step or action the canvas has not rendered has no anchor, so its finding goes to the panel.
 */
import type { PaAnswer } from '../../bridge/pa-message';
import { paWant, routeOfPage } from '../../bridge/pa-want';
import { detectSolution } from '../../knowledge/flows';
import type { FlowDesigner, FlowRun, Observation, RunHistory, SolutionFlows } from '../../model/observation';
import type { PageReading } from '../types';

export { paWant };

/** Where a field came from: the page's own API responses, or the rendered page. */
export type DataSource = 'api' | 'dom';

const titleOf = (action: string) => action.replace(/_/g, ' ');

function mergeDesigner(o: FlowDesigner | undefined, f: NonNullable<PaAnswer['flow']>, sources: Record<string, DataSource>): FlowDesigner {
  const d: FlowDesigner = o ? { ...o, steps: [...o.steps] } : { kind: 'flowDesigner', steps: [] };
  if (f.name !== null) {
    d.flowName = f.name;
    sources.flowName = 'api';
  } else if (d.flowName !== undefined) sources.flowName = 'dom';
  // The cards the DOM shows a problem on come first (they anchor the hint); then every other step
  // the flow's definition and connections say is broken, rendered or not.
  for (const a of f.actions) {
    if (!a.problem || d.steps.some((s) => s.id === a.id)) continue;
    d.steps.push({ id: a.id, title: titleOf(a.id), connectionProblem: true, errorText: a.error ?? null });
  }
  sources.steps = 'api';
  return d;
}

function mergeRun(o: FlowRun | undefined, r: NonNullable<PaAnswer['run']>, sources: Record<string, DataSource>): FlowRun {
  const run: FlowRun = o ? { ...o } : { kind: 'flowRun', errors: [] };
  if (r.status !== 'unknown') {
    run.status = r.status;
    sources.runStatus = 'api';
  } else if (o?.status !== undefined) sources.runStatus = 'dom';
  // The DOM's errors for an action the data names are the same errors, shorter (a card shows
  // `BadRequest` where the outputs say why); the details panel names its action by display name.
  const named = new Set(r.errors.flatMap((e) => [e.action, titleOf(e.action)]));
  const dom = (o?.errors ?? []).filter((e) => !named.has(e.action ?? ''));
  run.errors = [...r.errors, ...dom];
  sources.runErrors = 'api';
  return run;
}

function mergeHistory(o: RunHistory | undefined, runs: NonNullable<PaAnswer['runs']>, sources: Record<string, DataSource>): RunHistory {
  sources.runs = 'api';
  return { ...(o ?? { kind: 'runHistory' }), runs: runs.map((r) => ({ status: r.status, runId: r.id })) };
}

function mergeSolution(
  o: SolutionFlows | undefined,
  flows: NonNullable<PaAnswer['flows']>,
  env: string,
  sources: Record<string, DataSource>,
): SolutionFlows {
  const list = (o?.flows ?? []).map((f) => {
    const d = flows.find((x) => (f.flowId && x.id === f.flowId.toLowerCase()) || x.name === f.name);
    return d && d.state !== 'unknown' ? { ...f, state: d.state } : f;
  });
  // Rows the list has not rendered (it renders only what is in view) are flows of the solution too.
  for (const d of flows)
    if (!list.some((f) => f.flowId?.toLowerCase() === d.id || f.name === d.name)) list.push({ name: d.name, state: d.state, flowId: d.id });
  sources.flows = 'api';
  return {
    kind: 'solutionFlows',
    environment: o?.environment ?? env,
    ...o,
    flows: list,
    solution: detectSolution(list.map((f) => f.name)),
  };
}

/**
 * The DOM reader's reading with the bridge's answer merged in, or the answer alone on a page of
 * the right kind whose DOM shows nothing yet. `sources` says where each merged field came from.
 */
export function withPageData(reading: PageReading | null, answer: PaAnswer | null, url: URL): PageReading | null {
  const r = routeOfPage(url);
  if (!answer || !r) return reading;
  const want = paWant(url);
  const observations: Observation[] = [...(reading?.observations ?? [])];
  const sources: Record<string, DataSource> = { ...(reading?.sources as Record<string, DataSource> | undefined) };
  const replace = <K extends Observation['kind']>(kind: K, make: (o: Extract<Observation, { kind: K }> | undefined) => Observation) => {
    const i = observations.findIndex((o) => o.kind === kind);
    const next = make(i >= 0 ? (observations[i] as Extract<Observation, { kind: K }>) : undefined);
    if (i >= 0) observations[i] = next;
    else observations.push(next);
  };
  const designer = r.flow && !r.section;
  if (designer && answer.flow && answer.flow.id === want?.flow) replace('flowDesigner', (o) => mergeDesigner(o, answer.flow!, sources));
  if (r.run && answer.run && answer.run.id === want?.run) replace('flowRun', (o) => mergeRun(o, answer.run!, sources));
  if (r.flow && !r.run && r.section && answer.runs) replace('runHistory', (o) => mergeHistory(o, answer.runs!, sources));
  if (r.solution && !r.flow && answer.flows)
    replace('solutionFlows', (o) => mergeSolution(o, answer.flows!, decodeURIComponent(r.env), sources));
  if (
    observations.length === (reading?.observations.length ?? 0) &&
    Object.keys(sources).length === Object.keys(reading?.sources ?? {}).length
  )
    return reading;
  return {
    anchors: {},
    beside: [],
    // The DOM reader's key for the same page, so a dismissal holds whichever source spoke.
    recordKey: `power-automate:${r.env}:${r.solution ?? ''}:${r.flow ?? ''}:${r.section ?? ''}:${r.run ?? ''}`,
    ...reading,
    observations,
    sources,
  };
}
