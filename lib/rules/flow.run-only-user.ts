import { defineRule } from './types';

/** "Run only users": each connection must be "Use this connection", not "Provided by run-only user". */
export default defineRule({
  id: 'flow.run-only-user',
  kinds: ['runOnlyUsers'],
  severity: 'error',
  source: 'FAQ C5 B',
  messages: ['flow_run_only_user_msg', 'flow_run_only_user_fix1', 'flow_run_only_user_fix2'],
  check(r) {
    return r.connections
      .filter((c) => c.mode === 'run-only-user')
      .map((c) => ({
        field: `connection:${c.connector}`,
        messageKey: 'flow_run_only_user_msg',
        params: { connector: c.connector },
        fixSteps: ['flow_run_only_user_fix1', 'flow_run_only_user_fix2'],
      }));
  },
});
