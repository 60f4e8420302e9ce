/**
 * Wires a reader into a content script. Browser APIs come in as arguments, so this stays
 * testable and free of `browser.*` imports.
 */
import { createTranslator } from '../i18n';
import { FindingsReport } from '../model/messages';
import { DEFAULT_SETTINGS } from '../model/defaults';
import type { Settings } from '../model/settings';
import type { Reader } from '../readers/types';
import type { Rule } from '../rules/types';
import type { Beside } from '../ui/beside';
import { startRunner } from './runner';

export interface ContentEnv {
  doc: Document;
  signal: AbortSignal;
  /** False once the extension was reloaded or updated under this page (and `signal` is then aborted). */
  alive?: () => boolean;
  getMessage: (key: string) => string;
  sendMessage: (msg: FindingsReport) => Promise<unknown>;
  /** Resolves with the effective settings, validated by the background. */
  loadSettings: () => Promise<Settings | null | undefined>;
  /** Calls back when stored settings change. */
  onSettingsChanged: (cb: () => void) => void;
  /** Calls back on same-document (SPA) navigation. */
  onLocationChange: (cb: () => void) => void;
}

/** What an app's script adds to the shared runner: the designer's hints beside cards, for Power Automate. */
export interface BootOptions {
  beside?: (doc: Document) => Beside;
}

export async function bootContentScript(env: ContentEnv, read: Reader, rules: readonly Rule[], options: BootOptions = {}): Promise<void> {
  const load = async (): Promise<Settings> => (await env.loadSettings().catch(() => null)) ?? DEFAULT_SETTINGS;
  let settings = await load();
  if (env.signal.aborted) return;
  const runner = startRunner({
    doc: env.doc,
    read,
    rules,
    settings: () => settings,
    t: createTranslator(env.getMessage),
    signal: env.signal,
    alive: env.alive,
    beside: options.beside?.(env.doc),
    report: (r) => {
      // The background may be restarting or the extension reloaded: never let that reach the page.
      env.sendMessage({ type: 'cosell:findings', ...r }).catch(() => undefined);
    },
  });
  env.onSettingsChanged(() => {
    void load().then((next) => {
      settings = next;
      runner.schedule();
    });
  });
  env.onLocationChange(() => runner.schedule());
}
