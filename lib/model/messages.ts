/** Messages between content scripts, the background and the popup; validated at every boundary. */
import { Failures, Finding } from './finding';
import { SolutionFlows } from './observation';
import { z } from './zod';

/**
 * Which fields came from the app's own data (`xrm`: Dynamics' client API; `api`: Power Automate's
 * API responses) and which from the rendered page (`dom`): field keys only.
 */
const fieldKeys = z.array(z.string().check(z.regex(/^[A-Za-z][\w:.-]{0,80}$/))).check(z.maxLength(100));
export const ReadSources = z.object({ xrm: fieldKeys, dom: fieldKeys, api: z.optional(fieldKeys) });
export type ReadSources = z.infer<typeof ReadSources>;

/** What a pass checked: the kinds of record read, how many rules ran on them, the record's name as shown. */
export const Checked = z.object({
  kinds: z.array(z.string().check(z.regex(/^[a-zA-Z]{1,40}$/))).check(z.maxLength(20)),
  rules: z.number().check(z.int(), z.gte(0), z.lte(1000)),
  record: z.optional(z.string().check(z.maxLength(200))),
});
export type Checked = z.infer<typeof Checked>;

export const FindingsReport = z.object({
  type: z.literal('cosell:findings'),
  url: z.string(),
  findings: z.array(Finding),
  /** A solution flow list seen on this page (its flow states tick the set-up checklist). */
  solutionFlows: z.optional(SolutionFlows),
  failures: z.optional(Failures),
  checked: z.optional(Checked),
  sources: z.optional(ReadSources),
  /** A page a reader is made for, on which it found none of its anchors. */
  unrecognised: z.optional(z.boolean()),
});
export type FindingsReport = z.infer<typeof FindingsReport>;

export const TabState = z.object({
  url: z.string(),
  findings: z.array(Finding),
  at: z.number(),
  failures: z.optional(Failures),
  checked: z.optional(Checked),
  /** The browser's in-memory storage area refused it: the background alone holds it. */
  unstored: z.optional(z.boolean()),
  sources: z.optional(ReadSources),
  unrecognised: z.optional(z.boolean()),
});
export type TabState = z.infer<typeof TabState>;

/** A content script asks for the effective settings (validated here, so content scripts need no zod). */
export const GetSettings = z.object({ type: z.literal('cosell:get-settings') });
export type GetSettings = z.infer<typeof GetSettings>;

/**
 * A content script starting up asks for the effective settings and the message catalogue in one
 * answer, `{ settings, messages }` (lib/i18n/catalog.ts says why the messages come this way).
 */
export const Start = z.object({ type: z.literal('cosell:start') });
export type Start = z.infer<typeof Start>;

/** The popup asks for a tab's findings that the in-memory storage area could not hold. */
export const TabStateQuery = z.object({ type: z.literal('cosell:tab-state'), tabId: z.number() });
export type TabStateQuery = z.infer<typeof TabStateQuery>;

/** The popup asks a tab's content script for the page's structure (lib/readers/structure.ts); the answer is a string. */
export const PageStructureQuery = z.object({ type: z.literal('cosell:page-structure') });
export type PageStructureQuery = z.infer<typeof PageStructureQuery>;

/** A content script's document going away (`pagehide`): what its frame said goes with it. */
export const FrameGone = z.object({ type: z.literal('cosell:gone') });
export type FrameGone = z.infer<typeof FrameGone>;

export const Message = z.discriminatedUnion('type', [FindingsReport, GetSettings, Start, TabStateQuery, FrameGone]);
export type Message = z.infer<typeof Message>;

export const tabKey = (tabId: number) => `tab:${tabId}`;
