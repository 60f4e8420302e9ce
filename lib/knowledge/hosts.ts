/**
 * The hosts the extension reads, per app (docs/real-apps.md, URL shapes). This list is the single source for
 * the content-script match patterns, the manifest's host permissions, the manifest test and the
 * browser tests' host-resolver rules. Nothing outside these hosts is ever read.
 */
export type AppId = 'power-automate' | 'partner-center' | 'dynamics' | 'salesforce';

/** Dataverse clusters: crm (NAM) … crm22 (SWE). crm10 is Microsoft's internal test ring and is left out. */
const DYNAMICS_CLUSTERS = [
  'crm',
  'crm2',
  'crm3',
  'crm4',
  'crm5',
  'crm6',
  'crm7',
  'crm8',
  'crm9',
  'crm11',
  'crm12',
  'crm14',
  'crm15',
  'crm16',
  'crm17',
  'crm19',
  'crm20',
  'crm21',
  'crm22',
];

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

/**
 * Where each app's content script runs: only the part of the host it reads. Partner Center's
 * co-sell pages are inside its dashboard app (`/dashboard/…`, `/fr-fr/dashboard/…`); Salesforce
 * records inside Lightning (`/lightning/…`). Both are single-page apps that stay under that path.
 */
const CONTENT_PATHS: Partial<Record<AppId, string>> = { 'partner-center': '/*dashboard*', salesforce: '/lightning/*' };

export const contentMatches = (app: AppId): string[] => APP_HOSTS[app].map((h) => `https://${h}${CONTENT_PATHS[app] ?? '/*'}`);

/** Whether the app's content script runs on this address (the popup says "reload" only there). */
export function readsPath(app: AppId, pathname: string): boolean {
  const glob = CONTENT_PATHS[app];
  if (!glob) return true;
  const re = new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return re.test(pathname);
}

const hostMatches = (pattern: string, h: string) =>
  pattern.startsWith('*.') ? h.endsWith(pattern.slice(1)) && h.length > pattern.length - 1 : h === pattern;

/** A domain the user granted at run time (a proxy such as `*.mcas.ms`, or a vanity host) and the app it serves. */
export interface CustomHost {
  host: string;
  app: AppId;
}

/** Which app a host belongs to (used by the popup to say what a tab is): the built-in hosts, then the user's own. */
export function appForHost(host: string, custom: readonly CustomHost[] = []): AppId | null {
  const h = host.toLowerCase();
  for (const app of Object.keys(APP_HOSTS) as AppId[]) {
    for (const pattern of APP_HOSTS[app]) if (hostMatches(pattern, h)) return app;
  }
  for (const c of custom) if (hostMatches(c.host, h)) return c.app;
  return null;
}

/**
 * Custom domains. Nothing is granted up front: the manifest declares any https host only as an
 * optional host permission, and the popup asks for one domain's pattern when the user adds it.
 */
export const OPTIONAL_HOST_PERMISSIONS = ['https://*/*'];
export const customPattern = (host: string) => `https://${host}/*`;

export type CustomHostCheck = { ok: true; host: string } | { ok: false; reason: 'empty' | 'invalid' | 'too-broad' | 'built-in' };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** Second-level labels of public suffixes (co.uk, com.au, ne.jp, gouv.fr…): no wildcard directly over them. */
const SECOND_LEVEL = new Set(['ac', 'co', 'com', 'edu', 'gob', 'gov', 'gouv', 'go', 'ne', 'net', 'or', 'org', 'ltd', 'plc']);

/** Says whether a name is a public suffix (public-suffix.ts); without one, only the built-in list applies. */
export type PublicSuffixCheck = (name: string) => boolean;

/**
 * What the user typed (a host, `*.domain`, or a pasted address) → the host to grant. Refuses what
 * is not a host name, public suffixes and wildcards over them (`*.com`, `*.co.uk`, `*.github.io`
 * with `isPublicSuffix`), and hosts the extension already reads.
 */
export function parseCustomHost(input: string, isPublicSuffix?: PublicSuffixCheck): CustomHostCheck {
  let text = input.trim().toLowerCase();
  if (!text) return { ok: false, reason: 'empty' };
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    if (!text.startsWith('https://')) return { ok: false, reason: 'invalid' };
    text = text.slice('https://'.length);
  }
  text = text
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
  const wildcard = text.startsWith('*.');
  const name = wildcard ? text.slice(2) : text;
  if (name.length === 0 || name.length > 253) return { ok: false, reason: 'invalid' };
  const labels = name.split('.');
  if (!labels.every((l) => LABEL.test(l))) return { ok: false, reason: text === '*' ? 'too-broad' : 'invalid' };
  if (labels.length < 2) return { ok: false, reason: wildcard ? 'too-broad' : 'invalid' };
  // `*.mcas.ms` is a proxy's own domain; `*.co.uk` would be every site under a public suffix.
  if (wildcard && labels.length === 2 && SECOND_LEVEL.has(labels[0]!)) return { ok: false, reason: 'too-broad' };
  if (isPublicSuffix?.(name)) return { ok: false, reason: 'too-broad' };
  const probe = wildcard ? `x.${name}` : name;
  if (appForHost(probe)) return { ok: false, reason: 'built-in' };
  return { ok: true, host: text };
}
