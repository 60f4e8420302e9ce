import { plan } from '../knowledge/planner';
import { defineRule, type Draft } from './types';

/**
 * Solution flow list: a flow that is on while one documented before it is off (warning, on that
 * row); otherwise the next flow to turn on (info, on its row), with its place in the order.
 */
export default defineRule({
  id: 'flow.activation-order',
  kinds: ['solutionFlows'],
  severity: 'warning',
  source: 'FAQ C5 A/C/D; domain §2.2–2.3',
  messages: ['flow_activation_order_violation', 'flow_activation_order_next', 'flow_activation_order_fix1', 'flow_activation_order_fix2', 'flow_activation_order_fix_next'],
  check(s) {
    if (!s.solution) return [];
    const p = plan(s.solution, s.flows, s.turningOn);
    const total = p.rows.filter((r) => r.flow).length + p.notSeen.length;
    if (p.outOfOrder.length > 0) {
      return p.outOfOrder.map(
        ({ row, before }): Draft => ({
          field: `flow:${row.name}`,
          messageKey: 'flow_activation_order_violation',
          params: { flow: row.name, before: before.name, position: row.flow!.position, beforePosition: before.flow!.position, total },
          fixSteps: ['flow_activation_order_fix1', 'flow_activation_order_fix2'],
        }),
      );
    }
    if (!p.next) return [];
    return [
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
