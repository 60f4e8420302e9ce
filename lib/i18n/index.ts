/**
 * Message lookup. Messages live in public/_locales/{en,ja,fr}/messages.json (the browser's own
 * i18n, so the manifest and every context share them). Placeholders are `{name}` and are filled
 * here, after lookup, so page data is only ever inserted as text.
 */
export type GetMessage = (key: string) => string;
export type Params = Readonly<Record<string, string | number>>;
export type Translator = (key: string, params?: Params) => string;

export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Missing keys come back as the key itself: visible in tests, never a blank hint. A parameter whose
 * name ends in `Key` holds another message key (set by rules, never page data) and is translated.
 */
export function createTranslator(get: GetMessage): Translator {
  const lookup = (key: string) => get(key) || key;
  // The browser's UI locale (`en_US`, `ja`, `fr`): dates in messages follow it.
  const locale = (get('@@ui_locale') || 'en').replace('_', '-');
  let dates: Intl.DateTimeFormat | null = null;
  const formatDate = (iso: string) => {
    try {
      dates ??= new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
      return dates.format(new Date(`${iso}T00:00:00Z`));
    } catch {
      return iso;
    }
  };
  let plurals: Intl.PluralRules | null = null;
  /**
   * A numeric `count` picks the language's plural form: `{key}_one` where the language has a "one"
   * category and the count falls in it (1 in English; 0 and 1 in French; never in Japanese).
   */
  const form = (key: string, count: number) => {
    let category: string;
    try {
      category = (plurals ??= new Intl.PluralRules(locale)).select(count);
    } catch {
      category = count === 1 ? 'one' : 'other';
    }
    return (category === 'one' && get(`${key}_one`)) || lookup(key);
  };
  return (key, params) => {
    if (!params) return lookup(key);
    const resolved: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(params)) {
      if (name.endsWith('Key') && typeof value === 'string') resolved[name] = lookup(value);
      else if (name === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) resolved[name] = formatDate(value);
      else resolved[name] = value;
    }
    return fill(typeof params.count === 'number' ? form(key, params.count) : lookup(key), resolved);
  };
}

/** Message key stem for a rule ID: `crm.sync-disabled` → `crm_sync_disabled`. */
export const ruleKey = (ruleId: string): string => ruleId.replace(/[.-]/g, '_');
