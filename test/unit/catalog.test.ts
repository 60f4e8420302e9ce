import { DISMISSED_KEY } from '@/lib/model/dismissals';
import { describe, expect, it, vi } from 'vitest';
import { asCatalog, buildCatalog, catalogGetter } from '@/lib/i18n/catalog';
import type { MessageKey } from '@/lib/i18n/keys';
import { bootContentScript, type ContentEnv } from '@/lib/content/boot';
import { readDynamics } from '@/lib/readers/dynamics';
import { RULES } from '@/lib/rules';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { loadFixture, messages } from './helpers';

const ja = messages('ja');
const jaGet = (key: string) => (key === '@@ui_locale' ? 'ja' : (ja[key]?.message ?? ''));

describe('message catalogue', () => {
  it('reads every key once, with the UI locale', () => {
    const get = vi.fn(jaGet);
    const catalog = buildCatalog(Object.keys(ja) as MessageKey[], get);
    expect(get).toHaveBeenCalledTimes(Object.keys(ja).length + 1);
    expect(catalog['@@ui_locale']).toBe('ja');
    expect(catalog.crm_sync_disabled_info).toBe(ja.crm_sync_disabled_info!.message);
  });

  it('answers from the catalogue only: a key it lacks is "" (as getMessage), never a request to the browser', () => {
    const fallback = vi.fn(() => 'asked');
    const get = catalogGetter(asCatalog({ '@@ui_locale': 'fr', a: 'A' }), fallback);
    expect(get('a')).toBe('A');
    expect(get('missing_one')).toBe('');
    expect(get('toString')).toBe('');
    expect(get('__proto__')).toBe('');
    expect(fallback).not.toHaveBeenCalled();
  });

  it('takes nothing but a plain object of strings that names its locale; otherwise the browser answers', () => {
    const fallback = vi.fn(() => 'asked');
    for (const bad of [
      null,
      undefined,
      'x',
      3,
      [],
      ['@@ui_locale'],
      { a: 'A' },
      { '@@ui_locale': 'en', a: 1 },
      { '@@ui_locale': 'en', a: { toString: () => 'x' } },
    ]) {
      expect(asCatalog(bad), JSON.stringify(bad)).toBeNull();
      expect(catalogGetter(asCatalog(bad), fallback)('a')).toBe('asked');
    }
    // A hostile key cannot reach the object's prototype.
    const parsed = asCatalog(JSON.parse('{"@@ui_locale":"en","__proto__":"p","a":"A"}'))!;
    expect(Object.getPrototypeOf(parsed)).toBeNull();
    expect(catalogGetter(parsed, fallback)('__proto__')).toBe('p');
  });
});

describe('content script start-up', () => {
  function env(start: () => Promise<unknown>, overrides: Partial<ContentEnv> = {}) {
    const fx = loadFixture('dynamics', 'opportunity-sync-on-fr');
    const ac = new AbortController();
    const getMessage = vi.fn(jaGet);
    const loadSettings = vi.fn(async () => ({ ...DEFAULT_SETTINGS }));
    const e: ContentEnv = {
      doc: fx.doc,
      signal: ac.signal,
      getMessage,
      start,
      loadSettings,
      sendMessage: async () => undefined,
      onSettingsChanged: () => undefined,
      onLocationChange: () => undefined,
      ...overrides,
    };
    return { e, fx, ac, getMessage, loadSettings };
  }
  const hintText = async (doc: Document) => {
    for (let i = 0; i < 20 && !doc.querySelector('cosell-hint'); i++) await new Promise((ok) => setTimeout(ok, 20));
    return doc.querySelector('cosell-hint')?.shadowRoot?.querySelector('.msg')?.textContent;
  };

  it("shows the hint in the catalogue's language without calling the browser's getMessage", async () => {
    const catalog = buildCatalog(Object.keys(ja) as MessageKey[], jaGet);
    const { e, fx, ac, getMessage, loadSettings } = env(async () => ({ settings: DEFAULT_SETTINGS, messages: catalog }));
    await bootContentScript(e, readDynamics, RULES);
    expect(await hintText(fx.doc)).toBe(ja.crm_not_yet_synced_msg!.message);
    expect(getMessage).not.toHaveBeenCalled();
    expect(loadSettings).not.toHaveBeenCalled();
    ac.abort();
  });

  it('falls back to the settings question and getMessage when the start answer is missing or malformed', async () => {
    for (const answer of [undefined, null, 'garbage', { settings: null, messages: { a: 1 } }]) {
      const { e, fx, ac, getMessage } = env(async () => answer);
      await bootContentScript(e, readDynamics, RULES);
      expect(await hintText(fx.doc), JSON.stringify(answer)).toBe(ja.crm_not_yet_synced_msg!.message);
      expect(getMessage).toHaveBeenCalled();
      ac.abort();
    }
    const { e, fx, ac } = env(() => Promise.reject(new Error('no background')));
    await bootContentScript(e, readDynamics, RULES);
    expect(await hintText(fx.doc)).toBe(ja.crm_not_yet_synced_msg!.message);
    ac.abort();
  });

  it('keeps a dismissed hint dismissed after a reload (per record and rule, in local storage), and brings it back on undo', async () => {
    const stored = new Map<string, unknown>();
    const local = { get: async (k: string) => stored.get(k), set: async (k: string, v: unknown) => void stored.set(k, v) };
    const boot = async () => {
      const { e, fx, ac } = env(async () => ({ settings: DEFAULT_SETTINGS }), { local });
      await bootContentScript(e, readDynamics, RULES);
      await hintText(fx.doc);
      return { fx, ac, root: () => fx.doc.querySelector('cosell-hint')?.shadowRoot ?? null };
    };
    const first = await boot();
    (first.root()!.querySelector('button.dismiss, button.dismiss-text') as HTMLButtonElement).click();
    first.ac.abort();
    expect(stored.get(DISMISSED_KEY)).toEqual([[expect.stringMatching(/\|crm\.not-yet-synced\|referralId$/), expect.any(Number)]]);
    const again = await boot();
    await new Promise((ok) => setTimeout(ok, 100));
    expect(again.root()).toBeNull();
    again.ac.abort();
    // Undo, before the reload: it is back, and stays back.
    stored.clear();
    const third = await boot();
    (third.root()!.querySelector('button.dismiss, button.dismiss-text') as HTMLButtonElement).click();
    (third.root()!.querySelector('button.undo') as HTMLButtonElement).click();
    expect(third.root()!.querySelector('[data-rule="crm.not-yet-synced"]')).not.toBeNull();
    expect(stored.get(DISMISSED_KEY)).toEqual([]);
    third.ac.abort();
  });
});
