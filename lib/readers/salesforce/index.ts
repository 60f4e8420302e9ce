/**
 * Salesforce Lightning reader: Opportunity and Account record pages (`/lightning/r/...`).
 * Reader order (docs/real-apps.md, Salesforce Lightning): URL gate → the visible record page (Lightning keeps
 * earlier records in the DOM, hidden) → API-name anchor (`data-target-selection-name`) →
 * `records-record-layout-item[field-label]` through the label map → highlights panel. Values may
 * sit in open shadow roots.
 */
import type { Account, Opportunity } from '../../model/observation';
import type { CustomFieldKey, Settings } from '../../model/settings';
import { cssEscape, deepText, firstShown, isShown, labelKey, labelKeys, normalize, pageLang, parseAmount, parseDisplayDate } from '../dom';
import { labelKeysFor } from '../labels';
import { fieldName } from '../../knowledge/fields';
import type { PageReading } from '../types';
import { CLOSED_LOST, CLOSED_WON, OPEN_STAGES, SF_LABELS, type SfStandardField } from './labels';

const RECORD_PATH = /\/lightning\/r\/(?:(\w+)\/)?([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)\/view/;

/** The connector's custom fields, by the API names of the 2020 manual set-up (a first try; labels follow). */
const CUSTOM_API: Partial<Record<CustomFieldKey, string>> = {
  syncWithPartnerCenter: 'Sync_with_Partner_Center__c',
  referralIdentifier: 'Referral_Identifier__c',
  helpRequested: 'How_can_Microsoft_help__c',
  audit: 'Audit__c',
  referralLink: 'Referral_Link__c',
};

export function readSalesforce(doc: Document, url: URL, settings: Settings): PageReading | null {
  const m = RECORD_PATH.exec(url.pathname);
  if (!m) return null;
  const id = m[2]!;
  const object = m[1] ?? (id.startsWith('006') ? 'Opportunity' : id.startsWith('001') ? 'Account' : '');
  const root = firstShown(doc.querySelectorAll('one-record-home-flexipage2, records-record-home, [data-record-id]'));
  if (!root) return null;
  const f = new Fields(root, object, settings);
  if (object === 'Opportunity') return readOpportunity(doc, f, id, settings);
  if (object === 'Account') return readAccount(f, id, settings);
  return null;
}

class Fields {
  readonly anchors: Record<string, Element> = {};
  constructor(
    readonly root: Element,
    readonly object: string,
    readonly settings: Settings,
  ) {}

  /** The field's container: API name first, then its label in the record layout, then the highlights panel. */
  find(apiNames: readonly string[], labels: Set<string>): Element | null {
    for (const api of apiNames) {
      const hits = this.root.querySelectorAll(
        `[data-target-selection-name="sfdc:RecordField.${cssEscape(this.object)}.${cssEscape(api)}"], [data-target-selection-name$="__${cssEscape(api)}"]`,
      );
      const el = firstShown(hits);
      if (el) return el;
    }
    const items = [...this.root.querySelectorAll('records-record-layout-item[field-label], force-record-layout-item[field-label]')].filter(
      (i) => labels.has(labelKey(i.getAttribute('field-label'))),
    );
    const item = firstShown(items);
    if (item) return item;
    for (const label of this.root.querySelectorAll('.test-id__field-label')) {
      if (labels.has(labelKey(label.textContent))) {
        const c = label.closest('records-record-layout-item, .slds-form-element');
        if (c && isShown(c)) return c;
      }
    }
    for (const hi of this.root.querySelectorAll('records-highlights-details-item')) {
      const t = hi.querySelector('[title]');
      if (t && labels.has(labelKey(t.getAttribute('title'))) && isShown(hi)) return hi;
    }
    return null;
  }

  standard(field: SfStandardField): Element | null {
    return this.find([field], labelKeys(...Object.values(SF_LABELS[field])));
  }

  custom(key: CustomFieldKey): Element | null {
    const api = CUSTOM_API[key];
    return this.find(api ? [api] : [], labelKeysFor(key, this.settings));
  }
}

/** The displayed value of a field container: `null` when empty. */
function valueText(container: Element): string | null {
  const out =
    container.querySelector(
      '[data-output-element-id="output-field"], .test-id__field-value, p.fieldComponent, lightning-formatted-text, lightning-formatted-number, lightning-formatted-rich-text, records-formula-output',
    ) ?? container;
  // The label is not the value: drop it when we fell back to the whole container.
  const text =
    out === container
      ? deepText(container).replace(normalize(container.querySelector('.test-id__field-label, [title]')?.textContent), '')
      : deepText(out);
  const v = normalize(text);
  return v === '' ? null : v;
}

function checkbox(container: Element): boolean | undefined {
  const find = (root: ParentNode): boolean | undefined => {
    const input = root.querySelector<HTMLInputElement>('input[type="checkbox"]');
    if (input) return input.checked || input.hasAttribute('checked');
    const li = root.querySelector('lightning-input[type="checkbox"], lightning-primitive-input-checkbox');
    if (li && !li.shadowRoot) return li.hasAttribute('checked');
    const aria = root.querySelector('[role="checkbox"][aria-checked]');
    if (aria) return aria.getAttribute('aria-checked') === 'true';
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        const v = find(el.shadowRoot);
        if (v !== undefined) return v;
      }
    }
    return undefined;
  };
  return find(container);
}

function relatedListCount(root: Element, labels: Set<string>): { count: number; anchor: Element } | undefined {
  for (const article of root.querySelectorAll('article')) {
    const title =
      article.getAttribute('aria-label') || article.querySelector('h2 [title], h2')?.getAttribute('title') || textOfFirst(article, 'h2');
    if (!labels.has(labelKey(title)) || !isShown(article)) continue;
    const header = article.querySelector('h2') ?? article;
    const m = /\((\d+)\+?\)/.exec(deepText(header));
    if (m) return { count: Number(m[1]), anchor: article };
    const rows = [...article.querySelectorAll('tbody tr, [role="row"]')].filter(
      (r) => !r.querySelector('[role="columnheader"], th[scope="col"]'),
    );
    // No count in the title and no rows: the list has not loaded (an empty one says "(0)").
    return rows.length > 0 ? { count: rows.length, anchor: article } : undefined;
  }
  return undefined;
}

const textOfFirst = (el: Element, sel: string) => normalize(el.querySelector(sel)?.textContent);

function readOpportunity(doc: Document, f: Fields, recordId: string, settings: Settings): PageReading {
  const o: Opportunity = { kind: 'opportunity', app: 'salesforce', recordId };
  const anchors = f.anchors;
  const put = <K extends keyof Opportunity>(key: K, value: Opportunity[K] | undefined, anchor: Element | null, field: string = key) => {
    if (value === undefined) return;
    // The highlights panel is a summary that cuts and leaves out: an empty value there is not an empty field.
    if (value === null && anchor?.localName === 'records-highlights-details-item') return;
    o[key] = value;
    if (anchor) anchors[field] = anchor;
  };
  const nameEl = f.root.querySelector('records-highlights2 [slot="primaryField"], lightning-formatted-text[slot="primaryField"]');
  const header = f.root.querySelector('records-highlights2, records-lwc-highlights-panel');
  if (nameEl) put('name', normalize(nameEl.textContent) || null, header);

  const sync = f.custom('syncWithPartnerCenter');
  if (sync) put('syncWithPartnerCenter', checkbox(sync), sync);
  const help = f.custom('helpRequested');
  if (help) put('helpRequested', valueText(help), help);
  const solutions = relatedListCount(f.root, labelKeysFor('solutions', settings));
  if (solutions) put('solutionsCount', solutions.count, solutions.anchor, 'solutions');
  const contacts = relatedListCount(f.root, labelKeys(...Object.values(SF_LABELS.ContactRoles)));
  const contactField = f.standard('ContactId');
  if (contacts && contacts.count > 0) put('contactLinked', true, contacts.anchor);
  else if (contactField && valueText(contactField)) put('contactLinked', true, contactField);
  else if (contacts) put('contactLinked', false, contacts.anchor);

  const amountEl = settings.fields.dealValue ? f.find([settings.fields.dealValue], new Set()) : f.standard('Amount');
  if (amountEl) {
    const text = valueText(amountEl);
    const amount = text === null ? null : parseAmount(text);
    if (amount !== undefined) {
      put('dealValue', amount, amountEl);
      if (text) o.dealValueText = text;
    }
  }
  const currencyEl = settings.fields.currency ? f.find([settings.fields.currency], new Set()) : f.standard('CurrencyIsoCode');
  if (currencyEl) {
    const text = valueText(currencyEl);
    put('currency', text === null ? null : (/^([A-Za-z]{3})\s+-\s+/.exec(text)?.[1] ?? text), currencyEl);
  }
  const closeEl = f.standard('CloseDate');
  if (closeEl) {
    const text = valueText(closeEl);
    put('closeDate', text === null ? null : parseDisplayDate(text, pageLang(doc)), closeEl);
  }
  const stageEl = f.standard('StageName');
  if (stageEl) {
    const stage = valueText(stageEl);
    put('stage', stage, stageEl);
    put('state', stageState(stage, settings), null);
  }
  const referral = f.custom('referralIdentifier');
  if (referral) put('referralId', valueText(referral), referral);
  const visibility = f.custom('referralVisibility');
  if (visibility)
    put(
      'referralVisibilityEditable',
      !!visibility.querySelector('.test-id__inline-edit-trigger, button[data-inline-edit]'),
      visibility,
      'referralVisibility',
    );
  const audit = f.custom('audit');
  if (audit) put('audit', valueText(audit), audit);
  const products = f.custom('productsObsolete');
  if (products) put('productsObsolete', valueText(products), products);
  return { observations: [o], anchors, recordKey: `salesforce:opportunity:${recordId}` };
}

/** Won/lost for the standard closed stages; open for the standard open stages and the configured ones; else unknown. */
function stageState(stage: string | null, settings: Settings): Opportunity['state'] {
  if (!stage) return undefined;
  const k = labelKey(stage);
  if (CLOSED_WON.has(k)) return 'won';
  if (CLOSED_LOST.has(k)) return 'lost';
  const configured = [settings.salesforceStages.onHold, settings.salesforceStages.active].filter(Boolean).map((s) => labelKey(s));
  if (OPEN_STAGES.has(k) || configured.includes(k)) return 'open';
  return undefined;
}

function readAccount(f: Fields, recordId: string, settings: Settings): PageReading {
  const a: Account = { kind: 'account', app: 'salesforce', recordId };
  const nameEl = f.root.querySelector('records-highlights2 [slot="primaryField"], lightning-formatted-text[slot="primaryField"]');
  if (nameEl) a.name = normalize(nameEl.textContent) || null;
  const countryField = fieldName(settings, 'salesforce', 'country');
  const direct = f.find(
    [countryField],
    countryField === 'BillingCountry' ? labelKeys(...Object.values(SF_LABELS.BillingCountry)) : new Set(),
  );
  if (direct) {
    a.country = valueText(direct);
    f.anchors.country = direct;
  } else if (countryField === 'BillingCountry') {
    const address = f.standard('BillingAddress');
    const formatted = address?.querySelector('lightning-formatted-address');
    if (address && formatted) {
      const lines = [...formatted.querySelectorAll('div, span.line')].map((d) => normalize(d.textContent)).filter(Boolean);
      const fallback = (formatted.textContent ?? '').split(/\n/).map(normalize).filter(Boolean);
      const all = lines.length ? lines : fallback;
      a.country = all.length >= 2 ? all[all.length - 1]! : null;
      f.anchors.country = address;
    }
  }
  return { observations: [a], anchors: f.anchors, recordKey: `salesforce:account:${recordId}` };
}
