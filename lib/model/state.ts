/**
 * Stored items, their formats and accessors, for the background and the popup alike: the popup's
 * own state (checklist, flow sightings), versioned and validated, and each tab's findings. Anything
 * unreadable is replaced by the default and reported (`reset`), so the popup can say so.
 */
import type { Finding } from './finding';
import { TabState, tabKey } from './messages';
import { SolutionId, FlowState } from './observation';
import { z } from './zod';

export { CHECKLIST_KEY, FLOWS_KEY } from './keys';

export const ChecklistState = z.object({
  version: z.literal(1),
  /** Chosen by hand; null = follow what the extension saw. */
  solution: z.nullable(SolutionId),
  /** Ticked by hand: `${solution}/${list}/${item}` → when (ms). */
  ticks: z.record(z.string(), z.number()),
});
export type ChecklistState = z.infer<typeof ChecklistState>;
export const DEFAULT_CHECKLIST: ChecklistState = { version: 1, solution: null, ticks: {} };

/** Flow states seen on solution pages, per environment. */
export const FlowSightings = z.object({
  version: z.literal(1),
  environments: z.record(
    z.string(),
    z.object({
      solution: SolutionId,
      seenAt: z.number(),
      flows: z.record(z.string(), z.object({ name: z.string(), state: FlowState, seenAt: z.number() })),
    }),
  ),
});
export type FlowSightings = z.infer<typeof FlowSightings>;
export const DEFAULT_SIGHTINGS: FlowSightings = { version: 1, environments: {} };

export function parseStored<T>(schema: z.ZodMiniType<T>, raw: unknown, fallback: T): { value: T; reset: boolean } {
  if (raw === undefined || raw === null) return { value: fallback, reset: false };
  const parsed = schema.safeParse(raw);
  return parsed.success ? { value: parsed.data, reset: false } : { value: fallback, reset: true };
}

/** The most recently seen environment of a solution (what the checklist shows by default). */
export function latestEnvironment(s: FlowSightings, solution?: SolutionId | null) {
  return Object.entries(s.environments)
    .filter(([, e]) => !solution || e.solution === solution)
    .sort(([, a], [, b]) => b.seenAt - a.seenAt)[0];
}

export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/**
 * A tab's findings in the in-memory storage area (key `tab:<id>`), each reporting frame's apart, with
 * the document that sent it (`MessageSender.documentId`), when known.
 */
export const Stored = z.object({
  frames: z.record(z.string(), z.extend(TabState, { doc: z.optional(z.string().check(z.maxLength(100))) })),
});
export type Stored = z.infer<typeof Stored>;

/** What the popup and badge see of a tab: its frames' reports merged, the top frame's URL. */
export const mergeFrames = (stored: Stored): TabState | null => {
  const top = stored.frames['0'];
  const frames = Object.entries(stored.frames).sort(([a], [b]) => Number(a) - Number(b));
  if (frames.length === 0) return null;
  const findings: Finding[] = frames.flatMap(([, f]) => f.findings);
  const state: TabState = { url: (top ?? frames[0]![1]).url, findings, at: Math.max(...frames.map(([, f]) => f.at)) };
  const failed = frames.map(([, f]) => f.failures).filter((f) => f !== undefined);
  if (failed.length)
    state.failures = failed.reduce((a, b) => ({ read: a.read + b.read, rules: a.rules + b.rules, render: a.render + b.render }));
  const sources = frames.find(([, f]) => f.sources)?.[1].sources;
  if (sources) state.sources = sources;
  // The top frame's record names the page; every frame's checks count.
  const checked = frames.map(([, f]) => f.checked).filter((c) => c !== undefined);
  if (checked.length) {
    const record = top?.checked?.record ?? checked.find((c) => c.record)?.record;
    state.checked = {
      kinds: [...new Set(checked.flatMap((c) => c.kinds))],
      rules: checked.reduce((n, c) => n + c.rules, 0),
      ...(record !== undefined && { record }),
    };
  }
  // Not recognised only when no reporting frame was (the designer frame in Power Apps may be).
  if (frames.every(([, f]) => f.unrecognised)) state.unrecognised = true;
  return state;
};

/** A tab's stored frames; none when nothing readable is stored. */
export async function readStored(area: Pick<StorageArea, 'get'>, tabId: number): Promise<Stored> {
  const parsed = Stored.safeParse((await area.get(tabKey(tabId)))[tabKey(tabId)]);
  return parsed.success ? parsed.data : { frames: {} };
}

/**
 * What the popup shows for a tab, read straight from storage: no message to the service worker,
 * so no wait for it to wake. Null when nothing readable is stored.
 */
export async function readTabState(area: Pick<StorageArea, 'get'>, tabId: number): Promise<TabState | null> {
  return mergeFrames(await readStored(area, tabId));
}
