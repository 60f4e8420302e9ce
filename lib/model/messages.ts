/** Messages between content scripts, the background and the popup; validated at every boundary. */
import { Finding } from './finding';
import { z } from './zod';

export const FindingsReport = z.object({
  type: z.literal('cosell:findings'),
  url: z.string(),
  findings: z.array(Finding),
});
export type FindingsReport = z.infer<typeof FindingsReport>;

export const GetTabState = z.object({ type: z.literal('cosell:get-tab'), tabId: z.number() });
export type GetTabState = z.infer<typeof GetTabState>;

export const TabState = z.object({ url: z.string(), findings: z.array(Finding), at: z.number() });
export type TabState = z.infer<typeof TabState>;

export const Message = z.discriminatedUnion('type', [FindingsReport, GetTabState]);
export type Message = z.infer<typeof Message>;

export const tabKey = (tabId: number) => `tab:${tabId}`;
