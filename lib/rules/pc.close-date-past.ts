import { defineRule } from './types';

/** Close date before today on a deal that is still open (not closed, no terminal outcome). */
export default defineRule({
  id: 'pc.close-date-past',
  kinds: ['referral'],
  severity: 'warning',
  source: 'domain §3.5',
  messages: ['pc_close_date_past_msg', 'pc_close_date_past_fix1'],
  check(r, { today }) {
    const open = (r.status === 'new' || r.status === 'active') && !r.outcome;
    if (!open || !r.closeDate || r.closeDate >= today) return [];
    return [
      { field: 'closeDate', messageKey: 'pc_close_date_past_msg', params: { date: r.closeDate }, fixSteps: ['pc_close_date_past_fix1'] },
    ];
  },
});
