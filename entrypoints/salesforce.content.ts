import { defineContentScript } from 'wxt/utils/define-content-script';
import { bootContentScript } from '@/lib/content/boot';
import { contentMatches } from '@/lib/knowledge/hosts';
import { readSalesforce } from '@/lib/readers/salesforce';
import { CRM_RULES, ERROR_RULES } from '@/lib/rules';
import { contentEnv } from './_shared/content-env';

export default defineContentScript({
  matches: contentMatches('salesforce'),
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    void bootContentScript(contentEnv(ctx), readSalesforce, [...CRM_RULES, ...ERROR_RULES]);
  },
});
