/**
 * The anchors the readers rely on, taken from their source: selectors, attributes, element ids,
 * custom element names, localized words and the named patterns. docs/real-apps.md must give each one a row.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const stripComments = (src: string) =>
  src
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\s\/\/ .*$/gm, '');

/** String literals of a module ('…', "…", `…` with `${…}` turned into `{…}`). */
export function literals(src: string): string[] {
  const out: string[] = [];
  const re = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
  for (const m of stripComments(src).matchAll(re)) {
    const s = m[1] ?? m[2] ?? m[3] ?? '';
    out.push(s.replace(/\$\{[^}]*\}/g, '{…}').replace(/\\'/g, "'"));
  }
  return out;
}

/** CSS tokens in a selector literal: attribute tests, classes, ids and custom element names. */
export function selectorTokens(literal: string): string[] {
  const tokens: string[] = [];
  for (const m of literal.matchAll(/\[[a-z][\w-]*(?:[~^$*|]?="[^"]*")?\]/gi)) tokens.push(m[0]);
  const rest = literal.replace(/\[[^\]]*\]|"[^"]*"/g, ' ');
  // Custom elements: Salesforce Lightning's (the only app whose anchors are element names).
  for (const m of rest.matchAll(/(?:^|[\s,>(])((?:records|lightning|one|force)-[a-z0-9-]+)(?=$|[\s,.[:#>)])/g)) tokens.push(m[1]!);
  for (const m of rest.matchAll(/(?:^|[^\w-])([.#][a-z_][\w-]*)/gi)) tokens.push(m[1]!);
  return tokens;
}

const looksLikeSelector = (s: string) =>
  /^[\s\S]*(?:\[[a-z][\w-]*(?:[~^$*|]?=|\])|^[.#][a-z]|(?:^|[\s,>])[a-z]+-[a-z0-9-]+(?:$|[\s,[.:>]))/i.test(s) && !/\s{2,}|[.!?]$/.test(s);

export interface Anchors {
  selectors: Set<string>;
  attributes: Set<string>;
  words: Set<string>;
  patterns: Set<string>;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

export function readerAnchors(root = 'lib/readers'): Anchors {
  const a: Anchors = { selectors: new Set(), attributes: new Set(), words: new Set(), patterns: new Set() };
  for (const file of files(root)) {
    // Type declarations name our own keys, not the page's.
    const src = readFileSync(file, 'utf8')
      .replace(/^(?:export\s+)?type\s[^;]*;/gm, '')
      .replace(/^import[^;]*;/gm, '');
    const code = stripComments(src);
    const vocabulary = /labels\.ts$/.test(file);
    for (const m of code.matchAll(/\b(?:getAttribute|hasAttribute|getElementById|getElementsByClassName)\(\s*'([^']+)'/g))
      a.attributes.add(m[1]!);
    for (const m of code.matchAll(/\bconst\s+([A-Z][A-Z0-9_]*)\s*=\s*\/(?![*/])/g)) a.patterns.add(m[1]!);
    for (const m of code.matchAll(/\bexport\s+const\s+([A-Z][A-Z0-9_]*)\s*=/g)) if (vocabulary) a.patterns.add(m[1]!);
    for (const lit of literals(src)) {
      if (vocabulary) {
        if (lit.trim()) a.words.add(lit);
      } else if (looksLikeSelector(lit)) for (const t of selectorTokens(lit)) a.selectors.add(t);
    }
  }
  return a;
}
