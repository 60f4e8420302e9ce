import { describe, expect, it } from 'vitest';
import { labelKey, normalize, parseAmount, stripSaveState } from '@/lib/readers/dom';

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
