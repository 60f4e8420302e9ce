import type { Opportunity } from '../model/observation';

/** RULES.md "meant to sync": sync is on, or help from Microsoft is requested. */
export const meantToSync = (o: Opportunity): boolean =>
  o.syncWithPartnerCenter === true || (typeof o.helpRequested === 'string' && o.helpRequested.trim() !== '');

export const isBlank = (v: string | null | undefined): boolean => v === null || (typeof v === 'string' && v.trim() === '');
