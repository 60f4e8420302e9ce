import { defineRule } from './types';
import { meantToSync } from './shared';

/** No Microsoft Partner Center solution linked on an opportunity meant to sync: "Solution ID is required". */
export default defineRule({
  id: 'crm.solution-missing',
  kinds: ['opportunity'],
  severity: 'error',
  source: 'FAQ R2, R7',
  // The connector's answer to a missing solution, in the Audit field, and the ✘ it puts in the name.
  explains: ['error.solution-id-required', 'crm.sync-failed-mark'],
  messages: ['crm_solution_missing_msg', 'crm_solution_missing_fix1', 'crm_solution_missing_fix2', 'crm_solution_missing_fix3'],
  check(o) {
    if (!meantToSync(o) || o.solutionsCount !== 0) return [];
    return [
      {
        field: 'solutions',
        messageKey: 'crm_solution_missing_msg',
        params: { list: o.app === 'salesforce' ? 'Microsoft Solutions' : 'Microsoft Partner Center Solutions' },
        fixSteps: ['crm_solution_missing_fix1', 'crm_solution_missing_fix2', 'crm_solution_missing_fix3'],
      },
    ];
  },
});
