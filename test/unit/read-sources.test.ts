import { describe, expect, it } from 'vitest';
import { createTabStore, type StorageArea } from '@/lib/background/tabs';
import { readTabState } from '@/lib/model/state';
import { buildReport } from '@/lib/ui/popup/report';
import { translator } from './helpers';

const memoryArea = (): StorageArea => {
  const data: Record<string, unknown> = {};
  return {
    get: async (k) => ({ [k]: structuredClone(data[k]) }),
    set: async (items) => void Object.assign(data, structuredClone(items)),
    remove: async (k) => void delete data[k],
  };
};
const sources = { xrm: ['closeDate', 'syncWithPartnerCenter'], dom: ['name'] };

describe('where each field was read from', () => {
  it("is kept with the tab's findings, field names only, and a forged list is refused", async () => {
    const area = memoryArea();
    const store = createTabStore(area, { set: () => undefined });
    await store.handle({ type: 'cosell:findings', url: 'https://x.crm.dynamics.com/', findings: [], sources }, 4);
    expect((await readTabState(area, 4))?.sources).toEqual(sources);
    expect(
      await store.handle(
        { type: 'cosell:findings', url: 'u', findings: [], sources: { xrm: ['<b>Contoso</b> jane@contoso.com'], dom: [] } },
        5,
      ),
    ).toBeUndefined();
  });

  it.each([
    ['en', "- Read from: Dynamics' client API: closeDate, syncWithPartnerCenter; the page: name"],
    ['ja', '- 読み取り元：Dynamics のクライアント API：closeDate, syncWithPartnerCenter、画面：name'],
    ['fr', '- Lu depuis\u00a0: l’API client de Dynamics\u00a0: closeDate, syncWithPartnerCenter\u00a0; la page\u00a0: name'],
  ] as const)("is said in the diagnostic report (%s), and not when nothing came from the app's data", (lang, line) => {
    const t = translator(lang);
    const report = (s?: typeof sources) =>
      buildReport({
        t,
        version: '0.1.0',
        now: new Date(0),
        page: { app: 'Dynamics 365', host: 'x.crm.dynamics.com', findings: [], sources: s },
        checklists: null,
      });
    expect(report(sources).split('\n')).toContain(line);
    expect(report({ xrm: [], dom: ['name'] })).not.toContain(t('report_sources'));
    expect(report()).not.toContain(t('report_sources'));
  });
});
