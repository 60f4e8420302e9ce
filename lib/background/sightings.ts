/** Records the flow states a solution page showed, per environment, for the self-ticking checklist. */
import { matchFlow } from '../knowledge/flows';
import type { SolutionFlows } from '../model/observation';
import type { FlowSightings } from '../model/state';

/**
 * How many environments of each solution are remembered: the most recently seen. The checklist shows
 * the latest one; the others are kept for when the user goes back to them. Without a bound, someone
 * who runs the connector for many customers would fill the extension's storage (shared with the
 * checklist and the settings) one environment at a time.
 */
export const MAX_ENVIRONMENTS_PER_SOLUTION = 25;

export function recordSightings(current: FlowSightings, seen: SolutionFlows, now: number): FlowSightings {
  if (!seen.solution || !seen.environment) return current;
  const env = current.environments[seen.environment];
  const flows = { ...(env?.solution === seen.solution ? env.flows : {}) };
  for (const f of seen.flows) {
    const role = matchFlow(f.name).find((m) => m.solution === seen.solution)?.flow.role;
    if (role && f.state !== 'unknown') flows[role] = { name: f.name, state: f.state, seenAt: now };
  }
  const environments = { ...current.environments, [seen.environment]: { solution: seen.solution, seenAt: now, flows } };
  // The least recently seen environments of this solution beyond the bound are forgotten.
  const same = Object.entries(environments).filter(([, e]) => e.solution === seen.solution);
  if (same.length > MAX_ENVIRONMENTS_PER_SOLUTION) {
    same.sort(([, a], [, b]) => b.seenAt - a.seenAt);
    for (const [id] of same.slice(MAX_ENVIRONMENTS_PER_SOLUTION)) if (id !== seen.environment) delete environments[id];
  }
  return { ...current, environments };
}

/**
 * Whether a report's flow states may be kept in local storage. The extension runs `spanning` (one
 * background for both kinds of window): what an incognito tab showed is not written to disk.
 */
export const keepsSightingsFrom = (sender: { tab?: { incognito?: boolean } }): boolean => sender.tab?.incognito !== true;
