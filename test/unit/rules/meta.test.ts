/**
 * Conventions that keep the rule set honest: the registry is the catalogue (docs/rules.md is made from it),
 * each rule lives in a file named by its ID, has a source, firing and silent cases, and messages in
 * en, ja and fr; rules and knowledge stay pure.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '@/lib/rules';
import { LOCALES, ROOT, messages } from '../helpers';
import { ALL_CASES } from './rules.test';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { evaluate } from '@/lib/rules/engine';
import { ERROR_CATALOGUE } from '@/lib/knowledge/errors';

const RULE_FILE = /^(crm|pc|flow|error)\.[a-z0-9-]+\.ts$/;

describe('rule registry', () => {
  it('is the catalogue: each ID once, of a known family', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !RULE_FILE.test(`${id}.ts`))).toEqual([]);
  });

  it('has one file per rule, named by its ID, each registered', () => {
    const files = readdirSync(join(ROOT, 'lib/rules')).filter((f) => RULE_FILE.test(f));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s has a source, messages and kinds', (_id, rule) => {
    expect(rule.source.trim()).not.toBe('');
    expect(rule.messages.length).toBeGreaterThan(0);
    expect(rule.kinds.length).toBeGreaterThan(0);
  });

  it.each(RULES.map((r) => [r.id] as const))('%s has at least one firing and one silent case', (id) => {
    const cases = ALL_CASES[id] ?? [];
    expect(cases.filter((c) => c.expect !== 'silent').length, 'firing cases').toBeGreaterThan(0);
    expect(cases.filter((c) => c.expect === 'silent').length, 'silent cases').toBeGreaterThan(0);
  });

  it.each(LOCALES)('every message and fix step of every rule exists in %s', (locale) => {
    const m = messages(locale);
    const missing = RULES.flatMap((r) => r.messages.filter((k) => !m[k]?.message.trim()).map((k) => `${r.id}: ${k}`));
    expect(missing).toEqual([]);
  });

  it('has no rule message left over in the locales', () => {
    const used = new Set<string>(RULES.flatMap((r) => r.messages));
    // A one-line summary (`<key>_short`, and its plural form) belongs to its message.
    const orphans = Object.keys(messages('en')).filter(
      (k) => /^(crm|pc|flow|error)_/.test(k) && !used.has(k.replace(/_short(?:_one)?$/, '')),
    );
    expect(orphans).toEqual([]);
  });
});

describe('purity', () => {
  const files = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
    );

  it.each(['lib/rules', 'lib/knowledge', 'lib/model'])('%s imports nothing from the browser, the DOM or entrypoints', (dir) => {
    for (const file of files(dir)) {
      const src = readFileSync(join(ROOT, file), 'utf8');
      expect(src, file).not.toMatch(/from ['"](?:wxt|webextension-polyfill|@wxt-dev|[^'"]*entrypoints)/);
      expect(src, file).not.toMatch(/\b(?:document|window|chrome|browser)\.\w/);
    }
  });

  it('lib/ as a whole never imports browser APIs or entrypoints', () => {
    for (const file of files('lib'))
      expect(readFileSync(join(ROOT, file), 'utf8'), file).not.toMatch(
        /from ['"](?:wxt\/browser|webextension-polyfill|@wxt-dev\/browser|[^'"]*entrypoints)/,
      );
  });
});

describe('one-line summaries', () => {
  // Every message a rule emits in its cases, and every known error's (the Audit hint quotes them).
  const emitted = new Set<string>();
  for (const [id, cases] of Object.entries(ALL_CASES)) {
    const rule = RULES.find((r) => r.id === id)!;
    for (const c of cases) {
      if (c.expect === 'silent') continue;
      for (const f of evaluate([c.observation], { settings: { ...DEFAULT_SETTINGS, ...c.settings }, today: c.today ?? '2025-01-15' }, [
        rule,
      ]))
        emitted.add(f.messageKey);
    }
  }
  for (const e of ERROR_CATALOGUE) emitted.add(e.message);

  it.each(LOCALES)('%s: every message a hint shows has a one-line summary (`<key>_short`), ≤ 90 characters in English', (locale) => {
    const m = messages(locale);
    for (const key of emitted) {
      const short = m[`${key}_short`]?.message;
      expect(short, `${key}_short`).toBeDefined();
      if (locale === 'en') expect([...short!].length, key).toBeLessThanOrEqual(90);
      // Similar in ja and fr: no longer than the sentence it summarises, and one line.
      expect(short!.length, key).toBeLessThanOrEqual(Math.max(90, m[key]!.message.length));
      expect(short, key).not.toMatch(/\n/);
    }
    expect(emitted.size).toBeGreaterThan(50);
  });
});
