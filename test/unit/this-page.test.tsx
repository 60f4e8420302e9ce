/** "This page": the record its findings are about, and what a clean page checked. */
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createTabStore, readTabState, type StorageArea } from '@/lib/background/tabs';
import { whatWasChecked } from '@/lib/content/runner';
import type { Finding } from '@/lib/model/finding';
import type { Observation } from '@/lib/model/observation';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { CRM_RULES, ERROR_RULES } from '@/lib/rules';
import { App } from '@/lib/ui/popup/App';
import type { PopupApi } from '@/lib/ui/popup/api';
import { LOCALES, translator } from './helpers';

afterEach(cleanup);

const opportunity = { kind: 'opportunity', app: 'dynamics', name: '  Contoso – 500 seats ' } as unknown as Observation;
const rules = [...CRM_RULES, ...ERROR_RULES];

describe('what a pass checked', () => {
  it('counts the rules that ran on the kinds read, not those switched off, and names the record', () => {
    const ran = rules.filter((r) => r.kinds.includes('opportunity')).length;
    expect(whatWasChecked([opportunity], rules, DEFAULT_SETTINGS)).toEqual({
      kinds: ['opportunity'],
      rules: ran,
      record: 'Contoso – 500 seats',
    });
    const off = { ...DEFAULT_SETTINGS, disabledRules: ['crm.sync-disabled'] };
    expect(whatWasChecked([opportunity], rules, off)!.rules).toBe(ran - 1);
    expect(whatWasChecked([], rules, DEFAULT_SETTINGS)).toBeUndefined();
  });

  it('the background keeps it for the popup, the top frame naming the record', async () => {
    const data: Record<string, unknown> = {};
    const area: StorageArea = {
      get: async (k) => (k in data ? { [k]: data[k] } : {}),
      set: async (items) => void Object.assign(data, items),
      remove: async (k) => void delete data[k],
    };
    const store = createTabStore(area, { set: () => undefined });
    const report = (checked: unknown) => ({ type: 'cosell:findings', url: 'https://x.crm.dynamics.com/', findings: [], checked });
    await store.handle(report({ kinds: ['opportunity'], rules: 7, record: 'Contoso' }), 3, 0);
    await store.handle(report({ kinds: ['errorMessages'], rules: 2 }), 3, 1);
    expect((await readTabState(area, 3))!.checked).toEqual({ kinds: ['opportunity', 'errorMessages'], rules: 9, record: 'Contoso' });
  });
});

describe.each(LOCALES)('this page (%s)', (locale) => {
  const t = translator(locale);
  const url = 'https://contoso.crm.dynamics.com/main.aspx';
  const withChecked = (findings: Finding[], checked: unknown): PopupApi => ({
    activeTab: async () => ({ id: 5, url }),
    tabState: async () => ({ url, findings, at: 1, checked }) as never,
    load: async () => undefined,
    save: async () => undefined,
    managed: async () => ({}),
    onChanged: () => () => undefined,
    copy: async () => undefined,
    requestHost: async () => false,
    releaseHost: async () => false,
    hasHost: async () => false,
    version: '0.1.0',
  });

  it('a clean page says what was checked, on which record', async () => {
    const { container } = render(<App api={withChecked([], { kinds: ['opportunity'], rules: 7, record: 'Contoso – 500 seats' })} t={t} />);
    await waitFor(() => expect(container.querySelector('[data-state="no-findings"]')).not.toBeNull());
    expect(container.querySelector('[data-checked]')!.textContent).toBe(t('popup_checked_opportunity', { count: 7 }));
    expect(t('popup_checked_opportunity', { count: 7 })).toContain('7');
    expect(container.querySelector('[data-record]')!.textContent).toBe(t('popup_record', { name: 'Contoso – 500 seats' }));
  });

  it('names the record its findings are about', async () => {
    const f: Finding = {
      rule: 'crm.close-date-missing',
      severity: 'error',
      field: 'closeDate',
      messageKey: 'crm_close_date_missing_msg',
      params: {},
      fixSteps: [],
      source: 's',
    };
    const { container } = render(<App api={withChecked([f], { kinds: ['opportunity'], rules: 7, record: 'Fabrikam renewal' })} t={t} />);
    await waitFor(() => expect(container.querySelector('[data-state="findings"]')).not.toBeNull());
    expect(container.querySelector('[data-record]')!.textContent).toBe(t('popup_record', { name: 'Fabrikam renewal' }));
  });

  it('a page of several kinds is "this page"', async () => {
    const { container } = render(<App api={withChecked([], { kinds: ['flowRun', 'errorMessages'], rules: 12 })} t={t} />);
    await waitFor(() => expect(container.querySelector('[data-state="no-findings"]')).not.toBeNull());
    expect(container.querySelector('[data-checked]')!.textContent).toBe(t('popup_checked_page', { count: 12 }));
    expect(container.querySelector('[data-record]')).toBeNull();
  });
});
