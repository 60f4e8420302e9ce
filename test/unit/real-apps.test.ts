import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { literals, readerAnchors, selectorTokens } from './anchors';

/** docs/real-apps.md's rows: the anchor (first cell's code span) → its source cell. */
function rows(): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync('docs/real-apps.md', 'utf8').split('\n')) {
    const m = /^\| `([^`]+)`[^|]*\| ([^|]+) \|/.exec(line);
    if (m) out.set(m[1]!, m[2]!.trim());
  }
  return out;
}

describe('docs/real-apps.md', () => {
  const documented = rows();
  const anchors = readerAnchors();

  it('finds the anchors in the readers (the extraction itself works)', () => {
    expect(anchors.selectors).toContain('.msla-panel-card-error-text');
    expect(anchors.selectors).toContain('[data-id="editFormRoot"]');
    expect(anchors.attributes).toContain('message-formReadOnlyNotification');
    expect(anchors.words).toContain('.panel-card-v2-badge.inactive');
    expect(anchors.patterns).toContain('CONNECTION_PROBLEM');
    expect(selectorTokens('.a-b [data-x^="y"], records-foo')).toEqual(['[data-x^="y"]', 'records-foo', '.a-b']);
    expect(literals('q(\'[data-id$="${n}-x"]\')')).toEqual(['[data-id$="{…}-x"]']);
  });

  for (const [kind, set] of Object.entries(anchors)) {
    it(`has a row for every ${kind.slice(0, -1)} a reader relies on`, () => {
      const missing = [...(set as Set<string>)].filter((a) => !a.includes('`') && !a.includes('|') && !documented.has(a));
      expect(missing).toEqual([]);
    });
  }

  it('gives every row a source (repository@commit or npm package@version, and path), "standard", or says unverified', () => {
    const bad = [...documented].filter(
      ([, s]) => !/^(?:[\w-]+\/[\w.-]+@[0-9a-f]{7,}\b|npm:@?[\w.-]+(?:\/[\w.-]+)?@\d+\.\d+\.\d+ |standard\b|unverified\b)/.test(s),
    );
    expect(bad).toEqual([]);
  });
});
