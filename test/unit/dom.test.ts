import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { cssEscape, deepText, labelKey, normalize, parseAmount, stripSaveState } from '@/lib/readers/dom';
import { MAX_PAGE_TEXT, MAX_PARAM, bound } from '@/lib/model/bound';
import type { Observation } from '@/lib/model/observation';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { evaluate } from '@/lib/rules/engine';
import type { Rule } from '@/lib/rules/types';

describe('normalize', () => {
  it.each([
    ['  Sync  with\u00A0Partner Center  ', 'Sync with Partner Center'],
    ['Est. Revenue*', 'Est. Revenue'],
    ['Topic:', 'Topic'],
    ['\u200BAudit\u200F', 'Audit'],
    ['見積収益：', '見積収益'],
    ['Jul 20, 10:07\u202FAM', 'Jul 20, 10:07 AM'],
  ])('%j → %j', (raw, want) => expect(normalize(raw)).toBe(want));

  it('compares labels without case, apostrophe style or question marks', () => {
    expect(labelKey('Comment Microsoft peut-il vous aider ?')).toBe(labelKey('comment microsoft peut-il vous aider'));
    expect(labelKey('Synchroniser avec l’Espace partenaires')).toBe(labelKey("Synchroniser avec l'Espace partenaires"));
  });

  it.each([
    ['Contoso – 500 seats - Saved', 'Contoso – 500 seats'],
    ['コントソ - 保存済み', 'コントソ'],
    ['Contoso - Enregistré', 'Contoso'],
    ['A - B', 'A - B'],
  ])('strips the UCI save state: %j', (raw, want) => expect(stripSaveState(raw)).toBe(want));
});

describe('parseAmount', () => {
  it.each([
    ['$50,000.00', 50000],
    ['¥5,000,000', 5000000],
    ['50 000,00 €', 50000],
    ['1.234.567,89 €', 1234567.89],
    ['€1.234,5', 1234.5],
    ['0', 0],
    ['$0.00', 0],
    ['CHF 1’250.50', 1250.5],
    ['', null],
    ['---', null],
    ['n/a', undefined],
  ])('%j → %j', (raw, want) => expect(parseAmount(raw)).toBe(want));
});

describe('page text without limits', () => {
  it('escapes every character a quoted CSS string cannot hold raw', () => {
    expect(cssEscape('new\nvalue"\\')).toBe('new\\a value\\"\\\\');
    expect(cssEscape('a\u0000b')).toBe('a\ufffdb');
    // Chromium refuses a raw line break in a selector string; escaped, it is one valid selector.
    const doc = new Window().document as unknown as Document;
    doc.body.innerHTML = '<div data-id="new&#10;value-x"></div>';
    expect(doc.querySelectorAll(`[data-id="${cssEscape('new\nvalue')}-x"]`)).toHaveLength(1);
  });

  it('reads text through 3,000 nested elements without overflowing the stack', () => {
    const doc = new Window().document as unknown as Document;
    let deep: Element = doc.body;
    for (let i = 0; i < 3000; i++) deep = deep.appendChild(doc.createElement('span'));
    deep.textContent = 'Solution ID is required';
    expect(deepText(doc.body)).toBe('Solution ID is required');
  });

  it('bounds what it keeps, and never splits a character', () => {
    const huge = `${'😀'.repeat(10)}${'A'.repeat(1 << 20)}`;
    expect(normalize(huge).length).toBeLessThanOrEqual(MAX_PAGE_TEXT);
    const cut = bound('😀'.repeat(3000), 4001);
    expect(cut.endsWith('…')).toBe(true);
    expect(/[\ud800-\udbff]…$/.test(cut)).toBe(false);
  });

  it('bounds every string a finding carries, whatever its rule took from the page', () => {
    const rule = {
      id: 'flow.connection-missing',
      kinds: ['flowDesigner'],
      severity: 'error',
      source: 's',
      check: () => [{ messageKey: 'k', params: { steps: 'x'.repeat(200_000), count: 1 }, fixSteps: [] }],
    } as unknown as Rule;
    const [f] = evaluate([{ kind: 'flowDesigner' } as unknown as Observation], { settings: DEFAULT_SETTINGS, today: '2025-01-01' }, [rule]);
    expect(String(f!.params.steps).length).toBeLessThanOrEqual(MAX_PARAM);
    expect(f!.params.count).toBe(1);
  });
});
