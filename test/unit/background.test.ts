import { createFailureLog } from '@/lib/background/failures';
import { describe, expect, it, vi } from 'vitest';
import { createTabStore, type StorageArea } from '@/lib/background/tabs';
import { readTabState } from '@/lib/model/state';
import type { Finding } from '@/lib/model/finding';

function memoryArea(): StorageArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (k) => (k in data ? { [k]: data[k] } : {}),
    set: async (items) => void Object.assign(data, items),
    remove: async (k) => void delete data[k],
  };
}

const finding = (severity: Finding['severity']): Finding => ({
  rule: 'crm.sync-disabled',
  severity,
  messageKey: 'k',
  params: {},
  fixSteps: [],
  source: 'FAQ R3',
});

describe('background tab store', () => {
  it('keeps findings per tab, shows the error count on the badge, and answers the popup', async () => {
    const area = memoryArea();
    const badge = { set: vi.fn() };
    const store = createTabStore(area, badge);
    await store.handle(
      { type: 'cosell:findings', url: 'https://x.crm.dynamics.com/', findings: [finding('error'), finding('error'), finding('info')] },
      7,
    );
    expect(badge.set).toHaveBeenLastCalledWith(7, '2');
    const state = await readTabState(area, 7);
    expect(state).toMatchObject({
      url: 'https://x.crm.dynamics.com/',
      findings: [{ severity: 'error' }, { severity: 'error' }, { severity: 'info' }],
    });
    await store.handle({ type: 'cosell:findings', url: 'https://x.crm.dynamics.com/', findings: [finding('warning')] }, 7);
    expect(badge.set).toHaveBeenLastCalledWith(7, '');
  });

  it('counts a problem once on the badge: errors another finding explains go with their cause', async () => {
    const badge = { set: vi.fn() };
    const store = createTabStore(memoryArea(), badge);
    await store.handle(
      {
        type: 'cosell:findings',
        url: 'u',
        findings: [finding('error'), { ...finding('error'), rule: 'crm.sync-failed-mark', cause: 'crm.sync-disabled' }],
      },
      5,
    );
    expect(badge.set).toHaveBeenLastCalledWith(5, '1');
  });

  it('survives a service-worker restart (state lives in storage, not memory)', async () => {
    const area = memoryArea();
    await createTabStore(area, { set: () => undefined }).handle({ type: 'cosell:findings', url: 'u', findings: [finding('info')] }, 3);
    // A new worker adds a frame's report to what the old one stored, and sets the badge from both.
    const badge = { set: vi.fn() };
    await createTabStore(area, badge).handle({ type: 'cosell:findings', url: 'u/frame', findings: [finding('error')] }, 3, 4);
    expect(await readTabState(area, 3)).toMatchObject({ url: 'u', findings: [{ severity: 'info' }, { severity: 'error' }] });
    expect(badge.set).toHaveBeenLastCalledWith(3, '1');
  });

  it('when session storage is full, still sets the badge and answers the popup from memory', async () => {
    const area = memoryArea();
    area.set = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    const badge = { set: vi.fn() };
    const store = createTabStore(area, badge);
    await store.handle(
      {
        type: 'cosell:findings',
        url: 'https://x.crm.dynamics.com/',
        findings: [finding('error')],
        failures: { read: 0, rules: 1, render: 0 },
      },
      5,
    );
    expect(badge.set).toHaveBeenLastCalledWith(5, '1');
    expect(await readTabState(area, 5)).toBeNull();
    // Only an extension page (no sender tab) is answered.
    expect(await store.handle({ type: 'cosell:tab-state', tabId: 5 }, 9)).toBeUndefined();
    expect(await store.handle({ type: 'cosell:tab-state', tabId: 5 }, undefined)).toMatchObject({
      unstored: true,
      findings: [{ severity: 'error' }],
      failures: { rules: 1 },
    });
    expect(await store.handle({ type: 'cosell:tab-state', tabId: 6 }, undefined)).toBeNull();
  });

  it('ignores malformed messages and corrupt stored state', async () => {
    const area = memoryArea();
    const store = createTabStore(area, { set: () => undefined });
    expect(await store.handle({ type: 'cosell:findings', url: 1 }, 1)).toBeUndefined();
    expect(await store.handle('hello', 1)).toBeUndefined();
    expect(await store.handle({ type: 'cosell:findings', url: 'u', findings: [] }, undefined)).toBeUndefined();
    area.data['tab:9'] = { frames: { 0: { url: 'u', findings: 'garbage' } } };
    expect(await readTabState(area, 9)).toBeNull();
  });

  it("merges the findings of a tab's frames (a designer embedded in Power Apps) and starts over on a new top page", async () => {
    const area = memoryArea();
    const badge = { set: vi.fn() };
    const store = createTabStore(area, badge);
    await store.handle({ type: 'cosell:findings', url: 'https://make.powerapps.com/x', findings: [] }, 2, 0);
    await store.handle(
      { type: 'cosell:findings', url: 'https://make.powerautomate.com/widgets/manage/y', findings: [finding('error'), finding('info')] },
      2,
      5,
    );
    expect(await readTabState(area, 2)).toMatchObject({
      url: 'https://make.powerapps.com/x',
      findings: [{ severity: 'error' }, { severity: 'info' }],
    });
    expect(badge.set).toHaveBeenLastCalledWith(2, '1');
    await store.handle({ type: 'cosell:findings', url: 'https://make.powerapps.com/other', findings: [] }, 2, 0);
    expect(await readTabState(area, 2)).toMatchObject({ url: 'https://make.powerapps.com/other', findings: [] });
    expect(badge.set).toHaveBeenLastCalledWith(2, '');
  });

  it("drops a frame's findings when its document goes, not those of a newer document in that frame", async () => {
    const area = memoryArea();
    const badge = { set: vi.fn() };
    const store = createTabStore(area, badge);
    const designer = { type: 'cosell:findings', url: 'https://make.powerautomate.com/widgets/manage/y', findings: [finding('error')] };
    await store.handle({ type: 'cosell:findings', url: 'https://make.powerapps.com/x', findings: [finding('info')] }, 2, 0, 'top');
    await store.handle(designer, 2, 5, 'doc-a');
    expect(badge.set).toHaveBeenLastCalledWith(2, '1');
    // The frame navigated: its new document reported before the old one's port closed.
    await store.handle(designer, 2, 5, 'doc-b');
    await store.gone(2, 5, 'doc-a');
    expect((await readTabState(area, 2))?.findings).toHaveLength(2);
    // The page removed the frame (its pagehide message, then its port closing): only the top's findings are left.
    expect(await store.handle({ type: 'cosell:gone' }, 2, 5, 'doc-b')).toBeNull();
    await store.gone(2, 5, 'doc-b');
    expect(await readTabState(area, 2)).toMatchObject({ url: 'https://make.powerapps.com/x', findings: [{ severity: 'info' }] });
    expect(badge.set).toHaveBeenLastCalledWith(2, '');
    // A page cannot ask about other tabs' frames: the message names no tab, the sender's is used.
    expect(await store.handle({ type: 'cosell:gone' }, undefined, 0)).toBeNull();
    expect(await readTabState(area, 2)).not.toBeNull();
  });

  it('lets the popup read a tab straight from storage: frames merged, null for nothing or garbage', async () => {
    const area = memoryArea();
    const store = createTabStore(area, { set: () => undefined });
    await store.handle({ type: 'cosell:findings', url: 'https://make.powerapps.com/x', findings: [finding('info')] }, 4, 0);
    await store.handle(
      { type: 'cosell:findings', url: 'https://make.powerautomate.com/widgets/manage/y', findings: [finding('error')] },
      4,
      3,
    );
    expect(await readTabState(area, 4)).toMatchObject({
      url: 'https://make.powerapps.com/x',
      findings: [{ severity: 'info' }, { severity: 'error' }],
    });
    expect(await readTabState(area, 5)).toBeNull();
    area.data['tab:6'] = { frames: { 0: { url: 'u', findings: '<img src=x onerror=alert(1)>' } } };
    expect(await readTabState(area, 6)).toBeNull();
  });

  it('forgets a closed tab', async () => {
    const area = memoryArea();
    const badge = { set: vi.fn() };
    const store = createTabStore(area, badge);
    await store.handle({ type: 'cosell:findings', url: 'u', findings: [finding('error')] }, 4);
    await store.forget(4);
    expect(area.data).toEqual({});
    expect(badge.set).toHaveBeenLastCalledWith(4, '');
  });
});

describe('failure log', () => {
  it('counts each failed write by where it happened, and logs it', async () => {
    const logged: string[] = [];
    const failed = createFailureLog((where) => logged.push(where));
    await Promise.reject(new Error('no tab')).catch(failed.at('badge'));
    await Promise.reject(new Error('quota')).catch(failed.at('sightings'));
    await Promise.reject(new Error('no tab')).catch(failed.at('badge'));
    expect(failed.counts()).toEqual({ badge: 2, sightings: 1 });
    expect(logged).toEqual(['badge', 'sightings', 'badge']);
  });
});
