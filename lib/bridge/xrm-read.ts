/**
 * Reads the open form through the Dynamics 365 client API (the subset of @types/xrm 9.0 used
 * here), in the page's world. Every call is guarded: the page's Xrm may be missing, half loaded
 * or throw, and then the field is simply left out (the reader falls back to the DOM).
 */
import { labelKey } from '../readers/dom';
import { BRIDGE_VERSION, type XrmWant } from './protocol';
import type { XrmAnswer, XrmAttribute } from './xrm-message';

/** The parts of `Xrm` read here, as @types/xrm declares them. */
interface XrmLike {
  Page?: FormLike;
  Utility?: { getGlobalContext?: () => { userSettings?: { dateFormattingInfo?: { ShortDatePattern?: string } } } };
}
interface FormLike {
  data?: { entity?: { getEntityName(): string; getId(): string; attributes?: { get(): AttributeLike[] } } };
  ui?: { controls?: { get(): ControlLike[] } };
  getAttribute?(name: string): AttributeLike | null;
}
interface AttributeLike {
  getName(): string;
  getAttributeType(): string;
  getValue(): unknown;
  getText?(): string | null;
  controls?: { get(): ControlLike[] };
}
interface ControlLike {
  getName(): string;
  getLabel?(): string;
  getControlType?(): string;
  getDisabled?(): boolean;
  getAttribute?(): AttributeLike;
  getGrid?(): { getTotalRecordCount(): number };
}

const TYPES = new Set<XrmAttribute['type']>([
  'boolean',
  'datetime',
  'decimal',
  'double',
  'integer',
  'lookup',
  'memo',
  'money',
  'multioptionset',
  'optionset',
  'string',
]);
const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);
const guard = <T>(fn: () => T): T | undefined => {
  try {
    return fn();
  } catch {
    return undefined;
  }
};
const cleanId = (id: unknown) => (typeof id === 'string' ? id.replace(/[{}]/g, '').toLowerCase() : '');

/** Finds custom fields by label once per form (labels do not change while it is open). */
const labelCache = new WeakMap<object, { key: string; labels: Record<string, string>; grids: Record<string, ControlLike> }>();

export function readXrm(xrm: unknown, want: XrmWant): XrmAnswer | null {
  const page = guard(() => (xrm as XrmLike | undefined)?.Page);
  const entity = guard(() => page?.data?.entity);
  if (!page || !entity || typeof page.getAttribute !== 'function') return null;
  const entityName = guard(() => entity.getEntityName());
  if (typeof entityName !== 'string' || !/^[a-z0-9_]{1,100}$/.test(entityName)) return null;
  const id = cleanId(guard(() => entity.getId()));
  const found = findByLabel(page, want);
  const attributes: Record<string, XrmAttribute> = {};
  for (const n of new Set([...want.names, ...Object.values(found.labels)])) {
    const a = guard(() => page.getAttribute!(n));
    const v = a ? guard(() => attribute(a)) : undefined;
    if (v) attributes[n] = v;
  }
  const grids: Record<string, number> = {};
  for (const [key, control] of Object.entries(found.grids)) {
    const count = guard(() => control.getGrid?.().getTotalRecordCount());
    if (typeof count === 'number' && Number.isInteger(count) && count >= 0) grids[key] = count;
  }
  const pattern = guard(() => (xrm as XrmLike).Utility?.getGlobalContext?.().userSettings?.dateFormattingInfo?.ShortDatePattern);
  return {
    v: BRIDGE_VERSION,
    kind: 'xrm',
    entity: entityName,
    id: /^[0-9a-f-]{36}$/.test(id) ? id : null,
    attributes,
    labels: found.labels,
    grids,
    ...(typeof pattern === 'string' && pattern.length <= 40 ? { dateFormat: pattern } : {}),
  };
}

function findByLabel(page: FormLike, want: XrmWant): { labels: Record<string, string>; grids: Record<string, ControlLike> } {
  const key = JSON.stringify([want.labels, want.grids]);
  const cached = labelCache.get(page.ui ?? page);
  if (cached && cached.key === key) return cached;
  const labels: Record<string, string> = {};
  const grids: Record<string, ControlLike> = {};
  const controls = guard(() => page.ui?.controls?.get()) ?? [];
  for (const c of controls.slice(0, 1000)) {
    const label = labelKey(guard(() => c.getLabel?.()) ?? '');
    if (!label) continue;
    const isGrid = guard(() => c.getControlType?.()) === 'subgrid';
    const wanted = isGrid ? want.grids : want.labels;
    for (const [field, keys] of Object.entries(wanted)) {
      if (!keys.includes(label)) continue;
      if (isGrid) grids[field] ??= c;
      else {
        const name = guard(() => c.getAttribute?.().getName());
        if (typeof name === 'string' && /^[a-z0-9_]{1,100}$/.test(name)) labels[field] ??= name;
      }
    }
  }
  const result = { key, labels, grids };
  // Cache only once the form has controls: a half-loaded form is asked again.
  if (controls.length > 0) labelCache.set(page.ui ?? page, result);
  return result;
}

function attribute(a: AttributeLike): XrmAttribute | undefined {
  const type = a.getAttributeType() as XrmAttribute['type'];
  if (!TYPES.has(type)) return undefined;
  const raw = a.getValue();
  const editable = guard(() => {
    const cs = a.controls?.get() ?? [];
    return cs.length ? cs.some((c) => c.getDisabled?.() === false) : undefined;
  });
  const base = editable === undefined ? {} : { editable };
  if (raw === null || raw === undefined) return { type, value: null, ...base };
  switch (type) {
    case 'boolean':
      return typeof raw === 'boolean' ? { type, value: raw, ...base } : undefined;
    case 'money':
    case 'decimal':
    case 'double':
    case 'integer':
      return typeof raw === 'number' && Number.isFinite(raw) ? { type, value: raw, ...base } : undefined;
    case 'optionset': {
      if (typeof raw !== 'number') return undefined;
      const text = guard(() => a.getText?.());
      return { type, value: raw, text: typeof text === 'string' ? clip(text, 2000) : null, ...base };
    }
    case 'multioptionset':
      return Array.isArray(raw) && raw.every((n) => typeof n === 'number')
        ? { type, value: raw.slice(0, 100) as number[], ...base }
        : undefined;
    case 'datetime':
      // The client API gives a Date in the user's time zone; the calendar day is what the user sees.
      return raw instanceof Date && !Number.isNaN(raw.getTime())
        ? {
            type,
            value: `${String(raw.getFullYear()).padStart(4, '0')}-${String(raw.getMonth() + 1).padStart(2, '0')}-${String(raw.getDate()).padStart(2, '0')}`,
            ...base,
          }
        : undefined;
    case 'lookup':
      if (!Array.isArray(raw)) return undefined;
      return {
        type,
        value: raw.slice(0, 20).map((l: { id?: unknown; name?: unknown; entityType?: unknown }) => ({
          id: clip(cleanId(l.id), 64),
          name: typeof l.name === 'string' ? clip(l.name, 2000) : null,
          ...(typeof l.entityType === 'string' ? { entityType: clip(l.entityType, 100) } : {}),
        })),
        ...base,
      };
    default:
      return typeof raw === 'string' ? { type, value: clip(raw, 4000), ...base } : undefined;
  }
}
