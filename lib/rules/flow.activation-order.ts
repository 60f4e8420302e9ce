import { plan } from '../knowledge/planner';
import { defineRule, type Draft } from './types';

/**
 * Solution flow list, one coherent message: the next flow to turn on (the first off in the
 * documented order) is marked on its row (info); a flow on while that one is still off gets a
 * warning on its row that points to it.
 */
export default defineRule({
  id: 'flow.activation-order',
  kinds: ['solutionFlows'],
  severity: 'warning',
  alsoSeverities: ['info'],
  source: 'FAQ C5 A/C/D; domain §2.2–2.3',
  messages: [
    'flow_activation_order_violation',
    'flow_activation_order_next',
    'flow_activation_order_fix1',
    'flow_activation_order_fix2',
    'flow_activation_order_fix_next',
  ],
  check(s) {
    if (!s.solution) return [];
    const p = plan(s.solution, s.flows, s.turningOn);
    const total = p.rows.filter((r) => r.flow).length + p.notSeen.length;
    if (!p.next) return [];
    // Every flow on too early waits for the same one: the first flow off in the order.
    const next = p.next;
    const early = p.outOfOrder.map(({ row }): Draft<'solutionFlows'> => ({
      field: `flow:${row.name}`,
      messageKey: 'flow_activation_order_violation',
      params: { flow: row.name, before: next.name, position: row.flow!.position, beforePosition: next.flow!.position, total },
      fixSteps: ['flow_activation_order_fix1', 'flow_activation_order_fix2'],
    }));
    return [
      ...early,
      {
        severity: 'info',
        field: `flow:${p.next.name}`,
        messageKey: 'flow_activation_order_next',
        params: { flow: p.next.name, position: p.next.flow!.position, total },
        fixSteps: ['flow_activation_order_fix_next', 'flow_activation_order_fix2'],
      },
    ];
  },
});
