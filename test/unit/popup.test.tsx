import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '@/lib/model/finding';
import { App } from '@/lib/ui/popup/App';
import type { PopupApi } from '@/lib/ui/popup/api';
import { preload, settle } from '@/lib/ui/popup/load';
import { checklists } from '@/lib/knowledge/checklists';
import { RULES } from '@/lib/rules';
import { ruleTitleKey } from '@/lib/ui/popup/rule-names';
import { LOCALES, messages, translator } from './helpers';
import { fakeApi } from './popup-fake';

const finding: Finding = {
  rule: 'crm.sync-disabled',
  severity: 'info',
  field: 'syncWithPartnerCenter',
  messageKey: 'crm_sync_disabled_info',
  params: {},
  fixSteps: ['crm_sync_disabled_fix1', 'crm_sync_disabled_fix2'],
  source: 'FAQ R3',
};

const api = (url: string | undefined, findings: Finding[] | null) => fakeApi(url, findings);

afterEach(cleanup);

describe.each(LOCALES)('popup (%s)', (locale) => {
  const t = translator(locale);

  it("lists the active tab's findings grouped by severity, with their fix steps", async () => {
    const { container } = render(<App api={api('https://contoso.crm.dynamics.com/main.aspx', [finding])} t={t} />);
    await waitFor(() => expect(container.querySelector('[data-state="findings"]')).not.toBeNull());
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(t('extName'));
    expect(container.querySelector('[data-rule="crm.sync-disabled"][data-severity="info"]')).not.toBeNull();
    expect(container.querySelector('#sev-info')!.textContent).toBe(t('popup_group_info', { count: 1 }));
    expect(container.querySelector('ol li')!.textContent).toBe(
      t('crm_sync_disabled_fix1', { label: t('field_syncWithPartnerCenter'), option: t('hint_yes') }),
    );
  });

  it('shows what was read before its first render, without asking again', async () => {
    const fake = fakeApi('https://contoso.crm.dynamics.com/main.aspx', [finding]);
    let tabs = 0;
    let loads = 0;
    const counted: PopupApi = { ...fake, activeTab: (...a) => (tabs++, fake.activeTab(...a)), load: (k) => (loads++, fake.load(k)) };
    const initial = preload(counted);
    const [asked, read] = [tabs, loads];
    const { container } = render(<App api={counted} t={t} initial={initial} />);
    await waitFor(() => expect(container.querySelector('[data-rule="crm.sync-disabled"]')).not.toBeNull());
    expect(asked).toBe(1);
    expect(tabs).toBe(1);
    expect(loads).toBe(read);
  });

  it('shows what arrived before its first render in that render, with no loading line', async () => {
    const fake = fakeApi('https://contoso.crm.dynamics.com/main.aspx', [finding]);
    const first = await settle(preload(fake), 150);
    expect(first.arrived?.view?.kind).toBe('findings');
    expect(first.arrived?.stored).toBeDefined();
    const { container } = render(<App api={fake} t={t} initial={first} />);
    // No waiting: the first render already holds the findings.
    expect(container.querySelector('[data-rule="crm.sync-disabled"]')).not.toBeNull();
    expect(container.querySelector('[aria-busy]')).toBeNull();
    expect(performance.getEntriesByName('cosell-popup-rendered').length).toBeGreaterThan(0);
  });

  it('opens on a loading line when the answers are slower than it waits, then shows them', async () => {
    const fake = fakeApi('https://contoso.crm.dynamics.com/main.aspx', [finding]);
    let answer: () => void = () => undefined;
    const late = new Promise<void>((ok) => (answer = ok));
    const slow: PopupApi = { ...fake, activeTab: async () => (await late, fake.activeTab()) };
    const first = await settle(preload(slow), 5);
    expect(first.arrived?.view).toBeUndefined();
    const { container } = render(<App api={slow} t={t} initial={first} />);
    expect(container.querySelector('[aria-busy="true"]')!.textContent).toBe(t('popup_loading'));
    answer();
    await waitFor(() => expect(container.querySelector('[data-rule="crm.sync-disabled"]')).not.toBeNull());
    expect(container.querySelector('[aria-busy]')).toBeNull();
  });

  it('says once, in its first render, that unreadable stored data was reset', async () => {
    const fake = fakeApi('https://contoso.crm.dynamics.com/main.aspx', [finding], { checklist: { version: 99 } });
    const first = await settle(preload(fake), 150);
    const { container } = render(<App api={fake} t={t} initial={first} />);
    expect(container.querySelectorAll('[data-notice="storage-reset"]')).toHaveLength(1);
    await new Promise((ok) => setTimeout(ok, 20));
    expect(container.querySelectorAll('[data-notice="storage-reset"]')).toHaveLength(1);
    expect(fake.store['checklist.unreadable']).toEqual({ version: 99 });
  });

  it("says when a change cannot be saved, with the browser's reason, and shows what is stored", async () => {
    const fake = fakeApi('https://contoso.crm.dynamics.com/main.aspx', [finding]);
    const reason = 'QUOTA_BYTES quota exceeded';
    fake.save = async () => {
      throw new Error(reason);
    };
    render(<App api={fake} t={t} />);
    fireEvent.click(await screen.findByRole('tab', { name: t('popup_tab_setup') }));
    const box = () => screen.getAllByRole('checkbox')[0] as HTMLInputElement;
    await screen.findAllByRole('checkbox');
    expect(box().checked).toBe(false);
    fireEvent.click(box());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(t('popup_notice_saveFailed', { reason }));
    // The tick is not stored, so it is not shown either.
    await waitFor(() => expect(box().checked).toBe(false));
    expect(fake.store['checklist']).toBeUndefined();
    fireEvent.click(within(alert).getByRole('button', { name: t('popup_notice_ok') }));
    expect(screen.queryByRole('alert')).toBeNull();
    // Settings say "saved" only when they were.
    fireEvent.click(screen.getByRole('tab', { name: t('popup_tab_settings') }));
    const rule = (await screen.findAllByRole('checkbox'))[0] as HTMLInputElement;
    fireEvent.click(rule);
    await screen.findByRole('alert');
    expect(screen.queryByText(t('settings_saved'))).toBeNull();
  });

  it('shows the diagnostic report, selected, when the browser refuses the clipboard', async () => {
    const fake = fakeApi('https://contoso.crm.dynamics.com/main.aspx', [finding]);
    let refuse = true;
    fake.copy = async (text) => {
      if (refuse) throw new DOMException('Document is not focused.', 'NotAllowedError');
      fake.copied.push(text);
    };
    render(<App api={fake} t={t} />);
    fireEvent.click(await screen.findByRole('tab', { name: t('popup_tab_setup') }));
    fireEvent.click(await screen.findByRole('button', { name: t('setup_export') }));
    // Testing Library reads labels with their white space collapsed (French keeps no-break spaces).
    const area = (await screen.findByLabelText(t('setup_export_manual').replace(/\s+/g, ' '))) as HTMLTextAreaElement;
    expect(area.readOnly).toBe(true);
    expect(area.value).toContain(fake.version);
    expect(area.value).toContain('crm.sync-disabled');
    await waitFor(() => expect(document.activeElement).toBe(area));
    expect([area.selectionStart, area.selectionEnd]).toEqual([0, area.value.length]);
    expect(screen.queryByText(t('setup_export_copied'))).toBeNull();
    // Copied the next time: the text box goes, the status says so.
    refuse = false;
    fireEvent.click(screen.getByRole('button', { name: t('setup_export') }));
    await screen.findByText(t('setup_export_copied'));
    expect(screen.queryByLabelText(t('setup_export_manual').replace(/\s+/g, ' '))).toBeNull();
    expect(fake.copied).toHaveLength(1);
  });

  it('says which pages it reads on any other tab', async () => {
    const { container } = render(<App api={api(undefined, null)} t={t} />);
    await waitFor(() => expect(container.querySelector('[data-state="other-page"]')).not.toBeNull());
    expect([...container.querySelectorAll('li')].map((li) => li.textContent)).toContain(t('popup_reads_dynamics'));
  });

  it('asks for a reload when an app tab was never read (extension installed or updated under it)', async () => {
    const { container } = render(<App api={api('https://contoso.crm.dynamics.com/main.aspx', null)} t={t} />);
    await waitFor(() => expect(container.querySelector('[data-state="not-read"]')).not.toBeNull());
    expect(container.textContent).toContain(t('popup_notRead', { app: t('app_dynamics') }));
  });

  it('says when there is nothing to fix', async () => {
    const { container } = render(<App api={api('https://org.lightning.force.com/lightning/r/Opportunity/006x/view', [])} t={t} />);
    await waitFor(() => expect(container.querySelector('[data-state="no-findings"]')).not.toBeNull());
    expect(container.textContent).toContain(t('popup_noFindings', { app: t('app_salesforce') }));
  });

  it('says a page that could not be read was not checked, rather than "nothing to fix"', async () => {
    const base = api('https://contoso.crm.dynamics.com/main.aspx', []);
    const { container } = render(
      <App api={{ ...base, tabState: async () => ({ url: '', findings: [], at: 1, failures: { read: 1, rules: 0, render: 0 } }) }} t={t} />,
    );
    await waitFor(() => expect(container.querySelector('[data-state="read-failed"]')).not.toBeNull());
    expect(container.textContent).toContain(t('popup_readFailed', { app: t('app_dynamics') }));
    expect(container.querySelector('[data-state="no-findings"]')).toBeNull();
  });

  it('says when checks failed or the browser could not store the findings', async () => {
    const base = api('https://contoso.crm.dynamics.com/main.aspx', []);
    const state = {
      url: '',
      findings: [
        {
          rule: 'crm.sync-disabled',
          severity: 'warning' as const,
          messageKey: 'crm_sync_disabled_intent',
          params: {},
          fixSteps: [],
          source: 's',
        },
      ],
      at: 1,
      failures: { read: 0, rules: 2, render: 0 },
      unstored: true,
    };
    const { container } = render(<App api={{ ...base, tabState: async () => state }} t={t} />);
    await waitFor(() => expect(container.querySelector('[data-state="partial"]')).not.toBeNull());
    expect(container.textContent).toContain(t('popup_checksFailed', { count: 2 }));
    expect(container.textContent).toContain(t('popup_unstored'));
  });

  it('with nothing to fix, leads to the troubleshooter, its field ready to type in', async () => {
    const { container } = render(<App api={api('https://org.lightning.force.com/lightning/r/Opportunity/006x/view', [])} t={t} />);
    fireEvent.click(await screen.findByRole('button', { name: t('popup_noFindings_troubleshoot') }));
    expect(screen.getByRole('tab', { name: t('popup_tab_troubleshoot') }).getAttribute('aria-selected')).toBe('true');
    const field = await screen.findByLabelText(t('ts_search_label'));
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(container.querySelector('[data-state="no-findings"]')).toBeNull();
    // Opened from its tab, the troubleshooter leaves the focus on the tab.
    fireEvent.click(screen.getByRole('tab', { name: t('popup_tab_page') }));
    const tab = screen.getByRole('tab', { name: t('popup_tab_troubleshoot') });
    tab.focus();
    fireEvent.click(tab);
    await screen.findByLabelText(t('ts_search_label'));
    expect(document.activeElement).toBe(tab);
  });
});

describe.each(LOCALES)('popup: set-up (%s)', (locale) => {
  const t = translator(locale);
  const sightings = {
    version: 1,
    environments: { 'env-sf': { solution: 'salesforce', seenAt: 1, flows: {} } },
  };
  const openSetup = async (fake: ReturnType<typeof fakeApi>) => {
    const view = render(<App api={fake} t={t} />);
    fireEvent.click(await screen.findByRole('tab', { name: t('popup_tab_setup') }));
    await waitFor(() => expect(view.container.querySelector('[data-view="setup"]')).not.toBeNull());
    return view;
  };

  it("follows the active tab's app over an earlier pick and what was seen", async () => {
    const store = { checklist: { version: 1, solution: 'salesforce', ticks: {} }, flowSightings: sightings };
    const { container } = await openSetup(fakeApi('https://contoso.crm.dynamics.com/main.aspx', [finding], store));
    expect((container.querySelector('input[name="solution"][value="dynamics"]') as HTMLInputElement).checked).toBe(true);
    expect(container.querySelector('.solution .note')!.textContent).toBe(t('setup_solution_tab', { app: t('app_dynamics') }));
    // A pick here wins over the tab, and is said to be the user's.
    fireEvent.click(container.querySelector('input[name="solution"][value="salesforce"]')!);
    await waitFor(() =>
      expect((container.querySelector('input[name="solution"][value="salesforce"]') as HTMLInputElement).checked).toBe(true),
    );
    expect(container.querySelector('.solution .note')!.textContent).toBe(t('setup_solution_manual'));
  });

  it("names a tenant's default environment rather than by its ID", async () => {
    const seen = (id: string) => ({
      flowSightings: { version: 1, environments: { [id]: { solution: 'dynamics', seenAt: Date.UTC(2026, 0, 5), flows: {} } } },
    });
    const first = await openSetup(fakeApi(undefined, null, seen('Default-72f988bf-86f1-41af-91ab-2d7cd011db47')));
    const note = first.container.querySelector('[data-env]')!;
    expect(note.textContent).not.toContain('72f988bf');
    const when = new Date(Date.UTC(2026, 0, 5)).toLocaleString(document.documentElement.lang || undefined, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    expect(note.textContent).toBe(t('setup_env_seen_default', { when }));
    cleanup();
    const other = await openSetup(fakeApi(undefined, null, seen('0b1c2d3e-1111-2222-3333-444455556666')));
    expect(other.container.querySelector('[data-env]')!.textContent).toContain('0b1c2d3e-1111-2222-3333-444455556666');
  });

  it('keeps an earlier pick on a tab that does not say', async () => {
    const store = { checklist: { version: 1, solution: 'salesforce', ticks: {} } };
    const { container } = await openSetup(fakeApi('https://example.com/', null, store));
    expect((container.querySelector('input[name="solution"][value="salesforce"]') as HTMLInputElement).checked).toBe(true);
  });

  it('folds the checklist into sections with their own progress, the first unfinished one open, and says where to start', async () => {
    const lists = checklists('dynamics');
    const [first, second] = lists;
    const ticks = Object.fromEntries(first!.items.map((i) => [`dynamics/${first!.id}/${i.id}`, 1]));
    const { container } = await openSetup(
      fakeApi('https://contoso.crm.dynamics.com/main.aspx', [finding], { checklist: { version: 1, solution: null, ticks } }),
    );
    const sections = [...container.querySelectorAll('details.checklist')] as HTMLDetailsElement[];
    expect(sections.map((d) => d.dataset.list)).toEqual(lists.map((l) => l.id));
    expect(sections.map((d) => d.open)).toEqual(lists.map((l) => l === second));
    expect(sections[0]!.querySelector('summary .count')!.textContent).toBe(
      t('setup_section_progress', { done: first!.items.length, total: first!.items.length }),
    );
    expect(sections[1]!.querySelector('summary .count')!.textContent).toBe(
      t('setup_section_progress', { done: 0, total: second!.items.length }),
    );
    const item = second!.items[0]!;
    expect(container.querySelector('.start')!.textContent).toBe(
      t('setup_start', { section: t(second!.titleKey), item: t(item.key, item.params) }),
    );
  });
});

describe.each(LOCALES)('popup: plan (%s)', (locale) => {
  const t = translator(locale);
  const openPlan = async () => {
    const view = render(<App api={fakeApi(undefined, null)} t={t} />);
    fireEvent.click(await screen.findByRole('tab', { name: t('popup_tab_plan') }));
    await waitFor(() => expect(view.container.querySelector('[data-view="plan"]')).not.toBeNull());
    return view;
  };

  it.each(['-5', '', '2.5'])('refuses %j with a message beside the field, and estimates from the last valid value', async (typed) => {
    const { container } = await openPlan();
    const field = screen.getByLabelText(t('plan_created')) as HTMLInputElement;
    fireEvent.input(field, { target: { value: '30' } });
    expect(container.querySelector('output')!.getAttribute('data-calls')).toBe('180');
    fireEvent.input(field, { target: { value: typed } });
    const error = await screen.findByRole('alert');
    expect(error.textContent).toBe(t('plan_error_count'));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe(error.id);
    expect(container.querySelector('output')!.getAttribute('data-calls')).toBe('180');
  });

  it('says which documentation each limit comes from, and its date, linked in the user language', async () => {
    const { container } = await openPlan();
    const links = [...container.querySelectorAll('.sources a')] as HTMLAnchorElement[];
    expect(links.map((a) => a.textContent)).toEqual([
      t('plan_source_daily', { daily: new Intl.NumberFormat().format(10_000) }),
      t('plan_source_throttle', { throttle: 100 }),
    ]);
    expect(links.map((a) => a.href)).toEqual([
      `https://learn.microsoft.com/${t('ts_learn_locale')}/partner-center/referrals/connectors-troubleshoot`,
      `https://learn.microsoft.com/${t('ts_learn_locale')}/connectors/partnercenterevents`,
    ]);
    expect(messages('en').plan_source_daily!.message).toMatch(/2020/);
  });
});

describe.each(LOCALES)('popup: settings (%s)', (locale) => {
  const t = translator(locale);
  const open = async (fake: ReturnType<typeof fakeApi>) => {
    const view = render(<App api={fake} t={t} />);
    fireEvent.click(await screen.findByRole('tab', { name: t('popup_tab_settings') }));
    return { ...view, field: (await screen.findByLabelText(t('settings_dealValue'))) as HTMLInputElement };
  };

  it.each(['new_dealvalue', 'Deal_Value__c', 'estimatedvalue'])('stores the field name %s', async (name) => {
    const fake = fakeApi(undefined, null);
    const { field } = await open(fake);
    fireEvent.change(field, { target: { value: `  ${name} ` } });
    await screen.findByText(t('settings_saved'));
    expect((fake.store.settings as { fields: Record<string, string> }).fields.dealValue).toBe(name);
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });

  it.each(['Est. Revenue', 'deal value', '<img src=x onerror=alert(1)>', '1st_value', 'new_dealvalue;drop'])(
    'refuses %j with a message beside the field, and stores nothing',
    async (typed) => {
      const fake = fakeApi(undefined, null, {
        settings: { version: 1, disabledRules: [], fields: { dealValue: 'new_dealvalue' }, salesforceStages: {}, labelOverrides: {} },
      });
      const { field, container } = await open(fake);
      fireEvent.change(field, { target: { value: typed } });
      const error = await screen.findByRole('alert');
      expect(error.textContent).toBe(t('settings_error_fieldName', { value: typed }));
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(field.getAttribute('aria-describedby')).toBe(error.id);
      // What was typed stays in the field, to be corrected rather than typed again.
      expect(field.value).toBe(typed);
      expect(container.querySelector('img[src="x"]')).toBeNull();
      expect(screen.queryByText(t('settings_saved'))).toBeNull();
      expect((fake.store.settings as { fields: Record<string, string> }).fields.dealValue).toBe('new_dealvalue');
      // Corrected: stored, and the message goes.
      fireEvent.change(field, { target: { value: 'new_amount' } });
      await screen.findByText(t('settings_saved'));
      expect(screen.queryByRole('alert')).toBeNull();
      expect((fake.store.settings as { fields: Record<string, string> }).fields.dealValue).toBe('new_amount');
    },
  );

  it('names each rule by what it checks, with every severity a page may show for it', async () => {
    const { container } = await open(fakeApi(undefined, null));
    const en = messages('en');
    for (const r of RULES) {
      const label = container.querySelector(`[data-rule-setting="${r.id}"] label`)!;
      // A title of its own, not a message's template with its placeholders cut out.
      expect(en[ruleTitleKey(r.id)]?.message, r.id).not.toMatch(/\{\w+\}/);
      expect(en[ruleTitleKey(r.id)], r.id).toBeDefined();
      expect(label.textContent, r.id).toContain(t(ruleTitleKey(r.id)));
      expect(label.textContent, r.id).not.toContain(r.id);
    }
    // Sync off shows as information when the opportunity is not meant to sync, else as a warning.
    expect(container.querySelector('[data-rule-setting="crm.sync-disabled"] .sev')!.textContent).toBe(
      t('settings_severity_or', { first: t('severity_warning'), second: t('severity_info') }),
    );
    expect(container.querySelector('[data-rule-setting="crm.close-date-missing"] .sev')!.textContent).toBe(t('severity_error'));
  });

  it("says when the administrator's field name is not one (the user cannot change it)", async () => {
    const fake = fakeApi(undefined, null, {}, { dealValueField: 'Est. Revenue', countryField: 'new_countrycode' });
    const { field, container } = await open(fake);
    expect(field.readOnly).toBe(true);
    const error = container.querySelector('[data-invalid-setting="fields.dealValue"]')!;
    expect(error.textContent).toBe(t('settings_error_fieldName_admin', { value: 'Est. Revenue' }));
    expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    expect(container.querySelector('[data-invalid-setting="fields.country"]')).toBeNull();
  });

  it('takes a Salesforce stage as Salesforce shows it, spaces and all', async () => {
    const fake = fakeApi(undefined, null);
    render(<App api={fake} t={t} />);
    fireEvent.click(await screen.findByRole('tab', { name: t('popup_tab_settings') }));
    const stage = (await screen.findByLabelText(t('settings_onHold'))) as HTMLInputElement;
    fireEvent.change(stage, { target: { value: 'On Hold – waiting (customer)' } });
    await screen.findByText(t('settings_saved'));
    expect((fake.store.settings as { salesforceStages: Record<string, string> }).salesforceStages.onHold).toBe(
      'On Hold – waiting (customer)',
    );
  });
});

describe.each(LOCALES)('popup: troubleshooter (%s)', (locale) => {
  const t = translator(locale);
  const open = async () => {
    const view = render(<App api={api(undefined, null)} t={t} />);
    fireEvent.click(await screen.findByRole('tab', { name: t('popup_tab_troubleshoot') }));
    return { ...view, field: (await screen.findByLabelText(t('ts_search_label'))) as HTMLTextAreaElement };
  };
  const status = (container: Element) => container.querySelector('.troubleshoot [role="status"]')!.textContent;

  it('recognizes a pasted error: says which, lists it first, its cause and steps open', async () => {
    const { field, container } = await open();
    expect(field.localName).toBe('textarea');
    fireEvent.input(field, { target: { value: '2025-01-10 12:01 Sync started\n2025-01-10 12:02 Error: Solution ID is required' } });
    const first = container.querySelector('[data-symptom]') as HTMLDetailsElement;
    expect(first.dataset.symptom).toBe('error.solution-id-required');
    expect(first.open).toBe(true);
    expect(first.hasAttribute('data-recognized')).toBe(true);
    expect(status(container)).toBe(t('ts_recognized', { title: t('sym_error_solution_id_required_title') }));
    expect(container.querySelectorAll('details[open]')).toHaveLength(1);
  });

  it("links a public Microsoft page in the user's language, and shows no internal source note", async () => {
    const { field, container } = await open();
    fireEvent.input(field, { target: { value: '429' } });
    const link = container.querySelector('[data-symptom="throttled"] a') as HTMLAnchorElement;
    expect(link.href).toBe(`https://learn.microsoft.com/${{ en: 'en-us', ja: 'ja-jp', fr: 'fr-fr' }[locale]}/connectors/partnercenterref`);
    fireEvent.input(field, { target: { value: '' } });
    expect(container.textContent).not.toMatch(/FAQ [A-Z]\d|domain §/);
  });

  it('says when the problems listed match only some of the words, and when none matches (the error catalogue)', async () => {
    const { field, container } = await open();
    fireEvent.input(field, { target: { value: { en: 'duplicate opportunities zebra', ja: '重複 zebra', fr: 'doublons zebra' }[locale] } });
    const listed = container.querySelectorAll('[data-symptom]').length;
    expect(listed).toBeGreaterThan(0);
    expect(status(container)).toBe(t('ts_results_partial', { count: listed }));
    expect(container.querySelector('details[open]')).toBeNull();
    fireEvent.input(field, { target: { value: 'zebra giraffe' } });
    // Never nothing: the documented errors, said as such.
    expect(container.querySelectorAll('[data-symptom^="error."]').length).toBeGreaterThan(0);
    expect(status(container)).toBe(t('ts_results_fallback'));
  });
});

describe.each(LOCALES)('popup: custom domains (%s)', (locale) => {
  const t = translator(locale);
  const openSettings = async (api: ReturnType<typeof fakeApi>) => {
    const view = render(<App api={api} t={t} />);
    fireEvent.click(await screen.findByRole('tab', { name: t('popup_tab_settings') }));
    return {
      ...view,
      input: (await screen.findByLabelText(t('custom_domain'))) as HTMLInputElement,
      app: screen.getByLabelText(t('custom_app')) as HTMLSelectElement,
    };
  };
  const add = (input: HTMLInputElement, value: string) => {
    fireEvent.input(input, { target: { value } });
    fireEvent.click(screen.getByRole('button', { name: t('custom_add') }));
  };

  it('asks the browser for that domain alone, stores it with its app, and shows it allowed', async () => {
    const api = fakeApi(undefined, null);
    const { input, app, container } = await openSettings(api);
    fireEvent.change(app, { target: { value: 'salesforce' } });
    add(input, 'https://Contoso.my.salesforce.com.mcas.ms/lightning/r/Opportunity/006/view');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(t('custom_granted', { host: 'contoso.my.salesforce.com.mcas.ms' })),
    );
    expect(api.requests).toEqual(['https://contoso.my.salesforce.com.mcas.ms/*']);
    expect(api.store.customHosts).toEqual({
      version: 1,
      hosts: [{ host: 'contoso.my.salesforce.com.mcas.ms', app: 'salesforce', addedAt: expect.any(Number) }],
    });
    await waitFor(() =>
      expect(container.querySelector('[data-custom-host="contoso.my.salesforce.com.mcas.ms"]')?.getAttribute('data-granted')).toBe('yes'),
    );
    expect(input.value).toBe('');
  });

  it('gives back what was typed when the domain cannot be stored, and says why', async () => {
    const api = fakeApi(undefined, null);
    api.save = async () => {
      throw new Error('IO error');
    };
    const { input, container } = await openSettings(api);
    add(input, 'crm.contoso.com');
    await waitFor(() =>
      expect(container.querySelector('[data-notice="save-failed"]')?.textContent).toContain(
        t('popup_notice_saveFailed', { reason: 'IO error' }),
      ),
    );
    await waitFor(() => expect(input.value).toBe('crm.contoso.com'));
    await waitFor(() => expect(container.querySelector('[data-custom-host="crm.contoso.com"]')).toBeNull());
    // The browser was asked inside the click and said yes; that access is given back, and the
    // popup does not say it was given.
    expect(api.requests).toEqual(['https://crm.contoso.com/*']);
    await waitFor(() => expect(api.granted.size).toBe(0));
    expect(screen.queryByText(t('custom_granted', { host: 'crm.contoso.com' }))).toBeNull();
  });

  it('keeps the access of a domain already listed when adding it again cannot be stored', async () => {
    const api = fakeApi(undefined, null, {
      customHosts: { version: 1, hosts: [{ host: 'crm.contoso.com', app: 'dynamics', addedAt: 1 }] },
    });
    api.save = async () => {
      throw new Error('IO error');
    };
    const { input, container } = await openSettings(api);
    add(input, 'crm.contoso.com');
    await waitFor(() => expect(container.querySelector('[data-notice="save-failed"]')).not.toBeNull());
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(t('custom_granted', { host: 'crm.contoso.com' })));
    expect([...api.granted]).toEqual(['https://crm.contoso.com/*']);
  });

  it('keeps a domain listed and allowed when its removal cannot be stored', async () => {
    const api = fakeApi(undefined, null, {
      customHosts: { version: 1, hosts: [{ host: 'crm.contoso.com', app: 'dynamics', addedAt: 1 }] },
    });
    api.granted.add('https://crm.contoso.com/*');
    const { container } = await openSettings(api);
    const row = () => container.querySelector('[data-custom-host="crm.contoso.com"]');
    await waitFor(() => expect(row()?.getAttribute('data-granted')).toBe('yes'));
    api.save = async () => {
      throw new Error('IO error');
    };
    fireEvent.click(screen.getByRole('button', { name: t('custom_remove', { host: 'crm.contoso.com' }) }));
    await waitFor(() => expect(container.querySelector('[data-notice="save-failed"]')).not.toBeNull());
    await waitFor(() => expect(row()?.getAttribute('data-granted')).toBe('yes'));
    expect([...api.granted]).toEqual(['https://crm.contoso.com/*']);
    expect(screen.queryByText(t('custom_removed', { host: 'crm.contoso.com' }))).toBeNull();
  });

  it('explains a refusal, keeps the domain, and lets the user allow it later', async () => {
    const api = fakeApi(undefined, null);
    api.answer.grant = false;
    const { input, container } = await openSettings(api);
    add(input, '*.mcas.ms');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(t('custom_refused', { host: '*.mcas.ms' })));
    const row = () => container.querySelector('[data-custom-host="*.mcas.ms"]')!;
    await waitFor(() => expect(row().getAttribute('data-granted')).toBe('no'));
    expect(row().textContent).toContain(t('custom_state_missing'));
    api.answer.grant = true;
    fireEvent.click(screen.getByRole('button', { name: t('custom_allow', { host: '*.mcas.ms' }) }));
    await waitFor(() => expect(row().getAttribute('data-granted')).toBe('yes'));
  });

  it.each([
    ['', 'custom_error_empty'],
    ['localhost', 'custom_error_invalid'],
    ['<script>alert(1)</script>', 'custom_error_invalid'],
    ['*.com', 'custom_error_too_broad'],
    ['*.github.io', 'custom_error_too_broad'],
    ['azurewebsites.net', 'custom_error_too_broad'],
    ['contoso.crm.dynamics.com', 'custom_error_built_in'],
  ])('refuses %j with a clear message and asks the browser nothing', async (value, key) => {
    const api = fakeApi(undefined, null);
    const { input } = await openSettings(api);
    add(input, value);
    expect((await screen.findByRole('alert')).textContent).toBe(t(key));
    expect(api.requests).toEqual([]);
    expect(api.store.customHosts).toBeUndefined();
  });

  it('says so and asks the browser nothing when the background does not answer the public-suffix check', async () => {
    const api = { ...fakeApi(undefined, null), publicSuffixes: () => Promise.reject(new Error('no receiver')) };
    const { input } = await openSettings(api);
    add(input, 'crm.contoso.com');
    expect((await screen.findByRole('alert')).textContent).toBe(t('custom_error_no_check'));
    expect(api.requests).toEqual([]);
    expect(api.store.customHosts).toBeUndefined();
  });

  it('removes a domain and gives its access back', async () => {
    const api = fakeApi(undefined, null, {
      customHosts: { version: 1, hosts: [{ host: 'crm.contoso.com', app: 'dynamics', addedAt: 1 }] },
    });
    api.granted.add('https://crm.contoso.com/*');
    const { container } = await openSettings(api);
    await waitFor(() => expect(container.querySelector('[data-custom-host="crm.contoso.com"]')?.getAttribute('data-granted')).toBe('yes'));
    fireEvent.click(screen.getByRole('button', { name: t('custom_remove', { host: 'crm.contoso.com' }) }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(t('custom_removed', { host: 'crm.contoso.com' })));
    expect(api.granted.size).toBe(0);
    expect(api.store.customHosts).toEqual({ version: 1, hosts: [] });
    expect(container.querySelector('[data-custom-host]')).toBeNull();
  });

  it("lists the administrator's domains first, locked: they can be allowed, not removed", async () => {
    const managed = {
      customDomains: [
        { host: '*.mcas.ms', app: 'salesforce' },
        { host: '*.com', app: 'dynamics' },
        { host: '*.github.io', app: 'dynamics' },
        { host: 'crm.contoso.com', app: 'sap' },
      ],
    };
    const api = fakeApi(
      undefined,
      null,
      {
        customHosts: {
          version: 1,
          hosts: [
            { host: 'crm.fabrikam.com', app: 'dynamics', addedAt: 1 },
            { host: '*.mcas.ms', app: 'dynamics', addedAt: 2 },
          ],
        },
      },
      managed,
    );
    const { container } = await openSettings(api);
    const rows = () => [...container.querySelectorAll<HTMLElement>('[data-custom-host]')];
    await waitFor(() => expect(rows().map((r) => r.dataset.customHost)).toEqual(['*.mcas.ms', 'crm.fabrikam.com']));
    const admin = rows()[0]!;
    expect(admin.dataset.locked).toBe('admin');
    expect(admin.textContent).toContain(t('settings_locked'));
    expect(admin.textContent).toContain(t('app_salesforce'));
    expect(within(admin).queryByRole('button', { name: t('custom_remove', { host: '*.mcas.ms' }) })).toBeNull();
    expect(within(rows()[1]!).getByRole('button', { name: t('custom_remove', { host: 'crm.fabrikam.com' }) })).toBeTruthy();
    // What the policy lists that cannot be used is said, as text.
    expect(container.querySelector('[data-custom-refused="*.com"]')?.textContent).toBe(t('custom_managed_too_broad', { host: '*.com' }));
    // A public suffix only the background's list knows: refused once it answers.
    await waitFor(() =>
      expect(container.querySelector('[data-custom-refused="*.github.io"]')?.textContent).toBe(
        t('custom_managed_too_broad', { host: '*.github.io' }),
      ),
    );
    expect(container.querySelector('[data-custom-host="*.github.io"]')).toBeNull();
    expect(container.querySelector('[data-custom-refused="crm.contoso.com"]')?.textContent).toBe(
      t('custom_managed_app', { host: 'crm.contoso.com' }),
    );
    // A policy cannot grant access: the user allows it, once.
    fireEvent.click(within(admin).getByRole('button', { name: t('custom_allow', { host: '*.mcas.ms' }) }));
    await waitFor(() => expect(rows()[0]!.getAttribute('data-granted')).toBe('yes'));
    expect(api.requests).toEqual(['https://*.mcas.ms/*']);
    expect(api.store.customHosts).toEqual({
      version: 1,
      hosts: [
        { host: 'crm.fabrikam.com', app: 'dynamics', addedAt: 1 },
        { host: '*.mcas.ms', app: 'dynamics', addedAt: 2 },
      ],
    });
  });

  it("keeps the access of the administrator's domain when adding it again cannot be stored", async () => {
    const api = fakeApi(undefined, null, {}, { customDomains: [{ host: '*.mcas.ms', app: 'salesforce' }] });
    api.save = async () => {
      throw new Error('IO error');
    };
    const { input, container } = await openSettings(api);
    add(input, '*.mcas.ms');
    await waitFor(() => expect(container.querySelector('[data-notice="save-failed"]')).not.toBeNull());
    await waitFor(() => expect(container.querySelector('[data-custom-host="*.mcas.ms"]')?.getAttribute('data-granted')).toBe('yes'));
    expect([...api.granted]).toEqual(['https://*.mcas.ms/*']);
  });

  it("reads a page on the administrator's domain as the app the policy names", async () => {
    const api = fakeApi(
      'https://contoso.my.salesforce.com.mcas.ms/lightning/r/Opportunity/006/view',
      null,
      {},
      { customDomains: [{ host: '*.mcas.ms', app: 'salesforce' }] },
    );
    const { container } = render(<App api={api} t={t} />);
    await waitFor(() => expect(container.querySelector('[data-state="not-read"]')).not.toBeNull());
    expect(container.textContent).toContain(t('popup_notRead', { app: t('app_salesforce') }));
  });

  it('treats a page on a custom domain as the app it serves', async () => {
    const api = fakeApi('https://crm.contoso.com/main.aspx?pagetype=entityrecord&etn=opportunity', [finding], {
      customHosts: { version: 1, hosts: [{ host: 'crm.contoso.com', app: 'dynamics', addedAt: 1 }] },
    });
    const { container } = render(<App api={api} t={t} />);
    await waitFor(() => expect(container.querySelector('[data-state="findings"]')).not.toBeNull());
  });

  it('points to custom domains from any other tab', async () => {
    const { container } = render(<App api={fakeApi('https://crm.contoso.com/', null)} t={t} />);
    await waitFor(() => expect(container.querySelector('[data-state="other-page"]')?.textContent).toContain(t('popup_customHint')));
  });
});

describe('popup: the other tabs load after the first render', () => {
  const t = translator('en');

  it('fetches their code once the page tab is shown, before any click', async () => {
    vi.resetModules();
    const fresh = await import('@/lib/ui/popup/App');
    const lazy = await import('@/lib/ui/popup/lazy');
    expect(lazy.viewsLoaded()).toBe(false);
    const { container } = render(<fresh.App api={api('https://org.crm.dynamics.com/main.aspx', [finding])} t={t} />);
    await screen.findByText(t('popup_group_info', { count: 1 }));
    await waitFor(() => expect(lazy.viewsLoaded()).toBe(true));
    // So a tab opened now shows at once, with no loading line in between.
    fireEvent.click(screen.getByRole('tab', { name: t('popup_tab_troubleshoot') }));
    expect(container.querySelector('[role="tabpanel"] [aria-busy="true"]')).toBeNull();
    expect(screen.getByLabelText(t('ts_search_label'))).toBeTruthy();
  });

  it('shows a loading line on a tab opened before its code is in, then the tab', async () => {
    vi.resetModules();
    const fresh = await import('@/lib/ui/popup/App');
    const { container } = render(<fresh.App api={api(undefined, null)} t={t} />);
    // Opened at once, before the page tab's data (and so the views) could arrive.
    fireEvent.click(screen.getByRole('tab', { name: t('popup_tab_troubleshoot') }));
    expect(container.querySelector('[role="tabpanel"] [aria-busy="true"]')?.textContent).toBe(t('popup_loading'));
    expect(await screen.findByLabelText(t('ts_search_label'))).toBeTruthy();
    expect(container.querySelector('[role="tabpanel"] [aria-busy="true"]')).toBeNull();
  });
});
