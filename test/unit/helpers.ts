import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { createTranslator, type Translator } from '@/lib/i18n';

export const ROOT = resolve(__dirname, '../..');
export const FIXTURES = join(ROOT, 'test/fixtures/pages');
export const LOCALES = ['en', 'ja', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export interface FixtureMeta {
  url: string;
  /** Settings the page is read with (merged over the defaults). */
  settings?: Record<string, unknown>;
  title: string;
  /** null: the page itself shows nothing (its content is a frame, a fixture of its own). */
  observations: unknown[] | null;
  rules: string[];
}

export function listFixtures(app: string): string[] {
  const dir = join(FIXTURES, app);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html') && !f.startsWith('_'))
    .map((f) => f.replace(/\.html$/, ''))
    .sort();
}

/**
 * Loads a saved page into its own happy-dom window at its production URL. Pages that render
 * late (a `<template id="late-form">`) are rendered at once unless `late` is kept.
 */
export function loadFixture(app: string, name: string, opts: { keepLate?: boolean } = {}) {
  const meta = JSON.parse(readFileSync(join(FIXTURES, app, `${name}.json`), 'utf8')) as FixtureMeta;
  const html = readFileSync(join(FIXTURES, app, `${name}.html`), 'utf8').replace(/<script[\s\S]*?<\/script>/g, '');
  const window = new Window({ url: meta.url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  const doc = window.document as unknown as Document;
  doc.write(html);
  if (!opts.keepLate) {
    const tpl = doc.getElementById('late-form') as HTMLTemplateElement | null;
    doc.getElementById('late-root')?.replaceWith(tpl!.content.cloneNode(true));
  }
  // Declarative shadow DOM (what Chrome builds from `<template shadowrootmode>` when it parses a page).
  for (const tpl of [...doc.querySelectorAll('template[shadowrootmode]')] as HTMLTemplateElement[]) {
    const host = tpl.parentElement;
    if (!host || host.shadowRoot) continue;
    const root = host.attachShadow({ mode: tpl.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open' });
    root.append(tpl.content.cloneNode(true));
    tpl.remove();
  }
  // happy-dom does not select an <option selected> when parsing; browsers do.
  for (const select of doc.querySelectorAll('select')) {
    const chosen = [...select.options].findIndex((o) => o.hasAttribute('selected'));
    if (chosen >= 0) select.selectedIndex = chosen;
  }
  return { doc, window, meta, url: new URL(meta.url) };
}

export function messages(locale: Locale): Record<string, { message: string }> {
  return JSON.parse(readFileSync(join(ROOT, 'public/_locales', locale, 'messages.json'), 'utf8'));
}

/** The browser's lookup: the locale's message, else the default locale's (en). */
export function translator(locale: Locale): Translator {
  const own = messages(locale);
  const en = messages('en');
  return createTranslator((k) => own[k]?.message ?? en[k]?.message ?? '');
}
