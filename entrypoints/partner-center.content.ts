import { defineContentScript } from 'wxt/utils/define-content-script';
import { bootContentScript } from '@/lib/content/boot';
import { contentMatches } from '@/lib/knowledge/hosts';
import { readPartnerCenter } from '@/lib/readers/partner-center';
import { PC_RULES } from '@/lib/rules';
import { contentEnv } from './_shared/content-env';

export default defineContentScript({
  matches: contentMatches('partner-center'),
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    void bootContentScript(contentEnv(ctx), readPartnerCenter, PC_RULES);
  },
});
