import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { Finding } from '@/lib/model/finding';
import { RULES } from '@/lib/rules';
import { evaluate } from '@/lib/rules/engine';
import type { RuleCases } from './types';
import { messages } from '../helpers';

const EN = messages('en');

// Every `<family>.cases.ts` here, found by the bundler: a new rule's cases need no edit in this file.
const families = import.meta.glob<Record<string, RuleCases>>('./*.cases.ts', { eager: true });
export const ALL_CASES: RuleCases = Object.assign({}, ...Object.values(families).flatMap((m) => Object.values(m)));

describe.each(Object.entries(ALL_CASES))('%s', (id, cases) => {
  const rule = RULES.find((r) => r.id === id);
  it('is registered', () => expect(rule).toBeDefined());

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const settings = { ...DEFAULT_SETTINGS, ...c.settings };
    const findings = evaluate([c.observation], { settings, today: c.today ?? '2025-01-15' }, [rule!]);
    for (const f of findings) {
      expect(Finding.safeParse(f).success).toBe(true);
      expect(rule!.messages).toContain(f.messageKey);
      for (const step of f.fixSteps) expect(rule!.messages).toContain(step);
      for (const [name, value] of Object.entries(f.params))
        if (name.endsWith('Key')) expect(EN[value as string], `${name}=${value}`).toBeDefined();
      expect(f.source).toBe(rule!.source);
    }
    if (c.expect === 'silent') expect(findings).toEqual([]);
    else expect(findings).toMatchObject(c.expect);
  });

  it('can be switched off', () => {
    const firing = cases.find((c) => c.expect !== 'silent')!;
    const settings = { ...DEFAULT_SETTINGS, ...firing.settings, disabledRules: [id] };
    expect(evaluate([firing.observation], { settings, today: firing.today ?? '2025-01-15' }, RULES).filter((f) => f.rule === id)).toEqual(
      [],
    );
  });
});
