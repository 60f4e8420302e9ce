/**
 * The hosts the extension reads, per app (knowledge/dom.md §1). This list is the single source for
 * the content-script match patterns, the manifest's host permissions, the manifest test and the
 * browser tests' host-resolver rules. Nothing outside these hosts is ever read.
 */
export type AppId = 'power-automate' | 'partner-center' | 'dynamics' | 'salesforce';

/** Dataverse clusters: crm (NAM) … crm22 (SWE). crm10 is Microsoft's internal test ring and is left out. */
const DYNAMICS_CLUSTERS = ['crm', 'crm2', 'crm3', 'crm4', 'crm5', 'crm6', 'crm7', 'crm8', 'crm9', 'crm11', 'crm12', 'crm14', 'crm15', 'crm16', 'crm17', 'crm19', 'crm20', 'crm21', 'crm22'];

export const APP_HOSTS: Record<AppId, readonly string[]> = {
  'power-automate': [
    'make.powerautomate.com', // commercial
    'make.preview.powerautomate.com', // preview ring
    'flow.microsoft.com', // legacy name the co-sell docs still link
    'make.powerapps.com', // Power Apps maker embeds the designer (/widgets/manage/)
    'make.preview.powerapps.com',
    'make.gov.powerautomate.us', // US Gov GCC
    'gov.flow.microsoft.us',
    'make.gov.powerapps.us',
    'make.high.powerautomate.us', // US Gov GCC High
    'high.flow.microsoft.us',
  ],
  'partner-center': ['partner.microsoft.com'],
  dynamics: [
    ...DYNAMICS_CLUSTERS.map((c) => `*.${c}.dynamics.com`),
    '*.crm.microsoftdynamics.us', // GCC High
    '*.crm.appsplatform.us', // DoD
    '*.crm.dynamics.cn', // China (21Vianet)
    '*.crm.microsoftdynamics.de', // legacy Germany
  ],
  salesforce: [
    '*.lightning.force.com', // also {domain}--{sbx}.sandbox., .develop., .scratch. …
    '*.my.salesforce.com', // also sandbox and Developer Edition forms
    '*.lightning.force.mil', // Government Cloud Plus (Defense)
    '*.lightning.crmforce.mil',
  ],
};

export const matchPatterns = (app: AppId): string[] => APP_HOSTS[app].map((h) => `https://${h}/*`);

export const ALL_MATCH_PATTERNS: string[] = (Object.keys(APP_HOSTS) as AppId[]).flatMap(matchPatterns);

/** Which app a host belongs to (used by the popup to say what a tab is). */
export function appForHost(host: string): AppId | null {
  const h = host.toLowerCase();
  for (const app of Object.keys(APP_HOSTS) as AppId[]) {
    for (const pattern of APP_HOSTS[app]) {
      if (pattern.startsWith('*.') ? h.endsWith(pattern.slice(1)) && h.length > pattern.length - 1 : h === pattern) return app;
    }
  }
  return null;
}
