import { defineContentScript } from 'wxt/utils/define-content-script';
import { bootContentScript } from '@/lib/content/boot';
import { paClient } from '@/lib/content/pa-client';
import { contentMatches } from '@/lib/knowledge/hosts';
import { readPowerAutomate } from '@/lib/readers/power-automate';
import { paWant, withPageData } from '@/lib/readers/power-automate/data';
import type { Reader } from '@/lib/readers/types';
import { ERROR_RULES, FLOW_RULES } from '@/lib/rules';
import { Beside } from '@/lib/ui/beside';
import { contentEnv } from './_shared/content-env';

export default defineContentScript({
  matches: contentMatches('power-automate'),
  // The designer also runs inside the /widgets/manage/ frame that Power Apps embeds.
  allFrames: true,
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    // The page-world bridge (pa-bridge.content.ts) answers during each pass with what the page's
    // own API responses said; its pushes (a response the DOM may never show) wake the runner.
    let wake = () => {};
    const pa = paClient(document, ctx.signal, () => wake());
    const read: Reader = (doc, url, settings, hints) => {
      const want = paWant(url);
      return withPageData(readPowerAutomate(doc, url, settings, hints), want && pa.ask(want), url);
    };
    // Step cards on the designer's canvas get their hints beside them (lib/ui/beside.ts).
    void bootContentScript(contentEnv(ctx), read, [...FLOW_RULES, ...ERROR_RULES], {
      beside: (doc) => new Beside(doc),
      onRunner: (schedule) => (wake = schedule),
    });
  },
});
