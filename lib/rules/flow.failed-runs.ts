import { defineRule } from './types';

/** Run history shows failed runs: fix the cause, then resubmit them. */
export default defineRule({
  id: 'flow.failed-runs',
  kinds: ['runHistory'],
  severity: 'warning',
  source: 'FAQ R1, R4',
  messages: ['flow_failed_runs_msg', 'flow_failed_runs_fix1', 'flow_failed_runs_fix2', 'flow_failed_runs_fix3'],
  check(h) {
    const failed = h.runs.filter((r) => r.status === 'failed').length;
    if (failed === 0) return [];
    return [
      {
        field: 'runs',
        messageKey: 'flow_failed_runs_msg',
        params: { count: failed, total: h.runs.length },
        fixSteps: ['flow_failed_runs_fix1', 'flow_failed_runs_fix2', 'flow_failed_runs_fix3'],
      },
    ];
  },
});
