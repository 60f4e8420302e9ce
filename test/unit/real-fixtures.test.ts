/**
 * The fixtures derived from the real apps' sources (test/fixtures/pages/real, written by
 * scripts/derive-fixtures.mjs): each reads as expected and fires exactly the expected rules.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Observation } from '@/lib/model/observation';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { readDynamics } from '@/lib/readers/dynamics';
import { readSalesforce } from '@/lib/readers/salesforce';
import { readPowerAutomate } from '@/lib/readers/power-automate';
import type { Reader } from '@/lib/readers/types';
import { evaluate, localToday } from '@/lib/rules/engine';
import { RULES } from '@/lib/rules';
import { FIXTURES, LOCALES, ROOT, listFixtures, loadFixture } from './helpers';

const REAL_READERS: Record<string, Reader> = {
  dynamics: readDynamics,
  salesforce: readSalesforce,
  'power-automate': readPowerAutomate,
};
const TODAY = localToday();

describe.each(Object.keys(REAL_READERS))('%s reader on the derived pages', (app) => {
  const read = REAL_READERS[app]!;
  const dir = `real/${app}`;
  const cases = listFixtures(dir);

  it('has each case in en, ja and fr', () => {
    const bases = new Set(cases.map((c) => c.replace(/-(en|ja|fr)$/, '')));
    expect(bases.size).toBeGreaterThan(0);
    for (const b of bases) for (const l of LOCALES) expect(cases).toContain(`${b}-${l}`);
  });

  it.each(cases)('%s: observation equals the expected JSON, and the rules fire as expected', (name) => {
    const { doc, url, meta } = loadFixture(dir, name);
    const reading = read(doc, url, DEFAULT_SETTINGS);
    expect(reading?.observations).toEqual(meta.observations);
    for (const o of reading!.observations) expect(Observation.safeParse(o).success).toBe(true);
    const ids = [...new Set(evaluate(reading!.observations, { settings: DEFAULT_SETTINGS, today: TODAY }, RULES).map((f) => f.rule))];
    expect(ids.sort()).toEqual([...meta.rules].sort());
  });
});

describe('the derived pages', () => {
  it('are what scripts/derive-fixtures.mjs writes (npm run fixtures after a change)', () => {
    const out = mkdtempSync(join(tmpdir(), 'cosell-derived-'));
    try {
      execFileSync(process.execPath, [join(ROOT, 'scripts/derive-fixtures.mjs')], {
        env: { ...process.env, DERIVE_OUT: out },
        stdio: 'ignore',
      });
      for (const app of readdirSync(out)) {
        const files = readdirSync(join(out, app)).sort();
        expect(readdirSync(join(FIXTURES, 'real', app)).sort()).toEqual(files);
        for (const f of files)
          expect(readFileSync(join(FIXTURES, 'real', app, f), 'utf8'), f).toBe(readFileSync(join(out, app, f), 'utf8'));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
