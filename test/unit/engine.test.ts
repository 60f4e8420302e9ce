import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { evaluate, localToday } from '@/lib/rules/engine';
import { RULES } from '@/lib/rules';
import { defineRule } from '@/lib/rules/types';

describe('rule engine', () => {
  it('computes today in the user time zone', () => {
    const t = new Date('2025-01-14T20:00:00Z');
    expect(localToday(t, 'Asia/Tokyo')).toBe('2025-01-15');
    expect(localToday(t, 'America/Los_Angeles')).toBe('2025-01-14');
    expect(localToday(t, 'Europe/Paris')).toBe('2025-01-14');
  });

  it('computes today in the browser time zone without a formatter, the same day as one would', () => {
    const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    for (const iso of [
      '2025-01-14T00:30:00Z',
      '2025-01-14T12:00:00Z',
      '2025-01-14T23:30:00Z',
      '2025-12-31T23:59:59Z',
      '0999-06-01T12:00:00Z',
    ]) {
      const t = new Date(iso);
      expect(localToday(t)).toBe(localToday(t, zone));
    }
  });

  it('says a known error in the Audit field once: in the Audit hint, or in its own where that hint is switched off', () => {
    const o = { kind: 'opportunity', app: 'salesforce', audit: '2025-01-10 12:02 Error: Solution ID is required' } as const;
    const onAudit = (disabledRules: string[]) =>
      evaluate([o], { settings: { ...DEFAULT_SETTINGS, disabledRules }, today: '2025-01-15' }, RULES)
        .filter((f) => f.field === 'audit')
        .map((f) => [f.rule, f.fixSteps.join(' ')]);
    const steps = 'error_solution_id_required_fix1 error_solution_id_required_fix2 error_solution_id_required_fix3';
    expect(onAudit([])).toEqual([['crm.audit-failure', steps]]);
    expect(onAudit(['crm.audit-failure'])).toEqual([['error.solution-id-required', steps]]);
    expect(onAudit(['crm.audit-failure', 'error.solution-id-required'])).toEqual([]);
  });

  it('says findings that share a cause once, under it: a missing solution explains the Audit\'s "Solution ID is required" and the ✘ mark', () => {
    const o = {
      kind: 'opportunity',
      app: 'dynamics',
      name: 'Contoso ✘',
      syncWithPartnerCenter: true,
      solutionsCount: 0,
      audit: 'Error: Solution ID is required',
    } as const;
    const causes = (disabledRules: string[] = []) =>
      Object.fromEntries(
        evaluate([o], { settings: { ...DEFAULT_SETTINGS, disabledRules }, today: '2025-01-15' }, RULES).map((f) => [
          f.rule,
          f.cause ?? null,
        ]),
      );
    expect(causes()).toMatchObject({
      'crm.solution-missing': null,
      'crm.audit-failure': 'crm.solution-missing',
      'crm.sync-failed-mark': 'crm.solution-missing',
    });
    // The Audit's own hint stands for it when crm.audit-failure is off: still explained.
    expect(causes(['crm.audit-failure'])).toMatchObject({
      'error.solution-id-required': 'crm.solution-missing',
      'crm.sync-failed-mark': 'crm.solution-missing',
    });
    // Another Audit error is not the missing solution's: the ✘ goes under the Audit, which says why.
    const other = evaluate(
      [{ ...o, solutionsCount: 1, audit: 'Error: Access denied' }],
      { settings: DEFAULT_SETTINGS, today: '2025-01-15' },
      RULES,
    );
    expect(Object.fromEntries(other.map((f) => [f.rule, f.cause ?? null]))).toMatchObject({
      'crm.audit-failure': null,
      'crm.sync-failed-mark': 'crm.audit-failure',
    });
  });

  it('puts errors first, then warnings, then info', () => {
    const findings = evaluate(
      [
        {
          kind: 'opportunity',
          app: 'dynamics',
          syncWithPartnerCenter: true,
          referralId: null,
          closeDate: '2020-01-01',
          state: 'open',
          solutionsCount: 0,
          referralVisibilityEditable: true,
        },
      ],
      { settings: DEFAULT_SETTINGS, today: '2025-01-15' },
      RULES,
    );
    expect(findings.map((f) => f.severity)).toEqual(['error', 'warning', 'info', 'info']);
    expect(findings.map((f) => f.rule)).toEqual([
      'crm.solution-missing',
      'crm.close-date-past',
      'crm.not-yet-synced',
      'crm.visibility-irreversible',
    ]);
  });

  it('skips a rule that throws (fail open) and runs the others', () => {
    const broken = defineRule({
      id: 'x.broken',
      kinds: ['opportunity'],
      severity: 'error',
      source: 'test',
      messages: [],
      check: () => {
        throw new Error('boom');
      },
    });
    const findings = evaluate(
      [{ kind: 'opportunity', app: 'dynamics', syncWithPartnerCenter: false }],
      { settings: DEFAULT_SETTINGS, today: '2025-01-15' },
      [broken, ...RULES],
    );
    expect(findings.map((f) => f.rule)).toEqual(['crm.sync-disabled']);
  });

  it('only hands a rule the observation kinds it declares', () => {
    const seen: string[] = [];
    const spy = defineRule({
      id: 'x.spy',
      kinds: ['account'],
      severity: 'info',
      source: 'test',
      messages: [],
      check: (o) => (seen.push(o.kind), []),
    });
    evaluate(
      [
        { kind: 'opportunity', app: 'dynamics' },
        { kind: 'account', app: 'dynamics' },
        { kind: 'runHistory', runs: [] },
      ],
      { settings: DEFAULT_SETTINGS, today: '2025-01-15' },
      [spy],
    );
    expect(seen).toEqual(['account']);
  });
});
