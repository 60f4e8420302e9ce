import { defineContentScript } from 'wxt/utils/define-content-script';
import { bootContentScript } from '@/lib/content/boot';
import { contentMatches } from '@/lib/knowledge/hosts';
import { readPowerAutomate } from '@/lib/readers/power-automate';
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
    // Step cards on the designer's canvas get their hints beside them (lib/ui/beside.ts).
    void bootContentScript(contentEnv(ctx), readPowerAutomate, [...FLOW_RULES, ...ERROR_RULES], { beside: (doc) => new Beside(doc) });
  },
});
