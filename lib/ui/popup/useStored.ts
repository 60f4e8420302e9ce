import { useCallback, useMemo, useState } from 'preact/hooks';
import type { PopupApi } from './api';
import { loadStored } from './load';
import type { Patch, Stored } from './types';

/**
 * What is stored, as the popup shows it: the state, the edit the views apply at once, the notice
 * of data that was reset, and a guarded API whose `save` says when the browser refused a value.
 */
export function useStored(api: PopupApi, initial?: Stored) {
  const [stored, setStored] = useState<Stored | null>(initial ?? null);
  const [notice, setNotice] = useState<string[]>(initial?.reset ?? []);
  const patch: Patch = useCallback((edit) => setStored((s) => (s ? edit(s) : s)), []);
  const show = useCallback((loading: Promise<Stored>) => {
    loading.then(
      (s) => {
        setStored(s);
        if (s.reset.length) setNotice((n) => (s.reset.every((key) => n.includes(key)) ? n : [...new Set([...n, ...s.reset])]));
      },
      () => setStored(null),
    );
  }, []);
  const reload = useCallback(() => show(loadStored(api)), [api, show]);

  // A value the browser cannot store (its storage full or failing) is said, with the browser's
  // reason, and what the popup shows goes back to what is stored: no change looks kept that is not.
  const [saveError, setSaveError] = useState<string | null>(null);
  const guarded: PopupApi = useMemo(
    () => ({
      ...api,
      save: async (key, value) => {
        try {
          await api.save(key, value);
          setSaveError(null);
          return true;
        } catch (e) {
          const reason = (e instanceof Error ? e.message : String(e)).trim().slice(0, 200);
          setSaveError(reason || '?');
          reload();
          return false;
        }
      },
    }),
    [api, reload],
  );
  return {
    stored,
    patch,
    show,
    reload,
    guarded,
    notice,
    clearNotice: () => setNotice([]),
    saveError,
    clearSaveError: () => setSaveError(null),
  };
}
