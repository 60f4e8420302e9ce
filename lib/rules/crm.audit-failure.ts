import { ERROR_CATALOGUE, matchError } from '../knowledge/errors';
import { defineRule } from './types';
import { hasText, quote } from './shared';

/** Words that mark a failed sync in the Audit trail, in en/ja/fr. Success entries carry none of them. */
const FAILURE =
  /\b(?:fail(?:ed|ure|s)?|errors?|exception|denied|invalid|required|missing|forbidden|unauthori[sz]ed|expired|could\s*n[o']?t|not\s+found)\b|失敗|エラー|拒否|無効|必要です|見つかりません|échec|échoué|erreur|refusé|invalide|requis|manquant|introuvable|expiré/i;

/** The Audit field holds a failure: quote it, and add the fix of the known error it matches. */
export default defineRule({
  id: 'crm.audit-failure',
  kinds: ['opportunity'],
  severity: 'error',
  source: 'FAQ R2; domain §3.1',
  // The ✘ in the name marks the failure the Audit field tells.
  explains: ['crm.sync-failed-mark'],
  messages: [
    'crm_audit_failure_msg',
    'crm_audit_failure_known',
    'crm_audit_failure_fix1',
    'crm_audit_failure_fix2',
    'crm_audit_failure_fix3',
    // A known error's own message and steps, shown with the quote.
    ...ERROR_CATALOGUE.flatMap((e) => [e.message, ...e.fixes]),
  ],
  check(o) {
    if (!hasText(o.audit)) return [];
    const known = matchError(o.audit);
    const line = o.audit.split(/\r?\n/).find((l) => FAILURE.test(l) || (known && known.text.some((re) => re.test(l))));
    if (!known && !line) return [];
    const text = quote(line ?? o.audit);
    if (known) {
      return [
        {
          field: 'audit',
          messageKey: 'crm_audit_failure_known',
          params: { text, knownKey: known.message },
          fixSteps: [...known.fixes],
          matched: known.id,
        },
      ];
    }
    return [
      {
        field: 'audit',
        messageKey: 'crm_audit_failure_msg',
        params: { text },
        fixSteps: ['crm_audit_failure_fix1', 'crm_audit_failure_fix2', 'crm_audit_failure_fix3'],
      },
    ];
  },
});
