/**
 * The fixtures derived from the real apps' sources (test/fixtures/pages/real, written by
 * scripts/derive-fixtures.mjs): each reads as expected and fires exactly the expected rules.
 */
import { describe, expect, it } from 'vitest';
import { Observation } from '@/lib/model/observation';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { readDynamics } from '@/lib/readers/dynamics';
import { readSalesforce } from '@/lib/readers/salesforce';
import { readPowerAutomate } from '@/lib/readers/power-automate';
import type { Reader } from '@/lib/readers/types';
import { evaluate, localToday } from '@/lib/rules/engine';
import { RULES } from '@/lib/rules';
import { LOCALES, listFixtures, loadFixture } from './helpers';

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
