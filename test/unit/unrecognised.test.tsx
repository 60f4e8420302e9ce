/**
 * A page a reader is made for but cannot read: the runner says so, the background keeps it, the
 * popup says "not recognised" and copies the page's structure, leaking nothing of a hostile page.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { createTabStore } from '@/lib/background/tabs';
import { startRunner, type Report } from '@/lib/content/runner';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { readPartnerCenter } from '@/lib/readers/partner-center';
import { readerPage } from '@/lib/readers/recognise';
import { pageStructure } from '@/lib/readers/structure';
import { RULES } from '@/lib/rules';
import { App } from '@/lib/ui/popup/App';
import { fakeApi } from './popup-fake';
import { LOCALES, translator } from './helpers';
import type { PopupApi } from '@/lib/ui/popup/api';

afterEach(cleanup);

const DEAL = 'https://partner.microsoft.com/en-us/dashboard/v2/referrals/v3/cosell/deal/1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a';
const SECRETS = ['Contoso Ltd', 'jane.doe@contoso.com', '1517000', '1,517,000', '+33 6 12 34 56 78', 'Jane Doe', 'Top secret deal'];
/** A deal page in a layout no reader knows, full of what must not leave it. */
const HOSTILE = `<main role="main" id="deal-1517000"><h1>Top secret deal</h1>
  <div data-field="value" data-jane.doe="1" aria-label="Contoso Ltd" title="Jane Doe">EUR 1,517,000</div>
  <label>jane.doe@contoso.com</label><th>Jane Doe</th><input value="Contoso Ltd"><span>+33 6 12 34 56 78</span>
  <div role="columnheader">Contoso Ltd 2031</div><script>var s = "Contoso Ltd"</script></main>`;

function hostilePage(url = DEAL) {
  const w = new Window({ url });
  const doc = w.document as unknown as Document;
  const parsed = new w.DOMParser().parseFromString(`<body>${HOSTILE}</body>`, 'text/html') as unknown as Document;
  doc.body.replaceChildren(...[...parsed.body.childNodes].map((n) => doc.importNode(n, true)));
  return doc;
}

describe('pages a reader is made for', () => {
  it.each([
    [DEAL, true],
    ['https://partner.microsoft.com/dashboard/v2/referrals/v3/cosell/deal/9c8b7a6d', true],
    ['https://partner.microsoft.com/dashboard/home', false],
    ['https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=1', true],
    ['https://contoso.crm.dynamics.com/main.aspx?pagetype=entitylist&etn=opportunity', false],
    ['https://contoso.lightning.force.com/lightning/r/Opportunity/006Dn00000ReAl1AAA/view', true],
    ['https://contoso.lightning.force.com/lightning/o/Opportunity/list', false],
    ['https://make.powerautomate.com/environments/Default-1/flows/abc/details', true],
    ['https://make.powerautomate.com/environments/Default-1/home', false],
  ])('%s: %s', (url, expected) => expect(readerPage(new URL(url))).toBe(expected));

  it('the runner reports a deal page with none of its anchors as not recognised, and a read one as recognised', () => {
    const reports: Report[] = [];
    const ac = new AbortController();
    const doc = hostilePage();
    const runner = startRunner({
      doc,
      read: readPartnerCenter,
      rules: RULES,
      settings: () => DEFAULT_SETTINGS,
      t: translator('en'),
      report: (r) => reports.push(r),
      signal: ac.signal,
      url: () => DEAL,
    });
    runner.pass();
    ac.abort();
    expect(reports.at(-1)).toMatchObject({ url: DEAL, findings: [], unrecognised: true });
  });

  it('the background keeps it only while no reporting frame of the tab was recognised', async () => {
    const data: Record<string, unknown> = {};
    const area = {
      get: async (k: string) => ({ [k]: data[k] }),
      set: async (o: Record<string, unknown>) => void Object.assign(data, o),
      remove: async () => undefined,
    };
    const store = createTabStore(area, { set: () => undefined });
    await store.handle({ type: 'cosell:findings', url: DEAL, findings: [], unrecognised: true }, 3, 0);
    const { readTabState } = await import('@/lib/model/state');
    expect((await readTabState(area, 3))?.unrecognised).toBe(true);
    await store.handle({ type: 'cosell:findings', url: 'https://x.example/frame', findings: [] }, 3, 7);
    expect((await readTabState(area, 3))?.unrecognised).toBeUndefined();
  });
});

describe.each(LOCALES)('popup on a page not recognised (%s)', (locale) => {
  const t = translator(locale);
  it('says so and copies the page structure, which holds none of the page values', async () => {
    const copied: string[] = [];
    const asked: number[] = [];
    const api: PopupApi = {
      ...fakeApi(DEAL, null),
      tabState: async () => ({ url: DEAL, findings: [], at: 1, unrecognised: true }),
      pageStructure: async (tabId: number) => (asked.push(tabId), pageStructure(hostilePage().body)),
      copy: async (text) => void copied.push(text),
    };
    const { container } = render(<App api={api} t={t} />);
    await waitFor(() => expect(container.querySelector('[data-state="unrecognised"]')).not.toBeNull());
    expect(container.textContent).toContain(t('popup_unrecognised', { app: t('app_partner_center') }));
    fireEvent.click(container.querySelector('[data-action="copy-structure"]')!);
    await waitFor(() => expect(copied).toHaveLength(1));
    expect(asked).toEqual([5]);
    const text = copied[0]!;
    expect(text).toContain('main role=main');
    expect(text).toContain('[data-field data-…]');
    for (const s of SECRETS) expect(text).not.toContain(s);
    expect(text).not.toContain('jane');
    expect(text.replace(/\bh[1-6]\b/g, '')).not.toMatch(/\d|@/);
    expect(container.textContent).toContain(t('popup_copyStructure_done'));
  });
});
