import { defineContentScript } from 'wxt/utils/define-content-script';
import { bootContentScript } from '@/lib/content/boot';
import { contentMatches } from '@/lib/knowledge/hosts';
import { readDynamics } from '@/lib/readers/dynamics';
import { CRM_RULES, ERROR_RULES } from '@/lib/rules';
import { contentEnv } from './_shared/content-env';

export default defineContentScript({
  matches: contentMatches('dynamics'),
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    void bootContentScript(contentEnv(ctx), readDynamics, [...CRM_RULES, ...ERROR_RULES]);
  },
});
