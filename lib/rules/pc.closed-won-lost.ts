import { defineRule } from './types';

/**
 * Closed as Won or Lost: terminal, nothing syncs any more. Check it was not closed by accident. A
 * warning only when the deal has no CRM ID either (it never reached the CRM); else a normal end.
 */
export default defineRule({
  id: 'pc.closed-won-lost',
  kinds: ['referral'],
  severity: 'info',
  alsoSeverities: ['warning'],
  source: 'FAQ R8',
  messages: ['pc_closed_won_lost_won', 'pc_closed_won_lost_lost', 'pc_closed_won_lost_fix1', 'pc_closed_won_lost_fix2'],
  check(r) {
    if (r.outcome !== 'won' && r.outcome !== 'lost') return [];
    const neverSynced = r.crmId === null || (typeof r.crmId === 'string' && r.crmId.trim() === '');
    return [
      {
        severity: neverSynced ? 'warning' : 'info',
        field: 'status',
        messageKey: `pc_closed_won_lost_${r.outcome}`,
        fixSteps: ['pc_closed_won_lost_fix1', 'pc_closed_won_lost_fix2'],
      },
    ];
  },
});
