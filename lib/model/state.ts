/**
 * What the popup stores, versioned and validated. Anything unreadable is replaced by the default
 * and reported (`reset`), so the popup can say so instead of crashing.
 */
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
