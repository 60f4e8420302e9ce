import { defineRule } from './types';

/** Sync is on but no Referral Identifier yet: allow ~10 minutes, then look at Audit. */
export default defineRule({
  id: 'crm.not-yet-synced',
  kinds: ['opportunity'],
  severity: 'info',
  source: 'domain §5 E8',
  messages: ['crm_not_yet_synced_msg', 'crm_not_yet_synced_fix1', 'crm_not_yet_synced_fix2'],
  check(o) {
    if (o.syncWithPartnerCenter !== true || !(o.referralId === null || o.referralId?.trim() === '')) return [];
    return [
      { field: 'referralId', messageKey: 'crm_not_yet_synced_msg', fixSteps: ['crm_not_yet_synced_fix1', 'crm_not_yet_synced_fix2'] },
    ];
  },
});
