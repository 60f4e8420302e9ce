import { fieldName } from '../knowledge/fields';
import { defineRule } from './types';
import { meantToSync } from './shared';

/** Deal value empty or 0: the flows reject it (calculated fields included). */
export default defineRule({
  id: 'crm.deal-value-missing',
  kinds: ['opportunity'],
  severity: 'error',
  source: 'FAQ R3; domain §3.3',
  messages: ['crm_deal_value_missing_empty', 'crm_deal_value_missing_zero', 'crm_deal_value_missing_fix1', 'crm_deal_value_missing_fix2'],
  check(o, { settings }) {
    if (!meantToSync(o) || (o.dealValue !== null && o.dealValue !== 0)) return [];
    const field = fieldName(settings, o.app, 'dealValue');
    return [
      {
        field: 'dealValue',
        messageKey: o.dealValue === 0 ? 'crm_deal_value_missing_zero' : 'crm_deal_value_missing_empty',
        params: { field },
        fixSteps: ['crm_deal_value_missing_fix1', 'crm_deal_value_missing_fix2'],
      },
    ];
  },
});
