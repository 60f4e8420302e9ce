/**
 * Unknown, never wrong: the derived pages with parts removed (what a page still rendering, a
 * virtualized list or a new build may show). Whatever the readers still report equals what the
 * whole page says; what they cannot see they leave unknown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observation } from '@/lib/model/observation';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { readDynamics } from '@/lib/readers/dynamics';
import { readPowerAutomate } from '@/lib/readers/power-automate';
import { readSalesforce } from '@/lib/readers/salesforce';
import type { Reader } from '@/lib/readers/types';
import { listFixtures, loadFixture } from './helpers';

const REAL_READERS: Record<string, Reader> = { dynamics: readDynamics, salesforce: readSalesforce, 'power-automate': readPowerAutomate };

type Obs = Record<string, unknown> & { kind: Observation['kind'] };

/** The parts of `got` that disagree with `want` (the whole page's observation of the same kind). */
function wrong(got: Obs, want: Obs | undefined): string[] {
  if (!want) return got.kind === 'errorMessages' ? [] : [`${got.kind} read from nothing`];
  const out: string[] = [];
  switch (got.kind) {
    case 'flowDesigner': {
      const steps = want.steps as { id: string; connectionProblem: boolean }[];
      for (const s of got.steps as { id: string; connectionProblem: boolean }[]) {
        const w = steps.find((x) => x.id === s.id);
        if (!w) out.push(`step ${s.id}`);
        else if (s.connectionProblem && !w.connectionProblem) out.push(`connection ${s.id}`);
      }
      break;
    }
    case 'flowRun':
      if (got.status !== 'unknown' && got.status !== want.status) out.push(`status ${String(got.status)}`);
      break;
    case 'runHistory':
    case 'solutionFlows': {
      const key = got.kind === 'runHistory' ? 'runId' : 'name';
      const field = got.kind === 'runHistory' ? 'status' : 'state';
      const items = (got.kind === 'runHistory' ? got.runs : got.flows) as Record<string, unknown>[];
      const wanted = (got.kind === 'runHistory' ? want.runs : want.flows) as Record<string, unknown>[];
      for (const r of items) {
        const w = wanted.find((x) => x[key] === r[key]);
        if (!w) out.push(`${String(r[key])} read from nothing`);
        else if (r[field] !== 'unknown' && r[field] !== w[field]) out.push(`${String(r[key])}: ${String(r[field])}`);
      }
      break;
    }
    case 'webhookRegistration':
      if ('endpoint' in got && got.endpoint !== want.endpoint) out.push('endpoint');
      if ('overwrite' in got && got.overwrite !== null && got.overwrite !== want.overwrite) out.push('overwrite');
      break;
    case 'opportunity':
      for (const [k, v] of Object.entries(got)) if (JSON.stringify(v) !== JSON.stringify(want[k])) out.push(`${k}: ${JSON.stringify(v)}`);
      break;
    default:
  }
  return out;
}

/**
 * What may be removed: any element but a select's option, whose removal makes the select show
 * another one (a different value the page then shows, not a part missing).
 */
const parts = (doc: Document) => [...doc.body.querySelectorAll('*')].filter((e) => e.localName !== 'option');

describe.each(Object.keys(REAL_READERS))('%s: the derived pages with parts removed', (app) => {
  const dir = `real/${app}`;
  it.each(listFixtures(dir))('%s: never a value the whole page does not show', (name) => {
    const count = parts(loadFixture(dir, name).doc).length;
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: count - 1 }), { minLength: 1, maxLength: 4 }), (picks) => {
        const { doc, url, meta } = loadFixture(dir, name);
        const all = parts(doc);
        for (const i of picks) all[i]?.remove();
        const reading = REAL_READERS[app]!(doc, url, DEFAULT_SETTINGS);
        const expected = meta.observations as Obs[];
        const bad = (reading?.observations ?? []).flatMap((o) =>
          wrong(
            o as Obs,
            expected.find((e) => e.kind === o.kind),
          ),
        );
        expect(bad).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
