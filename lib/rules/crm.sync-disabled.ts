import { defineRule } from './types';
import { isBlank } from './shared';

/**
 * Sync with Partner Center is off. Info on a plain opportunity ("not shared"); a warning when
 * something shows the user meant to co-sell it (help requested, a solution linked, a referral ID).
 */
export default defineRule({
  id: 'crm.sync-disabled',
  kinds: ['opportunity'],
  severity: 'warning',
  alsoSeverities: ['info'],
  source: 'FAQ R3; domain §3.1',
  messages: ['crm_sync_disabled_info', 'crm_sync_disabled_intent', 'crm_sync_disabled_fix1', 'crm_sync_disabled_fix2'],
  check(o) {
    if (o.syncWithPartnerCenter !== false) return [];
    const intent =
      (o.helpRequested !== undefined && !isBlank(o.helpRequested)) ||
      (o.solutionsCount ?? 0) > 0 ||
      (o.referralId !== undefined && !isBlank(o.referralId));
    return [
      {
        severity: intent ? 'warning' : 'info',
        field: 'syncWithPartnerCenter',
        messageKey: intent ? 'crm_sync_disabled_intent' : 'crm_sync_disabled_info',
        // Most opportunities are not for co-sell: without a sign of intent this is the normal state,
        // said in the popup only.
        ...(intent ? {} : { display: 'popup' as const }),
        fixSteps: ['crm_sync_disabled_fix1', 'crm_sync_disabled_fix2'],
      },
    ];
  },
});
