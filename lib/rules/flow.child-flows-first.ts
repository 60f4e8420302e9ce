import { plan } from '../knowledge/planner';
import { defineRule } from './types';

/** "Partner Center to Dynamics 365/Salesforce" on (or being turned on) while a child flow is off: "requiring updates". */
export default defineRule({
  id: 'flow.child-flows-first',
  kinds: ['solutionFlows'],
  severity: 'error',
  source: 'FAQ C3',
  messages: ['flow_child_flows_first_msg', 'flow_child_flows_first_fix1', 'flow_child_flows_first_fix2'],
  check(s) {
    if (!s.solution) return [];
    return plan(s.solution, s.flows, s.turningOn).childrenOff.map(({ row, child }) => ({
      field: `flow:${row.name}`,
      messageKey: 'flow_child_flows_first_msg',
      params: { flow: row.name, child: child.name },
      fixSteps: ['flow_child_flows_first_fix1', 'flow_child_flows_first_fix2'],
    }));
  },
});
