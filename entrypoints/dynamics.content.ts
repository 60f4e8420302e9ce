import { defineContentScript } from 'wxt/utils/define-content-script';
import { bootContentScript } from '@/lib/content/boot';
import { xrmClient } from '@/lib/content/xrm-client';
import { contentMatches } from '@/lib/knowledge/hosts';
import { readDynamics } from '@/lib/readers/dynamics';
import { xrmWant } from '@/lib/readers/dynamics/xrm';
import type { Reader } from '@/lib/readers/types';
import { CRM_RULES, ERROR_RULES } from '@/lib/rules';
import { contentEnv } from './_shared/content-env';

export default defineContentScript({
  matches: contentMatches('dynamics'),
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    // The page-world bridge (xrm-bridge.content.ts) answers during each pass; its pushes wake the runner.
    let wake = () => {};
    const xrm = xrmClient(document, ctx.signal, () => wake());
    const read: Reader = (doc, url, settings, hints) => readDynamics(doc, url, settings, hints, { xrm: xrm.ask(xrmWant(settings)) });
    void bootContentScript(contentEnv(ctx), read, [...CRM_RULES, ...ERROR_RULES], { onRunner: (schedule) => (wake = schedule) });
  },
});
