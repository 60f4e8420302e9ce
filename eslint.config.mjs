import js from '@eslint/js';
import nounsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-screenshots/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Page data (CRM fields, flow names, error text) must never be parsed as HTML.
  nounsanitized.configs.recommended,
  {
    languageOptions: {
      globals: {
        defineBackground: 'readonly',
        defineContentScript: 'readonly',
        document: 'readonly',
        window: 'readonly',
        location: 'readonly',
        matchMedia: 'readonly',
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No eval: MV3 forbids it and so do we.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function: MV3 forbids it.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render page data as text, never as HTML.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Private by construction: product code makes no network requests of any kind.
    files: ['lib/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'Request'].map((name) => ({
          name,
          message: 'Co-sell Companion makes no network requests.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'navigator', property: 'sendBeacon', message: 'Co-sell Companion makes no network requests.' },
      ],
    },
  },
  {
    // lib/ is pure: no browser extension APIs, no entrypoints.
    files: ['lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['wxt/browser', 'webextension-polyfill', '@wxt-dev/browser', 'wxt/*'],
              message: 'lib/ is browser-agnostic: take what you need as an argument.',
            },
            { group: ['**/entrypoints/**', '@/entrypoints/**'], message: 'lib/ never imports from entrypoints/.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'lib/ is browser-agnostic.' },
        { name: 'browser', message: 'lib/ is browser-agnostic.' },
        ...['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'Request'].map((name) => ({
          name,
          message: 'Co-sell Companion makes no network requests.',
        })),
      ],
    },
  },
  {
    // Rules and knowledge are pure functions over data: no DOM either.
    files: ['lib/rules/**/*.ts', 'lib/knowledge/**/*.ts', 'lib/model/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'document', message: 'Rules and knowledge never touch the DOM.' },
        { name: 'window', message: 'Rules and knowledge never touch the DOM.' },
        { name: 'chrome', message: 'lib/ is browser-agnostic.' },
        { name: 'browser', message: 'lib/ is browser-agnostic.' },
        ...['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'Request'].map((name) => ({
          name,
          message: 'Co-sell Companion makes no network requests.',
        })),
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'test/e2e/**/*.mjs', 'test/bench/**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        chrome: 'readonly',
        getComputedStyle: 'readonly',
        HTMLElement: 'readonly',
        MutationObserver: 'readonly',
        requestAnimationFrame: 'readonly',
        CustomEvent: 'readonly',
        customElements: 'readonly',
      },
    },
  },
);
