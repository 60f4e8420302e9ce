import { defineRule } from './types';

/** Referral Visibility can still be changed: once visible to Microsoft sellers it cannot be undone. */
export default defineRule({
  id: 'crm.visibility-irreversible',
  kinds: ['opportunity'],
  severity: 'info',
  source: 'domain §3.1',
  messages: ['crm_visibility_irreversible_msg', 'crm_visibility_irreversible_fix1'],
  check(o) {
    if (o.referralVisibilityEditable !== true) return [];
    return [{ field: 'referralVisibility', messageKey: 'crm_visibility_irreversible_msg', fixSteps: ['crm_visibility_irreversible_fix1'] }];
  },
});
