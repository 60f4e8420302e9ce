import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_MATCH_PATTERNS, contentMatches, matchPatterns, type AppId } from '@/lib/knowledge/hosts';
import { ROOT } from './helpers';

const TARGETS = ['chrome-mv3', 'edge-mv3'] as const;

describe.each(TARGETS)('built manifest (%s)', (target) => {
  const file = join(ROOT, '.output', target, 'manifest.json');
  it('exists (run `npm run build` first)', () =>
    expect(existsSync(file), `${file} is missing: npm test builds it before the unit tests`).toBe(true));
  const manifest = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};

  it('is MV3 with a localized name and description', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.description).toBe('__MSG_extDescription__');
    expect(manifest.default_locale).toBe('en');
    expect(manifest.action.default_title).toBe('__MSG_extName__');
  });

  it('declares the oldest Chromium it runs on, and one background for incognito windows', () => {
    expect(Number(manifest.minimum_chrome_version)).toBeGreaterThanOrEqual(111);
    expect(manifest.incognito).toBe('spanning');
  });

  it('asks for storage, scripting (custom domains) and exactly the hosts of the four apps; any other host only optionally', () => {
    expect(manifest.permissions).toEqual(['storage', 'scripting']);
    expect([...manifest.host_permissions].sort()).toEqual([...ALL_MATCH_PATTERNS].sort());
    expect(manifest.optional_permissions).toBeUndefined();
    // Custom domains are granted one at a time from the popup; nothing beyond the four apps up front.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    const { optional_host_permissions: _optional, ...required } = manifest;
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(JSON.stringify(required)).not.toMatch(/"\*:\/\/\*\/\*"|https:\/\/\*\/\*/);
  });

  it('runs one content script per app, each on exactly its own hosts', () => {
    const byApp = new Map<string, string[]>();
    for (const cs of manifest.content_scripts) {
      const app = /content-scripts\/([\w-]+)\.js$/.exec(cs.js[0])![1]!;
      byApp.set(app, cs.matches);
    }
    for (const app of ['dynamics', 'power-automate', 'partner-center', 'salesforce'] satisfies AppId[])
      expect([...(byApp.get(app) ?? [])].sort()).toEqual(contentMatches(app).sort());
    // Only what is read: Partner Center's dashboard, Salesforce's Lightning app.
    expect(byApp.get('partner-center')).toEqual(['https://partner.microsoft.com/*dashboard*']);
    expect(byApp.get('salesforce')!.every((m) => m.endsWith('/lightning/*'))).toBe(true);
  });

  it("runs the Xrm bridge in the page's world on the Dynamics hosts alone, without extension APIs or zod", () => {
    const bridge = manifest.content_scripts.filter((cs: { world?: string; js: string[] }) => cs.js[0] === 'content-scripts/xrm-bridge.js');
    expect(bridge.map((cs: { world?: string }) => cs.world)).toEqual(['MAIN']);
    expect([...bridge[0].matches].sort()).toEqual(matchPatterns('dynamics').sort());
    const code = readFileSync(join(ROOT, '.output', target, 'content-scripts/xrm-bridge.js'), 'utf8');
    expect(code).not.toMatch(/\bchrome\.|\bbrowser\.runtime|\$ZodType|fetch\(|XMLHttpRequest/);
  });

  it("runs the Power Automate bridge in the page's world at document_start, in every frame, without extension APIs", () => {
    const main = manifest.content_scripts.filter((cs: { world?: string }) => cs.world === 'MAIN');
    expect(main.map((cs: { js: string[] }) => cs.js[0]).sort()).toEqual(['content-scripts/pa-bridge.js', 'content-scripts/xrm-bridge.js']);
    const pa = main.find((cs: { js: string[] }) => cs.js[0] === 'content-scripts/pa-bridge.js');
    expect([...pa.matches].sort()).toEqual(matchPatterns('power-automate').sort());
    expect(pa.run_at).toBe('document_start');
    expect(pa.all_frames).toBe(true);
    const code = readFileSync(join(ROOT, '.output', target, 'content-scripts/pa-bridge.js'), 'utf8');
    expect(code).not.toMatch(/\bchrome\.|\bbrowser\.runtime/);
  });

  it('carries no zod in any content script, and only its own rule family plus the known errors', () => {
    const code = (app: string) => readFileSync(join(ROOT, '.output', target, `content-scripts/${app}.js`), 'utf8');
    for (const app of ['dynamics', 'salesforce', 'partner-center', 'power-automate'])
      expect(code(app), app).not.toMatch(/\$ZodType|_zod\b/);
    // Partner Center pages quote no connector error; the other scripts do.
    expect(code('partner-center')).not.toContain('WorkflowTriggerNotFound');
    expect(code('partner-center')).not.toContain('crm.sync-disabled');
    expect(code('dynamics')).toContain('WorkflowTriggerNotFound');
    expect(code('dynamics')).not.toContain('pc.team-incomplete');
  });

  it('has toolbar and store icons that exist', () => {
    for (const path of [...Object.values(manifest.icons), ...Object.values(manifest.action.default_icon)] as string[]) {
      expect(existsSync(join(ROOT, '.output', target, path)), path).toBe(true);
    }
    expect(Object.keys(manifest.icons)).toEqual(expect.arrayContaining(['16', '32', '48', '128']));
  });

  it('loads no remote code and keeps the default extension CSP', () => {
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });
});

describe.each(TARGETS)('built bundles (%s)', (target) => {
  const dir = join(ROOT, '.output', target);
  const read = (path: string) => (existsSync(join(dir, path)) ? readFileSync(join(dir, path), 'utf8') : '');

  it("popup.html carries its styles inline and loads only the popup's own module", () => {
    const html = read('popup.html');
    expect(html).toMatch(/<style>[^<]*--fg:/);
    expect(html).not.toMatch(/<link[^>]+stylesheet/);
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual([
      expect.stringMatching(/^<script type="module"[^>]* src="\/chunks\/popup-[\w-]+\.js">$/),
    ]);
    expect(existsSync(join(dir, 'assets'))).toBe(false);
  });

  it("holds no code the extension never calls: WXT's storage helper stays out (auto-imports are off)", () => {
    const scripts = [
      'background.js',
      ...readdirSync(join(dir, 'chunks')).map((f) => `chunks/${f}`),
      ...readdirSync(join(dir, 'content-scripts')).map((f) => `content-scripts/${f}`),
    ];
    expect(scripts.length).toBeGreaterThan(5);
    for (const path of scripts.filter((p) => p.endsWith('.js')))
      expect(read(path), path).not.toContain('Storage item version cannot be less than 1');
  });

  it('carries the webextension-polyfill only in the background (the content scripts and the popup call chrome.* themselves)', () => {
    // The polyfill turns a listener's rejected promise into this answer; its own name is in its error texts.
    const polyfill = /__mozWebExtensionPolyfillReject__/;
    expect(read('background.js')).toMatch(polyfill);
    const others = [
      ...readdirSync(join(dir, 'chunks')).map((f) => `chunks/${f}`),
      ...readdirSync(join(dir, 'content-scripts')).map((f) => `content-scripts/${f}`),
    ].filter((p) => p.endsWith('.js'));
    // One per app, plus the Dynamics and Power Automate page-world bridges.
    expect(others.filter((p) => p.startsWith('content-scripts/'))).toHaveLength(6);
    for (const path of others) expect(read(path), path).not.toMatch(polyfill);
  });
});
