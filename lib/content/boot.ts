/**
 * Wires a reader into a content script. Browser APIs come in as arguments, so this stays
 * testable and free of `browser.*` imports.
 */
import { createTranslator } from '../i18n';
import { FindingsReport } from '../model/messages';
import { parseSettings } from '../model/settings';
import type { Reader } from '../readers/types';
import { startRunner } from './runner';

export interface ContentEnv {
  doc: Document;
  signal: AbortSignal;
  getMessage: (key: string) => string;
  sendMessage: (msg: FindingsReport) => Promise<unknown>;
  /** Resolves with the stored settings (unvalidated). */
  loadSettings: () => Promise<unknown>;
  /** Calls back when stored settings change. */
  onSettingsChanged: (cb: () => void) => void;
  /** Calls back on same-document (SPA) navigation. */
  onLocationChange: (cb: () => void) => void;
}

export async function bootContentScript(env: ContentEnv, read: Reader): Promise<void> {
  let settings = parseSettings(await env.loadSettings().catch(() => undefined)).settings;
  if (env.signal.aborted) return;
  const runner = startRunner({
    doc: env.doc,
    read,
    settings: () => settings,
    t: createTranslator(env.getMessage),
    signal: env.signal,
    report: ({ url, findings }) => {
      // The background may be restarting or the extension reloaded: never let that reach the page.
      env.sendMessage({ type: 'cosell:findings', url, findings }).catch(() => undefined);
    },
  });
  env.onSettingsChanged(() => {
    env
      .loadSettings()
      .then((raw) => {
        settings = parseSettings(raw).settings;
        runner.schedule();
      })
      .catch(() => undefined);
  });
  env.onLocationChange(() => runner.schedule());
}
