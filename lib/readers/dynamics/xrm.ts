/**
 * The Dynamics reader's view of the Xrm bridge's answer (lib/bridge/xrm-message.ts): which
 * attributes to ask for, and each field's value from it, or `undefined` when the answer lacks it
 * (the reader then reads the DOM for that field).
 */
import type { XrmAnswer, XrmAttribute, XrmWant } from '../../bridge/xrm-message';
import { BRIDGE_VERSION } from '../../bridge/xrm-message';
import type { CustomFieldKey, Settings } from '../../model/settings';
import { labelKeysFor } from '../labels';
import { fieldName } from '../../knowledge/fields';

/** Where a field's value came from: the app's client API or the rendered form. */
export type FieldSource = 'xrm' | 'dom';

const LABELLED: CustomFieldKey[] = [
  'syncWithPartnerCenter',
  'helpRequested',
  'referralIdentifier',
  'referralVisibility',
  'audit',
  'productsObsolete',
];

export function xrmWant(settings: Settings): XrmWant {
  const names = [
    'name',
    'statecode',
    fieldName(settings, 'dynamics', 'dealValue'),
    'transactioncurrencyid',
    'estimatedclosedate',
    'parentcontactid',
    fieldName(settings, 'dynamics', 'country'),
  ];
  return {
    v: BRIDGE_VERSION,
    names: [...new Set(names.filter((n) => /^[a-z0-9_]{1,100}$/.test(n)))],
    labels: Object.fromEntries(LABELLED.map((k) => [k, [...labelKeysFor(k, settings)]])),
    grids: { solutions: [...labelKeysFor('solutions', settings)] },
  };
}

/** The answer's attributes, when it is about this record (entity and id match the URL). */
export class XrmForm {
  constructor(private readonly answer: XrmAnswer) {}
  static for(answer: XrmAnswer | null | undefined, entity: string, recordId: string | null): XrmForm | null {
    if (!answer || answer.entity !== entity || (recordId && answer.id !== recordId)) return null;
    return new XrmForm(answer);
  }
  get dateFormat(): string | undefined {
    return this.answer.dateFormat;
  }
  /** The logical name behind a custom field's label. */
  nameOf(key: CustomFieldKey): string | undefined {
    return Object.hasOwn(this.answer.labels, key) ? this.answer.labels[key] : undefined;
  }
  attr(name: string | undefined): XrmAttribute | undefined {
    return name && Object.hasOwn(this.answer.attributes, name) ? this.answer.attributes[name] : undefined;
  }
  grid(key: string): number | undefined {
    return this.answer.grids && Object.hasOwn(this.answer.grids, key) ? this.answer.grids[key] : undefined;
  }
  text(name: string | undefined): string | null | undefined {
    const a = this.attr(name);
    if (!a) return undefined;
    if (a.value === null) return null;
    if (a.type === 'optionset') return a.text ?? undefined;
    if (a.type === 'lookup')
      return Array.isArray(a.value) ? ((a.value[0] as { name: string | null } | undefined)?.name ?? null) : undefined;
    return typeof a.value === 'string' ? a.value.trim() || null : undefined;
  }
  number(name: string | undefined): number | null | undefined {
    const a = this.attr(name);
    return a && (a.value === null || typeof a.value === 'number') ? a.value : undefined;
  }
  bool(name: string | undefined): boolean | undefined {
    const a = this.attr(name);
    return a?.type === 'boolean' && typeof a.value === 'boolean' ? a.value : undefined;
  }
  date(name: string | undefined): string | null | undefined {
    const a = this.attr(name);
    return a?.type === 'datetime' && (a.value === null || typeof a.value === 'string') ? a.value : undefined;
  }
  /** A lookup is set (true), empty (false), unknown (undefined). */
  linked(name: string): boolean | undefined {
    const a = this.attr(name);
    if (a?.type !== 'lookup') return undefined;
    return Array.isArray(a.value) && a.value.length > 0;
  }
}

/** A date pattern's field order as the DOM date parser's language hint. */
export function dateLangOf(pattern: string | undefined): string | undefined {
  if (!pattern) return undefined;
  const p = pattern.trim();
  if (/^y/i.test(p)) return 'ja';
  if (/^d/i.test(p)) return 'fr';
  if (/^M/.test(p)) return 'en-us';
  return undefined;
}
