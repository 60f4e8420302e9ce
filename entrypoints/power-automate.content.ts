import { defineContentScript } from 'wxt/utils/define-content-script';
import { bootContentScript } from '@/lib/content/boot';
import { matchPatterns } from '@/lib/knowledge/hosts';
import { readPowerAutomate } from '@/lib/readers/power-automate';
import { ERROR_RULES, FLOW_RULES } from '@/lib/rules';
import { contentEnv } from './_shared/content-env';

export default defineContentScript({
  matches: matchPatterns('power-automate'),
  // The designer also runs inside the /widgets/manage/ frame that Power Apps embeds.
  allFrames: true,
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    void bootContentScript(contentEnv(ctx), readPowerAutomate, [...FLOW_RULES, ...ERROR_RULES]);
  },
});
