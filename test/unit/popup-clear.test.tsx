import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '@/lib/ui/popup/App';
import { DISMISSED_KEY } from '@/lib/model/dismissals';
import { POLICY_SEEN_KEY } from '@/lib/model/keys';
import { LOCALES, translator } from './helpers';
import { fakeApi as pageFake } from './popup-fake';

/** A browser with nothing open and `store` as its local storage. */
function fakeApi(store: Record<string, unknown>) {
  return { ...pageFake(undefined, null, store), activeTab: async () => null };
}

afterEach(cleanup);

const filled = () => ({
  [DISMISSED_KEY]: [
    ['org|crm.sync-disabled|syncWithPartnerCenter', 1],
    ['org|crm.referral-id|referralId', 2],
  ],
  checklist: { version: 1, solution: 'dynamics', ticks: { a: 1, b: 2, c: 3 } },
  flowSightings: { version: 1, environments: { env1: { solution: 'dynamics', seenAt: 1, flows: {} } } },
  settings: { version: 1, disabledRules: ['crm.sync-disabled'], fields: {}, salesforceStages: {}, labelOverrides: {} },
  [POLICY_SEEN_KEY]: { disabledRules: ['pc.closed-won-lost'] },
});

describe.each(LOCALES)('popup: clear stored data (%s)', (locale) => {
  const t = translator(locale);
  const open = async (fake: ReturnType<typeof fakeApi>) => {
    render(<App api={fake} t={t} />);
    fireEvent.click(await screen.findByRole('tab', { name: t('popup_tab_settings') }));
    fireEvent.click(await screen.findByRole('button', { name: t('clear_action') }));
    return screen.findByRole('alertdialog');
  };

  it('says what it will clear, clears it on confirm and keeps settings and policy', async () => {
    const fake = fakeApi(filled());
    const dialog = await open(fake);
    expect(dialog.textContent).toContain(t('clear_count_hints', { count: 2 }));
    expect(dialog.textContent).toContain(t('clear_count_ticks', { count: 3 }));
    expect(dialog.textContent).toContain(t('clear_count_envs', { count: 1 }));
    expect((fake.store.checklist as { ticks: object }).ticks).toEqual({ a: 1, b: 2, c: 3 });
    fireEvent.click(screen.getByRole('button', { name: t('clear_yes') }));
    await screen.findByText(t('clear_done'));
    expect(fake.store[DISMISSED_KEY]).toEqual([]);
    expect(fake.store.checklist).toEqual({ version: 1, solution: 'dynamics', ticks: {} });
    expect(fake.store.flowSightings).toEqual({ version: 1, environments: {} });
    expect(fake.store.settings).toEqual(filled().settings);
    expect(fake.store[POLICY_SEEN_KEY]).toEqual(filled()[POLICY_SEEN_KEY]);
  });

  it('clears nothing when the user cancels', async () => {
    const fake = fakeApi(filled());
    await open(fake);
    fireEvent.click(screen.getByRole('button', { name: t('clear_cancel') }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.store[DISMISSED_KEY]).toEqual(filled()[DISMISSED_KEY]);
    expect((fake.store.checklist as { ticks: object }).ticks).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('says so when the browser could not clear', async () => {
    const fake = fakeApi(filled());
    fake.save = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    await open(fake);
    fireEvent.click(screen.getByRole('button', { name: t('clear_yes') }));
    await screen.findByText(t('clear_failed'));
    expect(screen.queryByText(t('clear_done'))).toBeNull();
  });
});
