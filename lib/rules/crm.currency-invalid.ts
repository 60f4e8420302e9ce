import { isCurrencyCode } from '../knowledge/iso';
import { fieldName } from '../knowledge/fields';
import { defineRule } from './types';
import { meantToSync } from './shared';

/** Currency empty, or (Salesforce CurrencyIsoCode) not an ISO 4217 code. */
export default defineRule({
  id: 'crm.currency-invalid',
  kinds: ['opportunity'],
  severity: 'warning',
  source: 'FAQ P4, R3',
  messages: ['crm_currency_invalid_empty', 'crm_currency_invalid_code', 'crm_currency_invalid_fix1', 'crm_currency_invalid_fix2'],
  check(o, { settings }) {
    if (!meantToSync(o) || o.currency === undefined) return [];
    const field = fieldName(settings, o.app, 'currency');
    if (o.currency === null || o.currency.trim() === '') {
      return [
        {
          field: 'currency',
          messageKey: 'crm_currency_invalid_empty',
          params: { field },
          fixSteps: ['crm_currency_invalid_fix1', 'crm_currency_invalid_fix2'],
        },
      ];
    }
    if (o.app === 'salesforce' && !isCurrencyCode(o.currency.trim())) {
      return [
        {
          field: 'currency',
          messageKey: 'crm_currency_invalid_code',
          params: { field, value: o.currency.trim() },
          fixSteps: ['crm_currency_invalid_fix1', 'crm_currency_invalid_fix2'],
        },
      ];
    }
    return [];
  },
});
