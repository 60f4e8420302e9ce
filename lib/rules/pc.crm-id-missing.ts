import { defineRule } from './types';

/** No CRM ID on the deal: the Partner-Center-to-CRM sync has not completed for it. */
export default defineRule({
  id: 'pc.crm-id-missing',
  kinds: ['referral'],
  severity: 'warning',
  source: 'FAQ R8',
  messages: ['pc_crm_id_missing_msg', 'pc_crm_id_missing_fix1', 'pc_crm_id_missing_fix2', 'pc_crm_id_missing_fix3'],
  check(r) {
    if (r.crmId !== null) return [];
    if (r.outcome === 'declined' || r.outcome === 'expired' || r.outcome === 'error') return [];
    return [
      {
        field: 'crmId',
        messageKey: 'pc_crm_id_missing_msg',
        fixSteps: ['pc_crm_id_missing_fix1', 'pc_crm_id_missing_fix2', 'pc_crm_id_missing_fix3'],
      },
    ];
  },
});
