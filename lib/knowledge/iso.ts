/**
 * ISO helpers built on the platform (`Intl`), not on hand-written tables:
 * - ISO 3166-1 alpha-2 country codes: the regions ICU can name, minus the codes ICU knows that are
 *   not assigned ISO 3166-1 codes (deprecated, exceptionally reserved, user-assigned, multi-country);
 * - ISO 4217 currency codes: `Intl.supportedValuesOf('currency')`;
 * - country name → code in English, Japanese and French (the hint proposes the code).
 */

/** Region codes ICU names that are not ISO 3166-1 alpha-2 country codes. */
const NOT_ISO_3166 = new Set([
  'AC',
  'AN',
  'BU',
  'CP',
  'CQ',
  'CS',
  'DD',
  'DG',
  'DY',
  'EA',
  'EU',
  'EZ',
  'FX',
  'HV',
  'IC',
  'NH',
  'QO',
  'RH',
  'SU',
  'TA',
  'TP',
  'UK',
  'UN',
  'VD',
  'XA',
  'XB',
  'XK',
  'YD',
  'YU',
  'ZR',
  'ZZ',
]);

const NAME_LOCALES = ['en', 'ja', 'fr'] as const;

let countries: Set<string> | null = null;
let names: Map<string, string> | null = null;
let currencies: Set<string> | null = null;

/** Every ISO 3166-1 alpha-2 code (249), computed once. */
export function countryCodes(): Set<string> {
  if (countries) return countries;
  const dn = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
  const out = new Set<string>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (!NOT_ISO_3166.has(code) && dn.of(code)) out.add(code);
    }
  }
  return (countries = out);
}

export const isCountryCode = (value: string): boolean => /^[A-Z]{2}$/.test(value) && countryCodes().has(value);

/** Lower case, no accents, no punctuation or spaces: "États-Unis" → "etatsunis". */
export function nameKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Everyday names the platform does not list. */
const ALIASES: Record<string, string> = {
  usa: 'US',
  us: 'US',
  unitedstatesofamerica: 'US',
  america: 'US',
  アメリカ: 'US',
  アメリカ合衆国: 'US',
  米国: 'US',
  etatsunisdamerique: 'US',
  uk: 'GB',
  greatbritain: 'GB',
  england: 'GB',
  イギリス: 'GB',
  英国: 'GB',
  grandebretagne: 'GB',
  angleterre: 'GB',
  southkorea: 'KR',
  korea: 'KR',
  韓国: 'KR',
  coreedusud: 'KR',
  russia: 'RU',
  holland: 'NL',
  日本国: 'JP',
  chine: 'CN',
  中華人民共和国: 'CN',
  jpn: 'JP',
  deu: 'DE',
  fra: 'FR',
  gbr: 'GB',
  can: 'CA',
  aus: 'AU',
  ind: 'IN',
  chn: 'CN',
  bra: 'BR',
  mex: 'MX',
  esp: 'ES',
  ita: 'IT',
  nld: 'NL',
  che: 'CH',
  kor: 'KR',
  sgp: 'SG',
};

/** The ISO code for a country name (or a code in the wrong case) in en/ja/fr, or null. */
export function countryCodeFor(value: string): string | null {
  const raw = value.trim();
  if (/^[a-z]{2}$/i.test(raw) && isCountryCode(raw.toUpperCase())) return raw.toUpperCase();
  if (!names) {
    names = new Map();
    for (const locale of NAME_LOCALES) {
      const dn = new Intl.DisplayNames(locale, { type: 'region', fallback: 'none' });
      for (const code of countryCodes()) {
        const n = dn.of(code);
        if (n) names.set(nameKey(n), code);
      }
    }
  }
  const key = nameKey(raw);
  return names.get(key) ?? ALIASES[key] ?? null;
}

export function currencyCodes(): Set<string> {
  return (currencies ??= new Set(Intl.supportedValuesOf('currency')));
}

export const isCurrencyCode = (value: string): boolean => /^[A-Z]{3}$/.test(value) && currencyCodes().has(value);
