import { UNRECOGNIZED_ID, matchError } from '../knowledge/errors';
import type { MessageKey } from '../i18n/keys';
import { defineRule, type Draft } from './types';
import { quote } from './shared';
import { errorTexts } from './error-rule';

/** A failed action whose error matches nothing in the catalogue: how to read it and where to look. */
const fixSteps: MessageKey[] = ['error_unrecognized_fix1', 'error_unrecognized_fix2', 'error_unrecognized_fix3'];

export default defineRule({
  id: UNRECOGNIZED_ID,
  kinds: ['flowRun', 'errorMessages'],
  // A step failed: that needs looking at, whatever the cause.
  severity: 'warning',
  source: 'FAQ R1',
  messages: ['error_unrecognized_msg', ...fixSteps],
  check(o) {
    return errorTexts(o)
      .filter((e) => e.action && !matchError(e.text, e.code))
      .flatMap((e): Draft<'flowRun' | 'errorMessages'>[] =>
        e.field === 'audit' ? [] : [{ field: e.field, messageKey: 'error_unrecognized_msg', params: { text: quote(e.text) }, fixSteps }],
      );
  },
});
