import { defineRule } from './types';

export default defineRule({
  id: 'pc.close-date-missing',
  kinds: ['referral'],
  severity: 'error',
  source: 'domain §3.5',
  messages: ['pc_close_date_missing_msg', 'pc_close_date_missing_fix1'],
  check(r) {
    if (r.closeDate !== null) return [];
    return [{ field: 'closeDate', messageKey: 'pc_close_date_missing_msg', fixSteps: ['pc_close_date_missing_fix1'] }];
  },
});
