import { defineRule } from './types';
import { hasText } from './shared';

export default defineRule({
  id: 'crm.products-obsolete',
  kinds: ['opportunity'],
  severity: 'warning',
  source: 'domain §3.1',
  messages: ['crm_products_obsolete_msg', 'crm_products_obsolete_fix1', 'crm_products_obsolete_fix2'],
  check(o) {
    if (!hasText(o.productsObsolete)) return [];
    return [
      {
        field: 'productsObsolete',
        messageKey: 'crm_products_obsolete_msg',
        fixSteps: ['crm_products_obsolete_fix1', 'crm_products_obsolete_fix2'],
      },
    ];
  },
});
