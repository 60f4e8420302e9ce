import { acct, type RuleCases } from './types';

export const accountCases: RuleCases = {
  'crm.country-code-invalid': [
    { name: '"JP" is valid', observation: acct({ country: 'JP' }), expect: 'silent' },
    {
      name: '"jp": proposes JP',
      observation: acct({ country: 'jp' }),
      expect: [
        {
          severity: 'error',
          messageKey: 'crm_country_code_invalid_name',
          params: { value: 'jp', code: 'JP', field: 'address1_country' },
          fixSteps: ['crm_country_code_invalid_fix1_code', 'crm_country_code_invalid_fix2'],
        },
      ],
    },
    {
      name: '"Japan": proposes JP',
      observation: acct({ country: 'Japan' }),
      expect: [{ messageKey: 'crm_country_code_invalid_name', params: { code: 'JP' } }],
    },
    { name: '"日本": proposes JP', observation: acct({ country: '日本' }), expect: [{ params: { code: 'JP' } }] },
    { name: '"Allemagne": proposes DE', observation: acct({ country: 'Allemagne' }), expect: [{ params: { code: 'DE' } }] },
    {
      name: '"États-Unis" and "Etats Unis": propose US',
      observation: acct({ country: 'Etats Unis' }),
      expect: [{ params: { code: 'US' } }],
    },
    { name: '"USA": proposes US', observation: acct({ country: 'USA' }), expect: [{ params: { code: 'US' } }] },
    {
      name: '"United Kingdom": proposes GB',
      observation: acct({ app: 'salesforce', country: 'United Kingdom' }),
      expect: [{ params: { code: 'GB', field: 'BillingCountry' } }],
    },
    { name: '"UK" is not the ISO code: proposes GB', observation: acct({ country: 'UK' }), expect: [{ params: { code: 'GB' } }] },
    {
      name: 'empty',
      observation: acct({ country: null }),
      expect: [
        { messageKey: 'crm_country_code_invalid_missing', fixSteps: ['crm_country_code_invalid_fix1', 'crm_country_code_invalid_fix2'] },
      ],
    },
    { name: 'blank', observation: acct({ country: '  ' }), expect: [{ messageKey: 'crm_country_code_invalid_missing' }] },
    {
      name: 'unknown text',
      observation: acct({ country: 'Atlantis' }),
      expect: [{ messageKey: 'crm_country_code_invalid_other', params: { value: 'Atlantis', code: '' } }],
    },
    {
      name: 'configured field name',
      observation: acct({ country: 'France' }),
      settings: { fields: { country: 'new_countryiso' } },
      expect: [{ params: { field: 'new_countryiso', code: 'FR' } }],
    },
    { name: 'unknown', observation: acct({}), expect: 'silent' },
    {
      name: 'reserved code XK is not ISO 3166-1',
      observation: acct({ country: 'XK' }),
      expect: [{ messageKey: 'crm_country_code_invalid_other' }],
    },
  ],
};
