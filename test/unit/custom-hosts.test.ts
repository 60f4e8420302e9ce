import { describe, expect, it, vi } from 'vitest';
import { appForHost, customPattern, parseCustomHost, readsPath } from '@/lib/knowledge/hosts';
import { serialized, syncCustomScripts, wantedScripts, type ScriptSpec, type ScriptingApi } from '@/lib/background/custom-scripts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers';
import { AppIdSchema, CustomHosts, MANAGED_CUSTOM_DOMAINS } from '@/lib/model/custom-hosts';
import { allCustomHosts, managedCustomHosts, managedListMissing } from '@/lib/knowledge/custom-hosts';
import { ManagedPolicy } from '@/lib/model/settings';
import { isPublicSuffix } from '@/lib/knowledge/public-suffix';
import { PUBLIC_SUFFIXES, answerPublicSuffixes, publicSuffixQuestion, readPublicSuffixes } from '@/lib/knowledge/public-suffix-message';

describe('custom domains: what the user may add', () => {
  it.each([
    ['contoso.crm.dynamics.com.mcas.ms', 'contoso.crm.dynamics.com.mcas.ms'],
    ['  Contoso.CRM.dynamics.com.MCAS.ms.  ', 'contoso.crm.dynamics.com.mcas.ms'],
    ['*.mcas.ms', '*.mcas.ms'],
    ['https://contoso.lightning.force.com.mcas.ms/lightning/r/Opportunity/006/view?x=1#y', 'contoso.lightning.force.com.mcas.ms'],
    ['crm.contoso.com:8443', 'crm.contoso.com'],
    ['*.contoso.co.uk', '*.contoso.co.uk'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
  ])('accepts %j as %j', (input, host) => {
    expect(parseCustomHost(input)).toEqual({ ok: true, host });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['localhost', 'invalid'],
    ['http://crm.contoso.com', 'invalid'],
    ['ftp://crm.contoso.com', 'invalid'],
    ['crm contoso.com', 'invalid'],
    ['<img src=x onerror=alert(1)>.com', 'invalid'],
    ['-bad.contoso.com', 'invalid'],
    ['crm.*.com', 'invalid'],
    ['a'.repeat(64) + '.com', 'invalid'],
    ['*', 'too-broad'],
    ['*.com', 'too-broad'],
    ['*.co.uk', 'too-broad'],
    ['contoso.crm4.dynamics.com', 'built-in'],
    ['*.crm.dynamics.com', 'built-in'],
    ['make.powerautomate.com', 'built-in'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(parseCustomHost(input)).toEqual({ ok: false, reason });
  });

  it('says which app a custom domain serves, after the built-in hosts', () => {
    const custom = [
      { host: '*.mcas.ms', app: 'salesforce' as const },
      { host: 'crm.contoso.com', app: 'dynamics' as const },
    ];
    expect(appForHost('contoso.my.salesforce.com.mcas.ms', custom)).toBe('salesforce');
    expect(appForHost('CRM.contoso.com', custom)).toBe('dynamics');
    expect(appForHost('mcas.ms', custom)).toBeNull();
    expect(appForHost('contoso.crm.dynamics.com', custom)).toBe('dynamics');
    expect(appForHost('crm.contoso.com')).toBeNull();
  });

  it('stores a validated list', () => {
    expect(CustomHosts.safeParse({ version: 1, hosts: [{ host: 'a.mcas.ms', app: 'dynamics', addedAt: 1 }] }).success).toBe(true);
    expect(CustomHosts.safeParse({ version: 1, hosts: [{ host: 'a.mcas.ms', app: 'hubspot', addedAt: 1 }] }).success).toBe(false);
    expect(CustomHosts.safeParse({ version: 2, hosts: [] }).success).toBe(false);
  });
});

describe('content scripts run only where they read', () => {
  it.each([
    ['partner-center', '/dashboard/v2/referrals/v3/cosell/deal/1', true],
    ['partner-center', '/fr-fr/dashboard/v2/referrals/v3/cosell/deal/1', true],
    ['partner-center', '/en-us/home', false],
    ['salesforce', '/lightning/r/Opportunity/006/view', true],
    ['salesforce', '/setup/forcecomHomepage.apexp', false],
    ['dynamics', '/main.aspx', true],
  ] as const)('%s %s: %s', (app, path, reads) => expect(readsPath(app, path)).toBe(reads));
});

describe('custom domains over a public suffix (the Public Suffix List)', () => {
  const suffixes = [
    '*.github.io',
    '*.azurewebsites.net',
    '*.vercel.app',
    '*.cloudfront.net',
    '*.lg.jp',
    '*.blogspot.com',
    'github.io',
    '*.pages.dev',
  ];
  it.each(suffixes)('refuses %s, typed or from policy', (host) => {
    expect(parseCustomHost(host, isPublicSuffix)).toEqual({ ok: false, reason: 'too-broad' });
    expect(managedCustomHosts({ [MANAGED_CUSTOM_DOMAINS]: [{ host, app: 'dynamics' }] }, isPublicSuffix)).toEqual({
      hosts: [],
      refused: [{ host, reason: 'too-broad' }],
    });
  });
  it.each(['*.mcas.ms', '*.contoso.github.io', 'crm.fabrikam.com', '*.contoso.co.uk', 'fabrikam.azurewebsites.net'])(
    'accepts %s',
    (host) => {
      expect(parseCustomHost(host, isPublicSuffix)).toEqual({ ok: true, host });
    },
  );
  it('checks stored domains again on every start: a public suffix, or a built-in host under another app, is dropped', () => {
    const stored = {
      version: 1,
      hosts: [
        { host: '*.github.io', app: 'dynamics', addedAt: 1 },
        { host: 'contoso.crm.dynamics.com', app: 'salesforce', addedAt: 1 },
        { host: 'make.powerautomate.com', app: 'dynamics', addedAt: 1 },
        { host: 'crm.fabrikam.com', app: 'dynamics', addedAt: 1 },
      ],
    };
    expect(allCustomHosts(stored, {}, isPublicSuffix)).toEqual([{ host: 'crm.fabrikam.com', app: 'dynamics' }]);
  });
});

describe('custom domains: registered content scripts', () => {
  const hosts = [
    { host: 'contoso.crm.dynamics.com.mcas.ms', app: 'dynamics' as const },
    { host: 'crm.contoso.com', app: 'dynamics' as const },
    { host: '*.fabrikam.example', app: 'power-automate' as const },
    { host: 'sf.contoso.com', app: 'salesforce' as const },
  ];

  it('registers one script per app, on its granted domains only, with the app’s own file', () => {
    const wanted = wantedScripts(hosts, (h) => h !== 'sf.contoso.com');
    expect(wanted).toEqual([
      {
        id: 'custom-dynamics',
        matches: ['https://contoso.crm.dynamics.com.mcas.ms/*', 'https://crm.contoso.com/*'],
        js: ['content-scripts/dynamics.js'],
        allFrames: false,
        runAt: 'document_idle',
      },
      {
        id: 'custom-power-automate',
        matches: ['https://*.fabrikam.example/*'],
        js: ['content-scripts/power-automate.js'],
        allFrames: true,
        runAt: 'document_idle',
      },
    ]);
  });

  function fakeScripting(granted: Set<string>, stored = hosts) {
    let registered: ScriptSpec[] = [{ id: 'not-ours', matches: ['https://x.example/*'], js: [], allFrames: false, runAt: 'document_idle' }];
    const api: ScriptingApi & { list: () => ScriptSpec[] } = {
      hosts: async () => stored,
      granted: async (p) => granted.has(p),
      registered: async () => registered,
      register: vi.fn(async (s: ScriptSpec[]) => {
        for (const x of s) if (registered.some((r) => r.id === x.id)) throw new Error(`Duplicate script ID '${x.id}'`);
        registered = [...registered, ...s];
      }),
      unregister: vi.fn(async (ids: string[]) => void (registered = registered.filter((r) => !ids.includes(r.id)))),
      list: () => registered,
    };
    return api;
  }

  it('follows grants and revokes, leaves other scripts alone, and does nothing when nothing changed', async () => {
    const granted = new Set([customPattern('crm.contoso.com')]);
    const api = fakeScripting(granted);
    await syncCustomScripts(api);
    expect(api.list().map((s) => [s.id, s.matches])).toEqual([
      ['not-ours', ['https://x.example/*']],
      ['custom-dynamics', ['https://crm.contoso.com/*']],
    ]);
    granted.add(customPattern('contoso.crm.dynamics.com.mcas.ms'));
    await syncCustomScripts(api);
    expect(api.list().find((s) => s.id === 'custom-dynamics')?.matches).toHaveLength(2);
    vi.mocked(api.register).mockClear();
    vi.mocked(api.unregister).mockClear();
    await syncCustomScripts(api);
    expect(api.register).not.toHaveBeenCalled();
    expect(api.unregister).not.toHaveBeenCalled();
    granted.clear(); // revoked in the browser's settings
    await syncCustomScripts(api);
    expect(api.list().map((s) => s.id)).toEqual(['not-ours']);
  });

  it('treats a permission check that fails as not granted', async () => {
    const api = fakeScripting(new Set());
    api.granted = async () => {
      throw new Error('Invalid pattern');
    };
    await expect(syncCustomScripts(api)).resolves.toEqual([]);
  });

  it('runs overlapping syncs one after another, so a script is never registered twice', async () => {
    const api = fakeScripting(new Set([customPattern('crm.contoso.com')]));
    const sync = serialized(() => syncCustomScripts(api));
    await Promise.all([sync(), sync(), sync()]);
    expect(api.list().filter((s) => s.id === 'custom-dynamics')).toHaveLength(1);
  });
});

describe('custom domains an administrator lists (policy customDomains)', () => {
  it('takes each entry as a domain the user would type, with its app', () => {
    const { hosts, refused } = managedCustomHosts({
      dealValueField: 'new_dealvalue',
      customDomains: [
        { host: '*.mcas.ms', app: 'dynamics' },
        { host: 'https://Contoso.my.salesforce.com.mcas.ms/lightning/page', app: 'salesforce' },
        { host: '*.MCAS.ms', app: 'salesforce' }, // the same domain again: the first entry stands
      ],
    });
    expect(hosts).toEqual([
      { host: '*.mcas.ms', app: 'dynamics' },
      { host: 'contoso.my.salesforce.com.mcas.ms', app: 'salesforce' },
    ]);
    expect(refused).toEqual([]);
  });

  it('leaves out and names what it cannot use; the apps own hosts are read anyway and not named', () => {
    const { hosts, refused } = managedCustomHosts({
      customDomains: [
        { host: '<img src=x onerror=alert(1)>', app: 'dynamics' },
        { host: '*.com', app: 'dynamics' },
        { host: 'crm.contoso.com', app: 'sap' },
        { host: 'crm.contoso.com' },
        { host: 42, app: 'dynamics' },
        'crm.contoso.com',
        null,
        { host: 'contoso.crm.dynamics.com', app: 'dynamics' },
        { host: 'pa.contoso.com', app: 'power-automate' },
      ],
    });
    expect(hosts).toEqual([{ host: 'pa.contoso.com', app: 'power-automate' }]);
    expect(refused).toEqual([
      { host: '<img src=x onerror=alert(1)>', reason: 'invalid' },
      { host: '*.com', reason: 'too-broad' },
      { host: 'crm.contoso.com', reason: 'app' },
      { host: 'crm.contoso.com', reason: 'app' },
      { host: '', reason: 'invalid' },
      { host: '', reason: 'invalid' },
      { host: '', reason: 'invalid' },
    ]);
  });

  it.each([undefined, null, {}, { customDomains: 'crm.contoso.com' }, { customDomains: {} }, 'policy', 7])(
    'reads %j as no domains',
    (managed) => {
      expect(managedCustomHosts(managed)).toEqual({ hosts: [], refused: [] });
    },
  );

  it('reads at most 100 entries, and 300 characters of each', () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ host: `crm${i}.contoso.com`, app: 'dynamics' }));
    expect(managedCustomHosts({ customDomains: many }).hosts).toHaveLength(100);
    const long = managedCustomHosts({ customDomains: [{ host: 'a'.repeat(1_000_000), app: 'dynamics' }] });
    expect(long.refused[0]!.host).toHaveLength(300);
  });

  it('is what the managed schema declares, with the same apps', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'public/managed_schema.json'), 'utf8'));
    const entry = schema.properties[MANAGED_CUSTOM_DOMAINS];
    expect(entry.type).toBe('array');
    expect(Object.keys(entry.items.properties)).toEqual(['host', 'app']);
    // No enum: Chromium drops the whole list when one entry breaks the schema, so a misspelled app
    // must pass it and be named by the extension (managedCustomHosts' `app` refusal).
    expect(entry.items.properties.app.type).toBe('string');
    expect(entry.items.properties.app.enum).toBeUndefined();
    for (const app of AppIdSchema.options) expect(entry.items.properties.app.description).toContain(app);
    // Every other key of the policy the extension reads is declared too.
    expect(Object.keys(schema.properties).sort()).toEqual([...Object.keys(ManagedPolicy.shape), MANAGED_CUSTOM_DOMAINS].sort());
  });

  it('says when a policy is set without a list of domains (Chromium dropped a list that broke the schema)', () => {
    expect(managedListMissing({ dealValueField: 'new_dealvalue' })).toBe(true);
    expect(managedListMissing({ dealValueField: 'x', customDomains: [] })).toBe(false);
    expect(managedListMissing({})).toBe(false);
    expect(managedListMissing(undefined)).toBe(false);
  });

  it('adds them to the user own domains, each once, the administrator app first', () => {
    const stored = {
      version: 1,
      hosts: [
        { host: 'crm.contoso.com', app: 'dynamics', addedAt: 1 },
        { host: '*.mcas.ms', app: 'dynamics', addedAt: 2 },
      ],
    };
    const managed = { customDomains: [{ host: '*.mcas.ms', app: 'salesforce' }] };
    expect(allCustomHosts(stored, managed)).toEqual([
      { host: '*.mcas.ms', app: 'salesforce' },
      { host: 'crm.contoso.com', app: 'dynamics' },
    ]);
    expect(allCustomHosts('not a list', managed)).toEqual([{ host: '*.mcas.ms', app: 'salesforce' }]);
    expect(allCustomHosts(stored, undefined)).toHaveLength(2);
    expect(appForHost('contoso.my.salesforce.com.mcas.ms', allCustomHosts(stored, managed))).toBe('salesforce');
  });
});

describe('the popup asks the background which names are public suffixes', () => {
  it('answers only a well-formed question, with the suffixes among its names', () => {
    expect(answerPublicSuffixes(publicSuffixQuestion(['github.io', 'crm.contoso.com']), isPublicSuffix)).toEqual({
      suffixes: ['github.io'],
    });
    expect(answerPublicSuffixes({ type: PUBLIC_SUFFIXES, names: 'github.io' }, isPublicSuffix)).toBeNull();
    expect(answerPublicSuffixes({ type: PUBLIC_SUFFIXES, names: [1] }, isPublicSuffix)).toBeNull();
    expect(answerPublicSuffixes({ type: PUBLIC_SUFFIXES, names: Array(101).fill('a.com') }, isPublicSuffix)).toBeNull();
    expect(answerPublicSuffixes({ type: 'cosell:get-settings', names: ['com'] }, isPublicSuffix)).toBeNull();
  });

  it('reads only a well-formed answer, and only the names it asked', () => {
    expect(readPublicSuffixes({ suffixes: ['github.io', 'com'] }, ['github.io'])).toEqual(new Set(['github.io']));
    expect(readPublicSuffixes(undefined, ['github.io'])).toBeNull();
    expect(readPublicSuffixes({ suffixes: [null] }, ['github.io'])).toBeNull();
  });
});
