/** "This page": the record its findings are about, and what a clean page checked. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { createTabStore } from '@/lib/background/tabs';
import { readTabState, type StorageArea } from '@/lib/model/state';
import { REVEAL, revealHint, revealTarget } from '@/lib/content/reveal';
import { whatWasChecked } from '@/lib/content/pass';
import type { Finding } from '@/lib/model/finding';
import type { Observation } from '@/lib/model/observation';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { CRM_RULES, ERROR_RULES } from '@/lib/rules';
import { App } from '@/lib/ui/popup/App';
import type { PopupApi } from '@/lib/ui/popup/api';
import { fakeApi } from './popup-fake';
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
    ...fakeApi(url, findings),
    tabState: async () => ({ url, findings, at: 1, checked }) as never,
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

describe('show a finding on the page', () => {
  const page = () => {
    const window = new Window({ url: 'https://contoso.crm.dynamics.com/' });
    const doc = window.document as unknown as Document;
    doc.body.innerHTML = '<div id="a"></div><div id="b"></div>';
    const scrolled: string[] = [];
    for (const [id, field] of [
      ['a', 'closeDate'],
      ['b', 'dealValue'],
    ] as const) {
      const host = doc.createElement('cosell-hint');
      host.setAttribute('data-field', field);
      host.attachShadow({ mode: 'open' }).innerHTML =
        `<details><summary>x</summary><div class="item" data-rule="crm.deal-value-missing"></div></details>`;
      (host as unknown as { scrollIntoView: () => void }).scrollIntoView = () => void scrolled.push(field);
      doc.getElementById(id)!.append(host);
    }
    return { doc, scrolled };
  };

  it('scrolls to the hint of that rule at that field, opens it and flashes it', () => {
    const { doc, scrolled } = page();
    expect(revealHint(doc, { rule: 'crm.deal-value-missing', field: 'dealValue' })).toBe(true);
    expect(scrolled).toEqual(['dealValue']);
    const host = doc.querySelector('#b cosell-hint')!;
    expect(host.hasAttribute('data-flash')).toBe(true);
    expect(host.shadowRoot!.querySelector('details')!.open).toBe(true);
    expect(doc.querySelector('#a cosell-hint')!.hasAttribute('data-flash')).toBe(false);
  });

  it('says when no hint of this document shows it', () => {
    const { doc, scrolled } = page();
    expect(revealHint(doc, { rule: 'crm.close-date-missing' })).toBe(false);
    expect(scrolled).toEqual([]);
  });

  it('goes to where the finding is said when no hint is at its own field (said under its cause)', () => {
    const { doc, scrolled } = page();
    expect(revealHint(doc, { rule: 'crm.deal-value-missing', field: 'name' })).toBe(true);
    expect(scrolled).toEqual(['closeDate']);
  });

  it('takes only its own message shape', () => {
    expect(revealTarget({ type: REVEAL, rule: 'crm.x', field: 'f' })).toEqual({ rule: 'crm.x', field: 'f' });
    expect(revealTarget({ type: REVEAL, rule: 'crm.x' })).toEqual({ rule: 'crm.x' });
    for (const bad of [null, 'x', { type: 'cosell:findings', rule: 'r' }, { type: REVEAL }, { type: REVEAL, rule: 'r', field: 3 }])
      expect(revealTarget(bad)).toBeNull();
  });

  it.each(LOCALES)('the popup asks the tab for the finding, and says when its hint is gone (%s)', async (locale) => {
    const t = translator(locale);
    const url = 'https://contoso.crm.dynamics.com/main.aspx';
    const f: Finding = {
      rule: 'crm.deal-value-missing',
      severity: 'error',
      field: 'dealValue',
      messageKey: 'crm_deal_value_missing_msg',
      params: {},
      fixSteps: [],
      source: 's',
    };
    const asked: unknown[] = [];
    const api: PopupApi = {
      ...fakeApi(url, null),
      activeTab: async () => ({ id: 9, url }),
      tabState: async () => ({ url, findings: [f, { ...f, rule: 'crm.sync-disabled', display: 'popup' }], at: 1 }),
      reveal: async (tabId, target) => (asked.push([tabId, target]), false),
    };
    const { container } = render(<App api={api} t={t} />);
    const button = await screen.findByRole('button', { name: t('popup_reveal') });
    // A finding shown only in the popup has no hint to go to.
    expect(container.querySelectorAll('[data-reveal]')).toHaveLength(1);
    fireEvent.click(button);
    await waitFor(() => expect(container.querySelector('.reveal [role="status"]')?.textContent?.trim()).toBe(t('popup_reveal_missing')));
    expect(asked).toEqual([[9, { rule: 'crm.deal-value-missing', field: 'dealValue' }]]);
  });
});
