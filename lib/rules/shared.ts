import type { Opportunity } from '../model/observation';

/** "Meant to sync" (docs/architecture.md): sync is on, or help from Microsoft is requested. */
export const meantToSync = (o: Opportunity): boolean =>
  o.syncWithPartnerCenter === true || (typeof o.helpRequested === 'string' && o.helpRequested.trim() !== '');

export const isBlank = (v: string | null | undefined): boolean => v === null || (typeof v === 'string' && v.trim() === '');

export const hasText = (v: string | null | undefined): v is string => typeof v === 'string' && v.trim() !== '';

/** "How can Microsoft help?" holds a value. */
export const helpRequested = (o: Opportunity): boolean => hasText(o.helpRequested);

/** Truncates page text quoted in a hint (the hint stays readable whatever the field holds). */
export function quote(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
