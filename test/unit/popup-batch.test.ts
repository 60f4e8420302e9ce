import { describe, expect, it } from 'vitest';
import { batchedGet } from '@/lib/ui/popup/api';

describe('batchedGet (the popup reads its stored items in one round trip)', () => {
  it('joins the reads of one turn into one get, answers each with its own item, and starts a new batch after', async () => {
    const calls: string[][] = [];
    const store: Record<string, unknown> = { a: 1, b: { x: 2 } };
    const load = batchedGet(
      async (keys) => (calls.push(keys), Object.fromEntries(keys.filter((k) => k in store).map((k) => [k, store[k]]))),
    );
    const [a, b, missing, again] = await Promise.all([load('a'), load('b'), load('c'), load('a')]);
    expect([a, b, missing, again]).toEqual([1, { x: 2 }, undefined, 1]);
    expect(calls).toEqual([['a', 'b', 'c']]);
    expect(await load('b')).toEqual({ x: 2 });
    expect(calls).toEqual([['a', 'b', 'c'], ['b']]);
  });

  it('fails every read of a batch whose get fails, and the next batch tries again', async () => {
    let fail = true;
    const load = batchedGet(async () => {
      if (fail) throw new Error('storage unavailable');
      return { a: 1 };
    });
    const results = await Promise.allSettled([load('a'), load('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await load('a')).toBe(1);
  });
});
