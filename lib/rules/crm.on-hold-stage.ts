import { defineRule } from './types';

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * Salesforce opportunity in the configured On-hold stage: edits do not sync until it moves to the
 * Active stage, which accepts the referral. Silent until the stage names are configured.
 */
export default defineRule({
  id: 'crm.on-hold-stage',
  kinds: ['opportunity'],
  severity: 'warning',
  source: 'domain §3.3, E22',
  messages: ['crm_on_hold_stage_msg', 'crm_on_hold_stage_fix1_named', 'crm_on_hold_stage_fix1', 'crm_on_hold_stage_fix2'],
  check(o, { settings }) {
    const onHold = settings.salesforceStages.onHold;
    if (o.app !== 'salesforce' || !onHold || !o.stage || !same(o.stage, onHold)) return [];
    const active = settings.salesforceStages.active;
    return [
      {
        field: 'stage',
        messageKey: 'crm_on_hold_stage_msg',
        params: { stage: o.stage, active: active ?? '' },
        fixSteps: [active ? 'crm_on_hold_stage_fix1_named' : 'crm_on_hold_stage_fix1', 'crm_on_hold_stage_fix2'],
      },
    ];
  },
});
