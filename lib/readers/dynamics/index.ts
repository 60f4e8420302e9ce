/**
 * Dynamics 365 reader: opportunity and account record forms
 * (`main.aspx?pagetype=entityrecord&etn=opportunity|account`). Reader order (docs/real-apps.md):
 * URL gate → form root → body field containers by logical name → the connector's custom
 * fields by label (en/ja/fr + overrides). A field that is not on screen stays unknown.
 * When the page-world bridge answered (`input.xrm`), each field's value comes from the client API
 * and the DOM only anchors the hint; a field the answer lacks is read from the DOM.
 */
import type { XrmAnswer } from '../../bridge/xrm-message';
import type { Account, FieldKey, Opportunity } from '../../model/observation';
import type { CustomFieldKey, Settings } from '../../model/settings';
import { firstShown, normalize, parseAmount, parseDisplayDate, stripSaveState, textOf } from '../dom';
import type { Anchors, PageReading, ReadHints } from '../types';
import { fieldName } from '../../knowledge/fields';
import { type FieldSource, XrmForm, dateLangOf } from './xrm';
import {
  containerByLabel,
  containerByLogicalName,
  isEditable,
  readChoice,
  readLookup,
  readText,
  readTwoOption,
  twoOptionYesText,
  subgridByLabel,
} from './controls';

const WON = /\b(?:won)\b|受注|gagnée?/i;
const LOST = /\b(?:lost)\b|失注|perdue?/i;
const OPEN = /^(?:open|オープン|ouverte?)$/i;

/** What the content script passes in besides the page: the bridge's latest answer, if any. */
export interface DynamicsInput {
  xrm?: XrmAnswer | null;
}

export function readDynamics(
  doc: Document,
  url: URL,
  settings: Settings,
  _hints?: ReadHints,
  input: DynamicsInput = {},
): PageReading | null {
  const q = url.searchParams;
  if (q.get('pagetype') !== 'entityrecord') return null;
  const form = firstShown(doc.querySelectorAll('[data-id="editFormRoot"]'));
  if (!form) return null;
  const recordId = (q.get('id') ?? '').replace(/[{}]|%7B|%7D/gi, '').toLowerCase() || null;
  const etn = q.get('etn');
  const xrm = etn ? XrmForm.for(input.xrm, etn, recordId) : null;
  if (etn === 'opportunity') return readOpportunity(doc, form, recordId, settings, xrm);
  if (etn === 'account') return readAccount(form, recordId, settings, xrm);
  return null;
}

function title(form: Element): string | null | undefined {
  const el = form.querySelector('[data-id="header_title"]');
  return el ? stripSaveState(normalize(el.getAttribute('title') || el.textContent)) || null : undefined;
}

function readOpportunity(doc: Document, form: Element, recordId: string | null, settings: Settings, xrm: XrmForm | null): PageReading {
  const anchors: Anchors<'opportunity'> = {};
  const sources: Record<string, FieldSource> = {};
  const o: Opportunity = { kind: 'opportunity', app: 'dynamics', recordId };
  /** The client API's value when it has one, else the DOM's (read only then). */
  const set = <K extends keyof Opportunity & FieldKey<'opportunity'>>(
    key: K,
    fromXrm: Opportunity[K] | undefined,
    fromDom: () => Opportunity[K] | undefined,
    anchor: Element | null | undefined,
    field: FieldKey<'opportunity'> = key,
  ) => {
    const value = fromXrm !== undefined ? fromXrm : fromDom();
    if (value === undefined) return;
    o[key] = value;
    sources[field] = fromXrm !== undefined ? 'xrm' : 'dom';
    if (anchor) anchors[field] = anchor;
  };
  const byLabel = (key: CustomFieldKey) => {
    const name = xrm?.nameOf(key);
    return { name, el: (name ? containerByLogicalName(form, name) : null) ?? containerByLabel(form, key, settings) };
  };
  const header = form.querySelector('[data-id="form-header"]');
  set('name', xrm?.text('name'), () => title(form), header);

  const sync = byLabel('syncWithPartnerCenter');
  set('syncWithPartnerCenter', xrm?.bool(sync.name), () => (sync.el ? readTwoOption(sync.el) : undefined), sync.el);
  const help = byLabel('helpRequested');
  set('helpRequested', xrm?.text(help.name), () => (help.el ? readChoice(help.el) : undefined), help.el);
  const solutions = subgridByLabel(form, 'solutions', settings);
  set('solutionsCount', xrm?.grid('solutions'), () => solutions?.count, solutions?.anchor, 'solutions');

  const contact = containerByLogicalName(form, 'parentcontactid');
  set(
    'contactLinked',
    xrm?.linked('parentcontactid'),
    () => {
      const v = contact ? readLookup(contact, 'parentcontactid') : undefined;
      return v === undefined ? undefined : v !== null;
    },
    contact,
  );
  const valueField = fieldName(settings, 'dynamics', 'dealValue');
  const value = containerByLogicalName(form, valueField);
  const valueText = value ? readText(value) : undefined;
  set(
    'dealValue',
    xrm?.number(valueField),
    () => (valueText === undefined ? undefined : valueText === null ? null : parseAmount(valueText)),
    value,
  );
  if (o.dealValue !== undefined && valueText) o.dealValueText = valueText;
  const currency = containerByLogicalName(form, 'transactioncurrencyid');
  set(
    'currency',
    xrm?.text('transactioncurrencyid'),
    () => (currency ? readLookup(currency, 'transactioncurrencyid') : undefined),
    currency,
  );
  const close = containerByLogicalName(form, 'estimatedclosedate');
  set(
    'closeDate',
    xrm?.date('estimatedclosedate'),
    () => {
      const text = close ? readText(close) : undefined;
      // Dates follow the user's personal format, not the UI language: a day-or-month date stays unknown without Xrm's.
      return text === null ? null : text === undefined ? undefined : parseDisplayDate(text, dateLangOf(xrm?.dateFormat) ?? '');
    },
    close,
  );
  set('state', xrmState(xrm), () => readState(doc, form), null);

  const referral = byLabel('referralIdentifier');
  set('referralId', xrm?.text(referral.name), () => (referral.el ? readText(referral.el) : undefined), referral.el);
  const visibility = byLabel('referralVisibility');
  set(
    'referralVisibilityEditable',
    xrm?.attr(visibility.name)?.editable,
    () => (visibility.el ? isEditable(visibility.el) : undefined),
    visibility.el,
    'referralVisibility',
  );
  const audit = byLabel('audit');
  set('audit', xrm?.text(audit.name), () => (audit.el ? readText(audit.el) : undefined), audit.el);
  const products = byLabel('productsObsolete');
  set('productsObsolete', xrm?.text(products.name), () => (products.el ? readText(products.el) : undefined), products.el);

  const yes = sync.el ? twoOptionYesText(sync.el) : undefined;
  const options = yes ? { syncWithPartnerCenter: yes } : undefined;
  return { observations: [o], anchors, sources, ...(options && { options }), recordKey: `dynamics:opportunity:${recordId ?? ''}` };
}

/** Opportunity statecode: 0 open, 1 won, 2 lost (the documented option values). */
function xrmState(xrm: XrmForm | null): Opportunity['state'] {
  const v = xrm?.number('statecode');
  return v === 0 ? 'open' : v === 1 ? 'won' : v === 2 ? 'lost' : undefined;
}

/** Open / won / lost from the status field when the form shows it, else the closed-record banner. */
function readState(doc: Document, form: Element): Opportunity['state'] {
  const state = containerByLogicalName(form, 'statecode');
  const choice = state ? readChoice(state) : undefined;
  if (choice) {
    if (OPEN.test(choice)) return 'open';
    if (WON.test(choice)) return 'won';
    if (LOST.test(choice)) return 'lost';
  }
  const banner = doc.getElementById('message-formReadOnlyNotification');
  if (banner && firstShown([banner])) {
    const text = textOf(banner);
    if (WON.test(text)) return 'won';
    if (LOST.test(text)) return 'lost';
    return undefined; // read-only for a reason we cannot tell
  }
  // A closed opportunity is read-only throughout: a field the user can edit says it is open.
  const fields = [...form.querySelectorAll('[data-id$="-FieldSectionItemContainer"]')].filter(
    (c) => !c.getAttribute('data-id')!.startsWith('header_'),
  );
  return fields.some((c) => isEditable(c) === true) ? 'open' : undefined;
}

function readAccount(form: Element, recordId: string | null, settings: Settings, xrm: XrmForm | null): PageReading {
  const anchors: Anchors<'account'> = {};
  const sources: Record<string, FieldSource> = {};
  const a: Account = { kind: 'account', app: 'dynamics', recordId };
  const fromXrmName = xrm?.text('name');
  const name = fromXrmName !== undefined ? fromXrmName : title(form);
  if (name !== undefined) {
    a.name = name;
    sources.name = fromXrmName !== undefined ? 'xrm' : 'dom';
  }
  const field = fieldName(settings, 'dynamics', 'country');
  const country = containerByLogicalName(form, field);
  const fromXrm = xrm?.text(field);
  let v: string | null | undefined = fromXrm;
  if (v === undefined && country) {
    const text = readText(country);
    v = text === undefined ? readLookup(country, field) : text;
  }
  if (v !== undefined) {
    a.country = v;
    sources.country = fromXrm !== undefined ? 'xrm' : 'dom';
    if (country) anchors.country = country;
  }
  return { observations: [a], anchors, sources, recordKey: `dynamics:account:${recordId ?? ''}` };
}
