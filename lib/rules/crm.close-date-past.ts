import { defineRule } from './types';
import { meantToSync } from './shared';

/** Close date before today (in the user's time zone) on an open opportunity. */
export default defineRule({
  id: 'crm.close-date-past',
  kinds: ['opportunity'],
  severity: 'warning',
  source: 'domain §3.5',
  messages: ['crm_close_date_past_msg', 'crm_close_date_past_fix1', 'crm_close_date_past_fix2'],
  check(o, { today }) {
    if (!meantToSync(o) || o.state !== 'open' || !o.closeDate || o.closeDate >= today) return [];
    return [
      {
        field: 'closeDate',
        messageKey: 'crm_close_date_past_msg',
        params: { date: o.closeDate },
        fixSteps: ['crm_close_date_past_fix1', 'crm_close_date_past_fix2'],
      },
    ];
  },
});
