import { describe, expect, it } from 'vitest';
import { MAX_DISMISSED, addDismissed, parseDismissed, removeDismissed } from '@/lib/model/dismissals';

describe('dismissed hints, as stored', () => {
  it('keeps the newest MAX_DISMISSED, a key once (dismissed again: newest), and forgets one on undo', () => {
    let list = parseDismissed(undefined);
    for (let i = 0; i < MAX_DISMISSED + 20; i++) list = addDismissed(list, [`r${i}|crm.x|f`], i);
    expect(list).toHaveLength(MAX_DISMISSED);
    expect(list[0]![0]).toBe('r20|crm.x|f');
    list = addDismissed(list, ['r20|crm.x|f'], 9999);
    expect(list.at(-1)).toEqual(['r20|crm.x|f', 9999]);
    expect(list.filter(([k]) => k === 'r20|crm.x|f')).toHaveLength(1);
    expect(removeDismissed(list, ['r20|crm.x|f']).some(([k]) => k === 'r20|crm.x|f')).toBe(false);
  });

  it('reads anything unreadable as nothing dismissed, and drops malformed entries', () => {
    for (const raw of [null, 'x', {}, 42]) expect(parseDismissed(raw)).toEqual([]);
    expect(parseDismissed([['a', 1], ['b'], [2, 3], 'c', ['d', 4]])).toEqual([
      ['a', 1],
      ['d', 4],
    ]);
  });
});
