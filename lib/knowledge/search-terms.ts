/**
 * The troubleshooter's words: one spelling per word whatever the keyboard typed (apostrophes,
 * quotes, accents, full width), one word per meaning in each language (turn on / enable /
 * activate…), and Japanese runs as pairs of characters (it is written without spaces).
 */

/** Accent-, case- and width-insensitive text, apostrophes and quotes unified, negations spelled out. */
export const normalize = (s: string): string =>
  s
    .normalize('NFKC')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´ʼ′]/g, "'")
    .replace(/[“”„«»「」『』]/g, '"')
    .replace(/\bwon't\b/g, 'will not')
    .replace(/\bcan't\b/g, 'can not')
    .replace(/n't\b/g, ' not');

/** [canonical word, what a user writes for it]; matched on normalized text, before stemming. */
const SYNONYMS: readonly [string, RegExp][] = [
  ['activate', /\b(?:turn(?:s|ed|ing)? on|switch(?:es|ed|ing)? on|enabl\w*|activ\w*|demarr\w*|allum\w*|start(?:s|ed)? up)\b|有効化?|オン/g],
  ['deactivate', /\b(?:turn(?:s|ed|ing)? off|switch(?:es|ed|ing)? off|disabl\w*|desactiv\w*)\b|無効化?|オフ/g],
  ['sync', /\b(?:sync\w*|synchroni\w*)\b/g],
  ['throttle', /\b(?:throttl\w*|rate[- ]limit\w*|too many requests|limitation|429)\b|スロットリング|スロットル|要求が多すぎ/g],
  ['fail', /\b(?:fail\w*|error\w*|erreur\w*|echec\w*|echou\w*|broken|cass\w*)\b/g],
  ['duplicate', /\b(?:duplicat\w*|doublon\w*|dupliqu\w*|twice|deux fois)\b|重複|二重/g],
  ['connection', /\b(?:connection\w*|connexion\w*|connect(?:s|ed|ing)?|connecteur\w*|connector\w*)\b/g],
  ['flow', /\b(?:flows?|flux|workflows?)\b/g],
  // Users call the record by any of its names: the CRM's, Partner Center's or the FAQ's.
  ['deal', /\b(?:deals?|opportunit\w*|referrals?|references?|co-sell deals?)\b|営業案件|商談|紹介/g],
  ['lead', /\b(?:leads?|prospects?)\b/g],
  [
    'signin',
    /\b(?:sign(?:ed|ing)?[- ]in|log(?:ged|ging)?[- ]?in|se connecter|reconnect\w*|authenti\w*|identifiants?)\b|サインイン|ログイン/g,
  ],
  ['suspend', /\b(?:suspen\w*|block\w*|bloqu\w*|dlp)\b|中断|ブロック/g],
  ['missing', /\b(?:missing|manqu\w*|absent\w*|introuvable|not found|disappear\w*)\b|見つから/g],
  ['install', /\b(?:install\w*)\b|インストール/g],
];

/** Words that say nothing about the problem. */
const STOP = new Set(
  'a an the is are was were be been of to in on at for and or my our it its this that with from by i we me do does did not no will can why how what when '
    .concat(
      'le la les l d de des du un une et ou mon ma mes ne pas n s se est sont a au aux en sur pour par que qu qui il elle ils ce cette j je nous plus',
    )
    .split(' '),
);

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu;
const HIRAGANA_ONLY = /^\p{Script=Hiragana}+$/u;

/** A Latin word without its plural or common ending ("flows", "activated" → the same stem). */
const stem = (w: string): string => (w.length > 4 ? w.replace(/(?:ing|ed|es|s|e)$/, '') : w);

/** The terms of a text: canonical words for synonyms, stems for the rest, Japanese as pairs. */
export function terms(text: string): string[] {
  let s = normalize(text);
  const out: string[] = [];
  for (const [word, re] of SYNONYMS)
    s = s.replace(re, () => {
      out.push(word);
      return ' ';
    });
  for (const run of s.match(CJK) ?? []) {
    const pairs = run.length <= 2 ? [run] : Array.from({ length: run.length - 1 }, (_, i) => run.slice(i, i + 2));
    // Pairs of hiragana alone are endings and particles ("ない", "でき"): they match nearly anything.
    const meaningful = pairs.filter((p) => !HIRAGANA_ONLY.test(p));
    out.push(...(meaningful.length > 0 ? meaningful : []));
  }
  for (const w of s.replace(CJK, ' ').split(/[^\p{L}\p{N}_]+/u)) if (w && !STOP.has(w)) out.push(stem(w));
  return out;
}

/** Whether two words differ by at most one edit (one letter added, dropped, changed, or two swapped). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
