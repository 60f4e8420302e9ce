import { describe, expect, it } from 'vitest';
import { policyReader, type PolicyIo } from '@/lib/background/policy';

/** A managed storage that answers when told to, a remembered policy, and a clock run by hand. */
function io(seen: unknown) {
  const state = { seen, remembered: [] as unknown[] };
  let answer!: (v: unknown) => void;
  let refuse!: (e: Error) => void;
  const managed = new Promise<unknown>((ok, no) => ((answer = ok), (refuse = no)));
  let elapse!: () => void;
  const waited = new Promise<void>((ok) => (elapse = ok));
  const api: PolicyIo = {
    managed: () => managed,
    seen: async () => state.seen,
    remember: async (v) => void (state.remembered.push(v), (state.seen = v)),
    wait: () => waited,
  };
  return { api, state, answer, refuse, elapse };
}
const settle = () => new Promise((ok) => setTimeout(ok, 0));

describe('administrator policy without waiting on the browser', () => {
  it('answers with managed storage when it answers in time, and remembers it when it changed', async () => {
    const p = io({ disabledRules: ['crm.close-date-past'] });
    const read = policyReader(p.api)();
    p.answer({ disabledRules: ['pc.team-incomplete'] });
    expect(await read).toEqual({ disabledRules: ['pc.team-incomplete'] });
    await settle();
    expect(p.state.remembered).toEqual([{ disabledRules: ['pc.team-incomplete'] }]);
  });

  it('writes nothing when the policy is the one already seen (no change event for nothing)', async () => {
    const p = io({ dealValueField: 'new_dealvalue' });
    const read = policyReader(p.api)();
    p.answer({ dealValueField: 'new_dealvalue' });
    await read;
    await settle();
    expect(p.state.remembered).toEqual([]);
  });

  it('while the browser is still loading policies, answers with the last one seen; the late answer is stored if it differs', async () => {
    const p = io({ disabledRules: ['crm.close-date-past'] });
    const read = policyReader(p.api)();
    p.elapse();
    expect(await read).toEqual({ disabledRules: ['crm.close-date-past'] });
    expect(p.state.remembered).toEqual([]);
    // Seconds later the browser answers: that write is what makes readers of settings read again.
    p.answer({ disabledRules: ['crm.close-date-past', 'crm.currency-invalid'] });
    await settle();
    expect(p.state.remembered).toEqual([{ disabledRules: ['crm.close-date-past', 'crm.currency-invalid'] }]);
  });

  it('on a first start with nothing seen, a slow read means no policy until the browser answers', async () => {
    const p = io(undefined);
    const read = policyReader(p.api)();
    p.elapse();
    expect(await read).toEqual({});
    p.answer({ countryField: 'address1_country' });
    await settle();
    expect(p.state.remembered).toEqual([{ countryField: 'address1_country' }]);
  });

  it('reads a browser without managed storage as no policy, and an empty policy as the same as none', async () => {
    const p = io(undefined);
    const read = policyReader(p.api)();
    p.refuse(new Error('storage.managed is not supported'));
    expect(await read).toEqual({});
    await settle();
    expect(p.state.remembered).toEqual([]);
  });

  it('never fails: an unreadable memory of the policy is read as none', async () => {
    const p = io(undefined);
    p.api.seen = async () => {
      throw new Error('corrupt');
    };
    p.api.remember = async () => {
      throw new Error('quota');
    };
    const read = policyReader(p.api)();
    p.elapse();
    expect(await read).toEqual({});
    p.answer({ disabledRules: ['x'] });
    await settle();
  });

  it('reads while the browser is still loading share its one pending answer, and only the first waits', async () => {
    const p = io({ disabledRules: ['crm.close-date-past'] });
    let asked = 0;
    let waits = 0;
    const managed = p.api.managed;
    p.api.managed = () => (asked++, managed());
    const wait = p.api.wait;
    p.api.wait = (ms) => (waits++, wait(ms));
    const read = policyReader(p.api);
    const first = read();
    p.elapse();
    expect(await first).toEqual({ disabledRules: ['crm.close-date-past'] });
    // A content script of another tab asks now: the browser is known to be slow, no second wait.
    expect(await read()).toEqual({ disabledRules: ['crm.close-date-past'] });
    expect([asked, waits]).toEqual([1, 1]);
    p.answer({});
    await settle();
    expect(p.state.remembered).toEqual([{}]);
    // Once it has answered, a read asks again (a policy can change) and gets the answer in time.
    p.api.managed = async () => (asked++, { countryField: 'x' });
    p.api.wait = () => new Promise(() => undefined); // an answer in time: the patience never runs out
    expect(await read()).toEqual({ countryField: 'x' });
    expect(asked).toBe(2);
  });
});
