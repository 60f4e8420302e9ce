/**
 * Browser wiring shared by the four content scripts (not an entrypoint: WXT only picks up
 * `*.content.ts`, `index.*` and top-level files). Everything with logic lives in lib/.
 */
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ContentEnv } from '@/lib/content/boot';
import { anyKey } from '@/lib/i18n/keys';
import { revealTarget } from '@/lib/content/reveal';
import type { FindingsReport } from '@/lib/model/messages';
import { POLICY_SEEN_KEY, SETTINGS_KEY } from '@/lib/model/keys';
import type { PageStructureQuery } from '@/lib/model/messages';

export function contentEnv(ctx: ContentScriptContext): ContentEnv {
  // When the extension is reloaded or updated under an open tab, this script is orphaned: reading
  // `ctx.isInvalid` then aborts `ctx.signal`, and the runner removes its hints and stops. Checked
  // before every pass, when the user comes back to the tab, and when the background's port closes.
  const alive = () => !ctx.isInvalid;
  // WXT stops an older copy of this script when a newer one dispatches its "started" event, but a
  // page can dispatch it too (the name holds only our public ID). A newer copy exists only after an
  // update, which invalidates this one first: while we are valid, the event is not ours to obey.
  window.addEventListener(
    // Private in WXT's types, public at run time: the very name WXT listens for.
    (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE,
    (e) => {
      if (alive()) e.stopImmediatePropagation();
    },
    { capture: true, signal: ctx.signal },
  );
  for (const type of ['visibilitychange', 'focus', 'pointerdown'] as const)
    ctx.addEventListener(type === 'visibilitychange' ? document : window, type, alive, { capture: true, passive: true });
  // The port closes before the context is marked invalid: look again a moment later. Its closing
  // also tells the background that this document is gone (a frame the page removed).
  const connect = () => {
    try {
      browser.runtime.connect({ name: 'cosell:alive' }).onDisconnect.addListener(() => {
        if (alive()) ctx.setTimeout(alive, 500);
      });
    } catch {
      alive();
    }
  };
  connect();
  // Leaving the page (removed, navigated, or into the back-forward cache) takes our findings off the
  // tab's; coming back from that cache says them again.
  let last: FindingsReport | null = null;
  const send = (msg: unknown) => (ctx.isInvalid ? Promise.resolve() : browser.runtime.sendMessage(msg));
  ctx.addEventListener(window, 'pagehide', () => void send({ type: 'cosell:gone' }).catch(() => undefined));
  ctx.addEventListener(window, 'pageshow', (e) => {
    if (!(e as PageTransitionEvent).persisted || !alive()) return;
    connect();
    if (last) void send(last).catch(() => undefined);
  });
  return {
    doc: document,
    signal: ctx.signal,
    alive,
    getMessage: anyKey(browser.i18n),
    sendMessage: async (msg) => {
      if (ctx.isInvalid) return; // extension reloaded or updated under this tab: go quiet
      last = msg;
      return browser.runtime.sendMessage(msg);
    },
    start: async () => (ctx.isInvalid ? null : browser.runtime.sendMessage({ type: 'cosell:start' })),
    loadSettings: async () => (ctx.isInvalid ? null : browser.runtime.sendMessage({ type: 'cosell:get-settings' })),
    onSettingsChanged: (cb) => {
      const listener = (changes: Record<string, unknown>, area: string) => {
        // POLICY_SEEN_KEY: the administrator's policy, once the browser has loaded it (lib/background/policy.ts).
        if ((area === 'local' && (SETTINGS_KEY in changes || POLICY_SEEN_KEY in changes)) || area === 'managed') cb();
      };
      browser.storage.onChanged.addListener(listener);
      ctx.onInvalidated(() => browser.storage.onChanged.removeListener(listener));
    },
    onLocationChange: (cb) => ctx.addEventListener(window, 'wxt:locationchange', cb),
    onStructureRequest: (answer) => {
      // Only the popup asks (an extension page: no sender tab); the top frame answers. No zod here.
      const asked = (msg: unknown) => (msg as Partial<PageStructureQuery> | null)?.type === 'cosell:page-structure';
      const listener = (msg: unknown, sender: { id?: string; tab?: unknown }) =>
        window === window.top && sender.id === browser.runtime.id && !sender.tab && asked(msg) ? Promise.resolve(answer()) : undefined;
      browser.runtime.onMessage.addListener(listener);
      ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
    },
    onReveal: (cb) => {
      const listener = (msg: unknown, sender: { id?: string }, answer: (shown: boolean) => void) => {
        const target = sender.id === browser.runtime.id ? revealTarget(msg) : null;
        // Only the frame that shows the hint answers (at once); the others leave the question to it.
        if (target && cb(target)) answer(true);
        return undefined;
      };
      browser.runtime.onMessage.addListener(listener);
      ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
    },
    local: {
      get: async (key) => (ctx.isInvalid ? null : (await browser.storage.local.get(key))[key]),
      set: async (key, value) => {
        if (!ctx.isInvalid) await browser.storage.local.set({ [key]: value });
      },
    },
  };
}
