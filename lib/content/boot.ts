/**
 * Wires a reader into a content script. Browser APIs come in as arguments, so this stays
 * testable and free of `browser.*` imports.
 */
import { createTranslator } from '../i18n';
import { asCatalog, catalogGetter } from '../i18n/catalog';
import { FindingsReport } from '../model/messages';
import { DEFAULT_SETTINGS } from '../model/defaults';
import type { Settings } from '../model/settings';
import type { Reader } from '../readers/types';
import type { Rule } from '../rules/types';
import type { Beside } from '../ui/beside';
import { revealHint, type RevealTarget } from './reveal';
import { startRunner } from './runner';
import { pageStructure } from '../readers/structure';
import { DISMISSED_KEY, addDismissed, parseDismissed, removeDismissed } from '../model/dismissals';
import { memoryDismissals, type DismissStore } from '../ui/layer';

export interface ContentEnv {
  doc: Document;
  signal: AbortSignal;
  /** False once the extension was reloaded or updated under this page (and `signal` is then aborted). */
  alive?: () => boolean;
  /** The browser's own message lookup; used only when the background sent no catalogue. */
  getMessage: (key: string) => string;
  /** Asks the background for `{ settings, messages }` at start-up (see ../i18n/catalog.ts). */
  start: () => Promise<unknown>;
  sendMessage: (msg: FindingsReport) => Promise<unknown>;
  /** Resolves with the effective settings, validated by the background. */
  loadSettings: () => Promise<Settings | null | undefined>;
  /** Calls back when stored settings change. */
  onSettingsChanged: (cb: () => void) => void;
  /** Calls back on same-document (SPA) navigation. */
  onLocationChange: (cb: () => void) => void;
  /** Calls back when the popup asks to show a finding's hint; the callback says whether it did. */
  onReveal?: (cb: (target: RevealTarget) => boolean) => void;
  /** Answers the popup's request for the page's structure with what `answer` gives. */
  onStructureRequest?: (answer: () => string) => void;
  /** The extension's local storage (dismissed hints); without it they last as long as the page. */
  local?: { get(key: string): Promise<unknown>; set(key: string, value: unknown): Promise<void> };
}

/** What an app's script adds to the shared runner: the designer's hints beside cards, for Power Automate. */
export interface BootOptions {
  beside?: (doc: Document) => Beside;
  /** Gets the runner's `schedule`, for news that comes without a DOM change (the Xrm bridge's push). */
  onRunner?: (schedule: () => void) => void;
}

export async function bootContentScript(env: ContentEnv, read: Reader, rules: readonly Rule[], options: BootOptions = {}): Promise<void> {
  const load = async (): Promise<Settings> => (await env.loadSettings().catch(() => null)) ?? DEFAULT_SETTINGS;
  // One answer at start: the settings (validated by the background) and the message catalogue.
  // Anything else (no answer, a background that does not know the question) falls back to the
  // settings question alone and the browser's own message lookup.
  const [first, dismissed] = await Promise.all([env.start().catch(() => null) as Promise<unknown>, loadDismissals(env)]);
  const answered = typeof first === 'object' && first !== null && 'settings' in first;
  let settings = answered ? ((first.settings as Settings | null) ?? DEFAULT_SETTINGS) : await load();
  const messages = answered && 'messages' in first ? asCatalog(first.messages) : null;
  if (env.signal.aborted) return;
  const runner = startRunner({
    doc: env.doc,
    read,
    rules,
    settings: () => settings,
    t: createTranslator(catalogGetter(messages, env.getMessage)),
    signal: env.signal,
    alive: env.alive,
    beside: options.beside?.(env.doc),
    dismissals: dismissed,
    report: (r) => {
      // The background may be restarting or the extension reloaded: never let that reach the page.
      env.sendMessage({ type: 'cosell:findings', ...r }).catch(() => undefined);
    },
  });
  options.onRunner?.(() => runner.schedule());
  env.onStructureRequest?.(() => pageStructure(env.doc.body));
  env.onSettingsChanged(() => {
    void load().then((next) => {
      settings = next;
      runner.schedule();
    });
  });
  env.onLocationChange(() => runner.schedule());
  env.onReveal?.((target) => revealHint(env.doc, target));
}

/**
 * Dismissed hints as stored (../model/dismissals.ts): read once at start, written on each change.
 * A failed read or write keeps them for the page only; the page never sees an error of ours.
 */
async function loadDismissals(env: ContentEnv): Promise<DismissStore> {
  const local = env.local;
  if (!local) return memoryDismissals();
  let list = parseDismissed(await local.get(DISMISSED_KEY).catch(() => null));
  let keys = new Set(list.map(([k]) => k));
  const save = (next: typeof list) => {
    list = next;
    keys = new Set(list.map(([k]) => k));
    void local.set(DISMISSED_KEY, list).catch(() => undefined);
  };
  return {
    has: (key) => keys.has(key),
    add: (added) => save(addDismissed(list, added, Date.now())),
    remove: (removed) => save(removeDismissed(list, removed)),
  };
}
