/**
 * Activation planner: from the on/off state of the flows seen in a solution's flow list, what is
 * out of order and which flow to turn on next (FAQ C5; domain §2.2–2.3).
 */
import type { FlowState, SolutionId } from '../model/observation';
import { SOLUTION_FLOWS, matchFlow, type FlowDef } from './flows';

export interface SeenFlow {
  name: string;
  state: FlowState;
}

export interface PlanRow {
  /** Name as shown on the page. */
  name: string;
  state: FlowState;
  /** The documented flow it is, or null for a flow that is not part of the solution. */
  flow: FlowDef | null;
}

export interface Plan {
  solution: SolutionId;
  rows: PlanRow[];
  /** A flow that is on while a flow documented before it is off. */
  outOfOrder: { row: PlanRow; before: PlanRow }[];
  /** A flow that is on while one of its child flows is off (FAQ C3). */
  childrenOff: { row: PlanRow; child: PlanRow }[];
  /** The first documented flow, in order, that was seen and is off. */
  next: PlanRow | null;
  /** Documented flows not seen in the list (filtered view, other page, or not installed). */
  notSeen: FlowDef[];
}

export function plan(solution: SolutionId, seen: readonly SeenFlow[], turningOn?: string | null): Plan {
  const defs = SOLUTION_FLOWS[solution];
  const rows: PlanRow[] = seen.map((s) => {
    const on = turningOn && s.name === turningOn ? 'on' : s.state;
    return { name: s.name, state: on, flow: matchFlow(s.name).find((m) => m.solution === solution)?.flow ?? null };
  });
  const byRole = new Map(rows.filter((r) => r.flow).map((r) => [r.flow!.role, r]));
  const ordered = defs.map((d) => byRole.get(d.role)).filter((r): r is PlanRow => !!r);

  const outOfOrder: Plan['outOfOrder'] = [];
  for (const row of ordered) {
    if (row.state !== 'on') continue;
    const before = ordered.find((r) => r.flow!.position < row.flow!.position && r.state === 'off');
    if (before) outOfOrder.push({ row, before });
  }
  const childrenOff: Plan['childrenOff'] = [];
  for (const row of ordered) {
    if (row.state !== 'on') continue;
    for (const role of row.flow!.children) {
      const child = byRole.get(role);
      if (child?.state === 'off') childrenOff.push({ row, child });
    }
  }
  return {
    solution,
    rows,
    outOfOrder,
    childrenOff,
    next: ordered.find((r) => r.state === 'off') ?? null,
    notSeen: defs.filter((d) => !byRole.has(d.role)),
  };
}
