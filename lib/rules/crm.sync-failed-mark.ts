import { defineRule } from './types';

/** The connector marks a failed sync with ✘ in the opportunity name (env var "Display check mark in the opportunity name"). */
const FAILED = /[✘✗✖❌]/u;

export default defineRule({
  id: 'crm.sync-failed-mark',
  kinds: ['opportunity'],
  severity: 'error',
  source: 'domain §3.3',
  messages: ['crm_sync_failed_mark_msg', 'crm_sync_failed_mark_fix1', 'crm_sync_failed_mark_fix2', 'crm_sync_failed_mark_fix3'],
  check(o) {
    if (!o.name || !FAILED.test(o.name)) return [];
    return [
      {
        field: 'name',
        messageKey: 'crm_sync_failed_mark_msg',
        fixSteps: ['crm_sync_failed_mark_fix1', 'crm_sync_failed_mark_fix2', 'crm_sync_failed_mark_fix3'],
      },
    ];
  },
});
