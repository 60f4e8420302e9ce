import { defineRule, type Draft } from './types';
import { hasText, quote } from './shared';

export const WEBHOOK_EVENTS = ['referral-created', 'referral-updated', 'related-referral-created', 'related-referral-updated'] as const;

/** An HTTP-request trigger URL of a Power Automate / Logic Apps flow (classic and environment-API forms). */
export function isHttpTriggerUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return false;
  }
  return url.protocol === 'https:' && /\/workflows\/[^/]+\/triggers\/[^/]+\/(?:paths\/)?invoke/i.test(url.pathname);
}

/** Webhook Registration run: endpoint, the four events, overwrite = Yes (FAQ C5 E; domain §2.5). */
export default defineRule({
  id: 'flow.webhook-registration',
  kinds: ['webhookRegistration'],
  severity: 'error',
  source: 'FAQ C5 E; domain §2.5',
  messages: [
    'flow_webhook_registration_endpoint_empty',
    'flow_webhook_registration_endpoint_invalid',
    'flow_webhook_registration_events',
    'flow_webhook_registration_overwrite',
    'flow_webhook_registration_fix_endpoint',
    'flow_webhook_registration_fix_events',
    'flow_webhook_registration_fix_overwrite',
  ],
  check(w) {
    const out: Draft<'webhookRegistration'>[] = [];
    if (w.endpoint === null || (w.endpoint !== undefined && !hasText(w.endpoint))) {
      out.push({
        field: 'endpoint',
        messageKey: 'flow_webhook_registration_endpoint_empty',
        fixSteps: ['flow_webhook_registration_fix_endpoint'],
      });
    } else if (w.endpoint !== undefined && !isHttpTriggerUrl(w.endpoint)) {
      out.push({
        field: 'endpoint',
        messageKey: 'flow_webhook_registration_endpoint_invalid',
        params: { value: quote(w.endpoint, 80) },
        fixSteps: ['flow_webhook_registration_fix_endpoint'],
      });
    }
    if (w.events) {
      const chosen = new Set(w.events.map((e) => e.trim().toLowerCase()));
      const missing = WEBHOOK_EVENTS.filter((e) => !chosen.has(e));
      if (missing.length > 0) {
        out.push({
          field: 'events',
          messageKey: 'flow_webhook_registration_events',
          params: { missing: missing.join(', ') },
          fixSteps: ['flow_webhook_registration_fix_events'],
        });
      }
    }
    if (w.overwrite === false || w.overwrite === null) {
      out.push({
        field: 'overwrite',
        messageKey: 'flow_webhook_registration_overwrite',
        fixSteps: ['flow_webhook_registration_fix_overwrite'],
      });
    }
    return out;
  },
});
