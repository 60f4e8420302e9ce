import { countryCodeFor, isCountryCode } from '../knowledge/iso';
import { fieldName } from '../knowledge/fields';
import type { MessageKey } from '../i18n/keys';
import { defineRule } from './types';
import { quote } from './shared';

/**
 * The account country must be an ISO 3166-1 alpha-2 code ("JP"). A country name in en/ja/fr
 * ("Japan", "日本", "Allemagne") or a code in the wrong case gets the code proposed.
 */
export default defineRule({
  id: 'crm.country-code-invalid',
  kinds: ['account'],
  severity: 'error',
  source: 'FAQ R2, R6',
  messages: [
    'crm_country_code_invalid_missing',
    'crm_country_code_invalid_name',
    'crm_country_code_invalid_other',
    'crm_country_code_invalid_fix1',
    'crm_country_code_invalid_fix1_code',
    'crm_country_code_invalid_fix2',
  ],
  check(a, { settings }) {
    if (a.country === undefined) return [];
    const field = fieldName(settings, a.app, 'country');
    const value = a.country?.trim() ?? '';
    if (value !== '' && isCountryCode(value)) return [];
    const fixes = (code: string | null): MessageKey[] => [
      code ? 'crm_country_code_invalid_fix1_code' : 'crm_country_code_invalid_fix1',
      'crm_country_code_invalid_fix2',
    ];
    if (value === '')
      return [{ field: 'country', messageKey: 'crm_country_code_invalid_missing', params: { field }, fixSteps: fixes(null) }];
    const code = countryCodeFor(value);
    return [
      {
        field: 'country',
        messageKey: code ? 'crm_country_code_invalid_name' : 'crm_country_code_invalid_other',
        params: { field, value: quote(value, 60), code: code ?? '' },
        fixSteps: fixes(code),
      },
    ];
  },
});
