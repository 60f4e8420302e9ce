/**
 * Dynamics 365 reader: opportunity and account record forms
 * (`main.aspx?pagetype=entityrecord&etn=opportunity|account`). Reader order per knowledge/dom.md
 * §2.3: URL gate → form root → body field containers by logical name → the connector's custom
 * fields by label (en/ja/fr + overrides). A field that is not on screen stays unknown.
 */
import type { Account, Opportunity } from '../../model/observation';
import type { Settings } from '../../model/settings';
import { firstShown, normalize, pageLang, parseAmount, parseDisplayDate, stripSaveState, textOf } from '../dom';
import type { PageReading } from '../types';
import { containerByLabel, containerByLogicalName, isEditable, readChoice, readLookup, readText, readTwoOption, subgridByLabel } from './controls';

const WON = /\b(?:won)\b|受注|gagnée?/i;
const LOST = /\b(?:lost)\b|失注|perdue?/i;
const OPEN = /^(?:open|オープン|ouverte?)$/i;

export function readDynamics(doc: Document, url: URL, settings: Settings): PageReading | null {
  const q = url.searchParams;
  if (q.get('pagetype') !== 'entityrecord') return null;
  const form = firstShown(doc.querySelectorAll('[data-id="editFormRoot"]'));
  if (!form) return null;
  const recordId = (q.get('id') ?? '').replace(/[{}]|%7B|%7D/gi, '').toLowerCase() || null;
  const etn = q.get('etn');
  if (etn === 'opportunity') return readOpportunity(doc, form, recordId, settings);
  if (etn === 'account') return readAccount(form, recordId, settings);
  return null;
}

function title(form: Element): string | null | undefined {
  const el = form.querySelector('[data-id="header_title"]');
  return el ? stripSaveState(normalize(el.getAttribute('title') || el.textContent)) || null : undefined;
}

function readOpportunity(doc: Document, form: Element, recordId: string | null, settings: Settings): PageReading {
  const anchors: Record<string, Element> = {};
  const o: Opportunity = { kind: 'opportunity', app: 'dynamics', recordId };
  const set = <K extends keyof Opportunity>(key: K, value: Opportunity[K] | undefined, anchor: Element | null | undefined, field: string = key) => {
    if (value === undefined) return;
    o[key] = value;
    if (anchor) anchors[field] = anchor;
  };
  const header = form.querySelector('[data-id="form-header"]');
  set('name', title(form), header);

  const sync = containerByLabel(form, 'syncWithPartnerCenter', settings);
  if (sync) set('syncWithPartnerCenter', readTwoOption(sync), sync);
  const help = containerByLabel(form, 'helpRequested', settings);
  if (help) set('helpRequested', readChoice(help), help);
  const solutions = subgridByLabel(form, 'solutions', settings);
  if (solutions) set('solutionsCount', solutions.count, solutions.anchor, 'solutions');

  const contact = containerByLogicalName(form, 'parentcontactid');
  if (contact) {
    const v = readLookup(contact, 'parentcontactid');
    if (v !== undefined) set('contactLinked', v !== null, contact);
  }
  const valueField = settings.fields.dealValue || 'estimatedvalue';
  const value = containerByLogicalName(form, valueField);
  if (value) {
    const text = readText(value);
    const amount = text === null ? null : parseAmount(text);
    if (text !== undefined && amount !== undefined) {
      set('dealValue', amount, value);
      if (text) o.dealValueText = text;
    }
  }
  const currency = containerByLogicalName(form, 'transactioncurrencyid');
  if (currency) set('currency', readLookup(currency, 'transactioncurrencyid'), currency);
  const close = containerByLogicalName(form, 'estimatedclosedate');
  if (close) {
    const text = readText(close);
    set('closeDate', text === null ? null : text === undefined ? undefined : parseDisplayDate(text, pageLang(doc)), close);
  }
  set('state', readState(doc, form), null);

  const referral = containerByLabel(form, 'referralIdentifier', settings);
  if (referral) set('referralId', readText(referral), referral);
  const visibility = containerByLabel(form, 'referralVisibility', settings);
  if (visibility) set('referralVisibilityEditable', isEditable(visibility), visibility, 'referralVisibility');
  const audit = containerByLabel(form, 'audit', settings);
  if (audit) set('audit', readText(audit), audit);
  const products = containerByLabel(form, 'productsObsolete', settings);
  if (products) set('productsObsolete', readText(products), products);

  return { observations: [o], anchors, recordKey: `dynamics:opportunity:${recordId ?? ''}` };
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
  return 'open';
}

function readAccount(form: Element, recordId: string | null, settings: Settings): PageReading {
  const anchors: Record<string, Element> = {};
  const a: Account = { kind: 'account', app: 'dynamics', recordId };
  const name = title(form);
  if (name !== undefined) a.name = name;
  const country = containerByLogicalName(form, settings.fields.country || 'address1_country');
  if (country) {
    const text = readText(country);
    const v = text === undefined ? readLookup(country, settings.fields.country || 'address1_country') : text;
    if (v !== undefined) {
      a.country = v;
      anchors.country = country;
    }
  }
  return { observations: [a], anchors, recordKey: `dynamics:account:${recordId ?? ''}` };
}
