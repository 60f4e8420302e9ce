/**
 * Message keys, typed from the English catalogue: a key a rule declares or emits that the catalogue
 * lacks fails `tsc`. The other languages are checked against English by test/unit/i18n.test.ts.
 */
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/**
 * The browser's lookup, for keys made at run time (`severity_${s}`, a finding's key from storage):
 * it takes any string and answers '' for a key it lacks. Typed keys are checked where they are written.
 */
export const anyKey =
  (i18n: { getMessage(key: string): string }): ((key: string) => string) =>
  (key) =>
    i18n.getMessage(key);
