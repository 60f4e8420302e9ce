import { defineRule } from './types';

export default defineRule({
  id: 'pc.solution-missing',
  kinds: ['referral'],
  severity: 'error',
  source: 'FAQ R7; domain §3.5',
  explains: ['error.solution-id-required'],
  messages: ['pc_solution_missing_msg', 'pc_solution_missing_fix1', 'pc_solution_missing_fix2'],
  check(r) {
    if (r.solutionsCount !== 0) return [];
    return [
      { field: 'solutions', messageKey: 'pc_solution_missing_msg', fixSteps: ['pc_solution_missing_fix1', 'pc_solution_missing_fix2'] },
    ];
  },
});
