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
    // Said beside the field only while the user is in it (about to change it); else in the popup.
    return [
      {
        field: 'referralVisibility',
        messageKey: 'crm_visibility_irreversible_msg',
        fixSteps: ['crm_visibility_irreversible_fix1'],
        display: 'editing',
      },
    ];
  },
});
