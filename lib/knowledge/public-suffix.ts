/**
 * The Public Suffix List (tldts ships it, ICANN and private sections): a wildcard over one of its
 * suffixes (`*.github.io`, `*.azurewebsites.net`, `*.lg.jp`) would give our script every site
 * under it. Kept apart from hosts.ts so that only the code that checks a domain bundles the list.
 */
import { getPublicSuffix } from 'tldts';

/** Whether a host name is itself a public suffix. */
export const isPublicSuffix = (name: string): boolean => getPublicSuffix(name, { allowPrivateDomains: true }) === name;
