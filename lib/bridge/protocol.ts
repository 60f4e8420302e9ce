/**
 * The Xrm bridge's event names and request shape, without zod: the page-world script imports
 * only this (and the reader of lib/bridge/xrm-read.ts), so it stays a few kilobytes.
 */
export const BRIDGE_VERSION = 1 as const;
/** The isolated world asks (detail: JSON of XrmWant); the page world answers at once, synchronously. */
export const XRM_REQUEST_EVENT = 'cosell:xrm-request';
/** The answer, and a fresh one pushed when the form loads or a value changes. */
export const XRM_ANSWER_EVENT = 'cosell:xrm';
/** Bound on the answer's JSON; the answer for one opportunity form is about 2 kB. */
export const MAX_ANSWER_CHARS = 64_000;

/** What the reader wants read: attributes by logical name, and custom fields by label keys (labelKey). */
export interface XrmWant {
  v: typeof BRIDGE_VERSION;
  names: string[];
  labels: Record<string, string[]>;
  grids: Record<string, string[]>;
}
