import { defineRule } from './types';
import { helpRequested } from './shared';

/** Help from Microsoft requested without a customer contact: Microsoft cannot engage. */
export default defineRule({
  id: 'crm.help-needs-contact',
  kinds: ['opportunity'],
  severity: 'error',
  source: 'FAQ R2',
  messages: [
    'crm_help_needs_contact_msg',
    'crm_help_needs_contact_fix1_dynamics',
    'crm_help_needs_contact_fix1_salesforce',
    'crm_help_needs_contact_fix2',
  ],
  check(o) {
    if (!helpRequested(o) || o.contactLinked !== false) return [];
    return [
      {
        field: 'contactLinked',
        messageKey: 'crm_help_needs_contact_msg',
        params: { help: o.helpRequested ?? '' },
        fixSteps: [
          o.app === 'salesforce' ? 'crm_help_needs_contact_fix1_salesforce' : 'crm_help_needs_contact_fix1_dynamics',
          'crm_help_needs_contact_fix2',
        ],
      },
    ];
  },
});
