import { defineRule } from './types';

/** Designer steps with a missing or invalid connection, listed by name. */
export default defineRule({
  id: 'flow.connection-missing',
  kinds: ['flowDesigner'],
  severity: 'error',
  source: 'FAQ C4',
  messages: [
    'flow_connection_missing_msg',
    'flow_connection_missing_msg_one',
    'flow_connection_missing_fix1',
    'flow_connection_missing_fix2',
    'flow_connection_missing_fix3',
  ],
  check(d) {
    const bad = d.steps.filter((s) => s.connectionProblem);
    if (bad.length === 0) return [];
    return [
      {
        field: `step:${bad[0]!.id}`,
        messageKey: 'flow_connection_missing_msg',
        params: { count: bad.length, steps: bad.map((s) => s.title || s.id.replace(/_/g, ' ')).join(', ') },
        fixSteps: ['flow_connection_missing_fix1', 'flow_connection_missing_fix2', 'flow_connection_missing_fix3'],
      },
    ];
  },
});
