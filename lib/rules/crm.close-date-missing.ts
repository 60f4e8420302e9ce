import { defineRule } from './types';
import { meantToSync } from './shared';

export default defineRule({
  id: 'crm.close-date-missing',
  kinds: ['opportunity'],
  severity: 'error',
  source: 'FAQ R3',
  messages: ['crm_close_date_missing_msg', 'crm_close_date_missing_fix1'],
  check(o) {
    if (!meantToSync(o) || o.closeDate !== null) return [];
    return [{ field: 'closeDate', messageKey: 'crm_close_date_missing_msg', fixSteps: ['crm_close_date_missing_fix1'] }];
  },
});
