import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/model/finding';
import { App, type PopupApi } from '@/lib/ui/popup/App';
import { LOCALES, translator } from './helpers';

const finding: Finding = {
  rule: 'crm.sync-disabled',
  severity: 'info',
  field: 'syncWithPartnerCenter',
  messageKey: 'crm_sync_disabled_info',
  params: {},
  fixSteps: ['crm_sync_disabled_fix1', 'crm_sync_disabled_fix2'],
  source: 'FAQ R3',
};

export function fakeApi(url: string | undefined, findings: Finding[] | null, store: Record<string, unknown> = {}, managed: unknown = {}): PopupApi & { store: Record<string, unknown>; copied: string[] } {
  const copied: string[] = [];
  return {
    store,
    copied,
    activeTab: async () => ({ id: 5, url }),
    tabState: async () => (findings ? { url: url ?? '', findings, at: 1 } : null),
    load: async (k) => store[k],
    save: async (k, v) => void (store[k] = v),
    managed: async () => managed,
    onChanged: () => () => undefined,
    copy: async (text) => void copied.push(text),
    version: '0.1.0',
  };
}
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
    expect(container.querySelector('ol li')!.textContent).toBe(t('crm_sync_disabled_fix1'));
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
});
