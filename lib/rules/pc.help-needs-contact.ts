import { defineRule } from './types';

export default defineRule({
  id: 'pc.help-needs-contact',
  kinds: ['referral'],
  severity: 'error',
  source: 'FAQ R2',
  messages: ['pc_help_needs_contact_msg', 'pc_help_needs_contact_fix1', 'pc_help_needs_contact_fix2'],
  check(r) {
    if (r.helpRequested !== true || r.contactPresent !== false) return [];
    return [
      {
        field: 'contactPresent',
        messageKey: 'pc_help_needs_contact_msg',
        fixSteps: ['pc_help_needs_contact_fix1', 'pc_help_needs_contact_fix2'],
      },
    ];
  },
});
