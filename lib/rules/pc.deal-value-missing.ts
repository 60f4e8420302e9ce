import { defineRule } from './types';

export default defineRule({
  id: 'pc.deal-value-missing',
  kinds: ['referral'],
  severity: 'error',
  source: 'domain §3.5',
  messages: ['pc_deal_value_missing_msg', 'pc_deal_value_missing_fix1'],
  check(r) {
    if (r.dealValue !== null && r.dealValue !== 0) return [];
    return [{ field: 'dealValue', messageKey: 'pc_deal_value_missing_msg', fixSteps: ['pc_deal_value_missing_fix1'] }];
  },
});
