/** Records the flow states a solution page showed, per environment, for the self-ticking checklist. */
import { matchFlow } from '../knowledge/flows';
import type { SolutionFlows } from '../model/observation';
import type { FlowSightings } from '../model/state';

export function recordSightings(current: FlowSightings, seen: SolutionFlows, now: number): FlowSightings {
  if (!seen.solution || !seen.environment) return current;
  const env = current.environments[seen.environment];
  const flows = { ...(env?.solution === seen.solution ? env.flows : {}) };
  for (const f of seen.flows) {
    const role = matchFlow(f.name).find((m) => m.solution === seen.solution)?.flow.role;
    if (role && f.state !== 'unknown') flows[role] = { name: f.name, state: f.state, seenAt: now };
  }
  return { ...current, environments: { ...current.environments, [seen.environment]: { solution: seen.solution, seenAt: now, flows } } };
}

/** The most recently seen environment of a solution (what the checklist shows by default). */
export function latestEnvironment(s: FlowSightings, solution?: 'dynamics' | 'salesforce' | null) {
  return Object.entries(s.environments)
    .filter(([, e]) => !solution || e.solution === solution)
    .sort(([, a], [, b]) => b.seenAt - a.seenAt)[0];
}
