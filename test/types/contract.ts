/**
 * The reader → rule → hint contract, checked by `tsc` (npm run typecheck), not run: each
 * `@ts-expect-error` line must fail to compile, or tsc reports the directive as unused.
 */
import type { MessageKey } from '@/lib/i18n/keys';
import type { FieldKey } from '@/lib/model/observation';
import type { Anchors } from '@/lib/readers/types';
import { defineRule } from '@/lib/rules/types';

export const fine = defineRule({
  id: 'crm.example',
  kinds: ['opportunity'],
  severity: 'warning',
  source: 'test',
  messages: ['crm_close_date_missing_msg', 'crm_close_date_missing_fix1'],
  check: () => [{ field: 'closeDate', messageKey: 'crm_close_date_missing_msg', fixSteps: ['crm_close_date_missing_fix1'] }],
});

export const unknownField = defineRule({
  id: 'crm.example-field',
  kinds: ['opportunity'],
  severity: 'warning',
  source: 'test',
  messages: ['crm_close_date_missing_msg'],
  // @ts-expect-error an opportunity has no `closingDate`: its hint would have no anchor
  check: () => [{ field: 'closingDate', messageKey: 'crm_close_date_missing_msg', fixSteps: [] }],
});

export const otherKindsField = defineRule({
  id: 'pc.example-field',
  kinds: ['referral'],
  severity: 'warning',
  source: 'test',
  messages: ['pc_crm_id_missing_msg'],
  // @ts-expect-error `syncWithPartnerCenter` is an opportunity's field, not a referral's
  check: () => [{ field: 'syncWithPartnerCenter', messageKey: 'pc_crm_id_missing_msg', fixSteps: [] }],
});

export const unknownMessage = defineRule({
  id: 'crm.example-message',
  kinds: ['opportunity'],
  severity: 'warning',
  source: 'test',
  messages: ['crm_close_date_missing_msg'],
  // @ts-expect-error the English catalogue has no `crm_close_date_gone_msg`
  check: () => [{ field: 'closeDate', messageKey: 'crm_close_date_gone_msg', fixSteps: [] }],
});

export const unknownFix = defineRule({
  id: 'crm.example-fix',
  kinds: ['opportunity'],
  severity: 'warning',
  source: 'test',
  messages: ['crm_close_date_missing_msg'],
  // @ts-expect-error nor a fix step `crm_close_date_missing_fix9`
  check: () => [{ field: 'closeDate', messageKey: 'crm_close_date_missing_msg', fixSteps: ['crm_close_date_missing_fix9'] }],
});

export const undeclaredMessage = defineRule({
  id: 'crm.example-declared',
  kinds: ['opportunity'],
  severity: 'warning',
  source: 'test',
  // @ts-expect-error a declared message must exist too
  messages: ['crm_close_date_gone_msg'],
  check: () => [],
});

// List items by prefix: a designer step, a team member.
export const step: FieldKey<'flowDesigner'> = 'step:Send_email';
export const member: FieldKey<'referral'> = 'team:0';
// @ts-expect-error a team member is numbered
export const badMember: FieldKey<'referral'> = 'team:Aiko';

// Readers anchor by the same keys.
export const anchors: Anchors<'opportunity'> = {} as Anchors<'opportunity'>;
anchors.closeDate = undefined;
// @ts-expect-error no reader can anchor a field no observation has
anchors.closingDate = undefined;

export const key: MessageKey = 'extName';
