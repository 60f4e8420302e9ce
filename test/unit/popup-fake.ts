/** A popup API over plain objects: what the popup's unit tests run against. */
import type { Finding } from '@/lib/model/finding';
import type { PopupApi } from '@/lib/ui/popup/api';
import { isPublicSuffix } from '@/lib/knowledge/public-suffix';

export function fakeApi(
  url: string | undefined,
  findings: Finding[] | null,
  store: Record<string, unknown> = {},
  managed: unknown = {},
): PopupApi & { store: Record<string, unknown>; copied: string[]; granted: Set<string>; answer: { grant: boolean }; requests: string[] } {
  const copied: string[] = [];
  const granted = new Set<string>();
  const answer = { grant: true };
  const requests: string[] = [];
  return {
    store,
    copied,
    granted,
    answer,
    requests,
    requestHost: async (p) => (requests.push(p), answer.grant && granted.add(p), answer.grant),
    releaseHost: async (p) => granted.delete(p),
    hasHost: async (p) => granted.has(p),
    // What the background answers (it holds the Public Suffix List).
    publicSuffixes: async (names) => new Set(names.filter(isPublicSuffix)),
    activeTab: async () => ({ id: 5, url }),
    tabState: async () => (findings ? { url: url ?? '', findings, at: 1 } : null),
    load: async (k) => store[k],
    save: async (k, v) => void (store[k] = v),
    managed: async () => managed,
    onChanged: () => () => undefined,
    copy: async (text) => void copied.push(text),
    version: '0.1.0',
  };
}
