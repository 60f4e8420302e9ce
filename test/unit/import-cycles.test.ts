/**
 * No import cycles under lib/: a cycle makes evaluation order matter (a value read before its module
 * ran is undefined) and ties lazily loaded code to the bundle that loads it. Type-only and dynamic
 * imports count too: the popup's lazy views once imported App.tsx's types back.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/** The module graph of `dir`: each file and the files it imports (statically, dynamically or for types). */
function graph(dir: string): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const file of files(dir)) {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    const deps = [...text.matchAll(IMPORT)].map((m) => resolveImport(file, m[1]!)).filter((d): d is string => d !== null);
    g.set(file, [...new Set(deps)]);
  }
  return g;
}

/** Every cycle's files, as found by a depth-first walk (one per back edge). */
function cycles(g: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const walk = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const d of g.get(n) ?? []) {
      if (state.get(d) === 'open') found.push([...stack.slice(stack.indexOf(d)), d]);
      else if (!state.has(d)) walk(d);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of g.keys()) if (!state.has(n)) walk(n);
  return found;
}

const show = (c: string[]) => c.map((f) => relative(ROOT, f)).join(' → ');

describe('import cycles', () => {
  it('finds a cycle, type-only and dynamic imports included', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c', 'a']]);
    const text = "import type { X } from './types';\nconst v = import('./views');";
    expect([...text.matchAll(IMPORT)].map((m) => m[1])).toEqual(['./types', './views']);
  });

  it('the popup has none', () => {
    const popup = graph(join(ROOT, 'lib/ui/popup'));
    expect(popup.size).toBeGreaterThan(5);
    expect(cycles(popup).map(show)).toEqual([]);
  });
});
