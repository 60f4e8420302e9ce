import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { Resvg } from '@resvg/resvg-js';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { ALL_MATCH_PATTERNS, OPTIONAL_HOST_PERMISSIONS } from './lib/knowledge/hosts';

/** Toolbar (16, 24, 32), extensions page (48), store (128; Edge's 300 logo). */
export const ICON_SIZES = [16, 24, 32, 48, 96, 128, 300] as const;

/**
 * Puts each extension page's stylesheet into the page itself (MV3's default policy for extension
 * pages limits scripts, not styles): a page's scripts wait for its stylesheets, so this is one
 * request fewer before the popup's first paint (about 6 ms on our 2-core machine).
 */
function inlinePageCss(): Plugin {
  return {
    name: 'cosell:inline-page-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        return html.replace(/<link rel="stylesheet"[^>]*? href="\/?([^"]+\.css)"[^>]*>/g, (tag, file: string) => {
          const asset = bundle[file];
          if (asset?.type !== 'asset') return tag;
          delete bundle[file];
          return `<style>${String(asset.source).trim()}</style>`;
        });
      },
    },
  };
}

/**
 * `virtual:cosell-message-keys`: every message key the extension ships (its default locale's), for
 * the catalogue the background hands to content scripts (lib/i18n/catalog.ts). The text stays in
 * `_locales`; only the key names are bundled, into the background alone.
 */
function messageKeys(): Plugin {
  const id = 'virtual:cosell-message-keys';
  const file = fileURLToPath(new URL('./public/_locales/en/messages.json', import.meta.url));
  return {
    name: 'cosell:message-keys',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      this.addWatchFile(file);
      return `export default ${JSON.stringify(Object.keys(JSON.parse(readFileSync(file, 'utf8'))))};`;
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // No auto-imports: every entrypoint imports what it uses (and tsc, without WXT's global types,
  // says when one does not). Unimport matches names, not scopes: a parameter called `storage` made
  // it add WXT's storage module and its lock library to the popup and the background, where nothing
  // used them. `imports: false` alone only drops the types; see the `config:resolved` hook.
  imports: false,
  // Chrome and Edge preload modules natively: no polyfill script ahead of the popup's own code.
  vite: () => ({
    plugins: [preact(), inlinePageCss(), messageKeys()],
    build: { sourcemap: process.env.COSELL_SOURCEMAP === '1', modulePreload: { polyfill: false } },
  }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // A content script in the page's world (`world: "MAIN"`, the Xrm bridge) needs Chromium 111.
    minimum_chrome_version: '111',
    // One background for both kinds of window; incognito tabs' flow states are not stored (sightings.ts).
    incognito: 'spanning',
    // `scripting` registers the content scripts on custom domains the user grants at run time.
    permissions: ['storage', 'scripting'],
    host_permissions: ALL_MATCH_PATTERNS,
    optional_host_permissions: OPTIONAL_HOST_PERMISSIONS,
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_icon: { 16: 'icon/16.png', 24: 'icon/24.png', 32: 'icon/32.png' } },
    // Administrators set the same settings by policy (public/managed_schema.json); see README.
    storage: { managed_schema: 'managed_schema.json' },
  },
  hooks: {
    // The content scripts call the browser's own `chrome.*` (promise-based in Chrome and Edge MV3),
    // as the popup does: the polyfill's 9.6 kB (3 kB gzip) were a tenth of each content script, and
    // what they use (messages, a port, i18n, storage events) needs no wrapper. The background keeps
    // the polyfill, whose message listeners answer by returning a promise. A build test checks both.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias ?? {};
      const entries = Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = {
        ...config.resolve,
        alias: [{ find: 'wxt/browser', replacement: '@wxt-dev/browser' }, ...entries.filter((a) => a.find !== 'wxt/browser')],
      };
    },
    // WXT 0.21 still adds unimport's Vite plugin with `imports: false`, which injects its presets;
    // the plugin's own switch turns the injection off.
    'config:resolved': (wxt) => {
      Object.assign(wxt.config.imports, { autoImport: false });
    },
    // The icon has one source, assets/icon.svg, rendered here to every size the stores and toolbars need.
    'build:publicAssets': (wxt, files) => {
      const svg = readFileSync(resolve(wxt.config.root, 'assets/icon.svg'));
      const dir = resolve(wxt.config.wxtDir, 'icons');
      mkdirSync(dir, { recursive: true });
      for (const size of ICON_SIZES) {
        const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
        const file = resolve(dir, `${size}.png`);
        writeFileSync(file, png);
        files.push({ absoluteSrc: file, relativeDest: `icon/${size}.png` });
      }
    },
  },
});
