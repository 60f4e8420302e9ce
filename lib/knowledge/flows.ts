/**
 * The cloud flows of the two connector solutions, in the documented activation order
 * (Microsoft's 2023 connector pages, cited in docs/rules.md), and a name matcher that
 * recognises every documented spelling.
 */
import type { SolutionId } from '../model/observation';

export type FlowRole =
  | 'webhook-registration'
  | 'customize'
  | 'create-referral'
  | 'helper'
  | 'referral-updates'
  | 'pc-to-crm'
  | 'crm-to-pc'
  | 'opportunity-to-pc'
  | 'solutions-to-pc';

export interface FlowDef {
  role: FlowRole;
  /** The name as the current docs write it. */
  name: string;
  /** 1-based place in the documented activation order. */
  position: number;
  /** Roles that must be on before this one can be turned on (FAQ C3). */
  children: readonly FlowRole[];
}

const DYNAMICS: readonly FlowDef[] = [
  { role: 'webhook-registration', name: 'Partner Center Webhook Registration (Insider Preview)', position: 1, children: [] },
  { role: 'customize', name: '[Customize] Create or Get Details from Dynamics 365 flow', position: 2, children: [] },
  {
    role: 'create-referral',
    name: 'Create Co-sell Referral – Dynamics 365 to Partner Center (Insider Preview)',
    position: 3,
    children: [],
  },
  { role: 'helper', name: 'Partner Center to Dynamics 365 - Helper (Insider Preview)', position: 4, children: [] },
  {
    role: 'referral-updates',
    name: 'Partner Center Microsoft Co-sell Referral Updates to Dynamics 365 (Insider Preview)',
    position: 5,
    children: [],
  },
  { role: 'pc-to-crm', name: 'Partner Center to Dynamics 365 (Insider Preview)', position: 6, children: ['helper', 'referral-updates'] },
  { role: 'crm-to-pc', name: 'Dynamics 365 to Partner Center (Insider Preview)', position: 7, children: [] },
  { role: 'opportunity-to-pc', name: 'Dynamics 365 Opportunity to Partner Center (Insider Preview)', position: 8, children: [] },
  { role: 'solutions-to-pc', name: 'Dynamics 365 Microsoft Solutions to Partner Center (Insider Preview)', position: 9, children: [] },
];

const SALESFORCE: readonly FlowDef[] = [
  { role: 'webhook-registration', name: 'Partner Center Webhook Registration (Insider Preview)', position: 1, children: [] },
  { role: 'customize', name: '[Customize] Create or Get Details from Salesforce', position: 2, children: [] },
  { role: 'create-referral', name: 'Create Co-sell Referral-Salesforce to Partner Center (Insider Preview)', position: 3, children: [] },
  {
    role: 'referral-updates',
    name: 'Partner Center Microsoft Co-sell Referral Updates to Salesforce (Insider Preview)',
    position: 4,
    children: [],
  },
  { role: 'pc-to-crm', name: 'Partner Center to Salesforce (Insider Preview)', position: 5, children: ['referral-updates'] },
  { role: 'crm-to-pc', name: 'Salesforce to Partner Center (Insider Preview)', position: 6, children: [] },
  { role: 'opportunity-to-pc', name: 'Salesforce Opportunity to Partner Center (Insider Preview)', position: 7, children: [] },
  { role: 'solutions-to-pc', name: 'Salesforce Microsoft Solutions to Partner Center (Insider Preview)', position: 8, children: [] },
];

export const SOLUTION_FLOWS: Record<SolutionId, readonly FlowDef[]> = { dynamics: DYNAMICS, salesforce: SALESFORCE };

/** Installed solution names, as Power Automate → Solutions lists them. */
export const SOLUTION_NAMES: Record<SolutionId, string> = {
  dynamics: 'Partner Center Referrals Synchronization for Dynamics 365',
  salesforce: 'Partner Center Referrals Synchronization for Salesforce',
};

/**
 * Comparison key for a flow name, per domain §7: case, dashes (hyphen, en and em dash) and spaces
 * do not count; "(Insider Preview)" and a trailing "flow" are dropped; "[Customize]" = "(Customize)";
 * "Salesforce CRM" = "Salesforce"; "Dynamics365" = "Dynamics 365".
 */
export function flowKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200B-\u200F\u2060\uFEFF]/g, '')
    .replace(/\(\s*insider\s+preview\s*\)/g, ' ')
    .replace(/[[(]\s*customi[sz]e\s*[\])]/g, ' customize ')
    .replace(/salesforce\s+crm/g, 'salesforce')
    .replace(/\s+flow\s*$/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const KEYS = new Map<string, { solution: SolutionId; flow: FlowDef }[]>();
for (const solution of ['dynamics', 'salesforce'] as const) {
  for (const flow of SOLUTION_FLOWS[solution]) {
    const key = flowKey(flow.name);
    KEYS.set(key, [...(KEYS.get(key) ?? []), { solution, flow }]);
  }
}

/** Which documented flow(s) a displayed name is: one entry, or two for the shared Webhook Registration flow. */
export function matchFlow(name: string): { solution: SolutionId; flow: FlowDef }[] {
  return KEYS.get(flowKey(name)) ?? [];
}

/** The solution a set of flow names belongs to: the one with more recognised flows; null if none or a tie. */
export function detectSolution(names: readonly string[]): SolutionId | null {
  let d = 0;
  let s = 0;
  for (const n of names) {
    const m = matchFlow(n);
    if (m.length !== 1) continue; // the shared webhook flow tells nothing
    if (m[0]!.solution === 'dynamics') d++;
    else s++;
  }
  return d === s ? null : d > s ? 'dynamics' : 'salesforce';
}

export function flowByRole(solution: SolutionId, role: FlowRole): FlowDef {
  return SOLUTION_FLOWS[solution].find((f) => f.role === role)!;
}

/** The one flow users may edit (its edits survive upgrades). */
export const isCustomizeFlow = (name: string): boolean => matchFlow(name).some((m) => m.flow.role === 'customize');
