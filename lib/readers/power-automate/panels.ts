/** Side panels: "Run only users" (Manage run-only permissions) and the Webhook Registration run form. */
import type { RunOnlyUsers, WebhookRegistration } from '../../model/observation';
import { cssEscape, firstShown, isShown, labelKey, normalize } from '../dom';
import { inCard } from './designer';
import { NO, PROVIDED_BY_RUN_ONLY, RUN_ONLY_PANEL, USE_THIS_CONNECTION, WEBHOOK_LABELS, YES } from './labels';
import type { Anchors } from '../types';

const panels = (doc: Document) =>
  [...doc.querySelectorAll('[role="dialog"], [role="complementary"], aside, section[aria-label]')].filter(isShown);

const nameOf = (el: Element) => {
  const by = el.getAttribute('aria-labelledby');
  const labelled = by
    ? by
        .split(/\s+/)
        .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '')
        .join(' ')
    : '';
  return normalize(el.getAttribute('aria-label') || labelled || el.querySelector('h1, h2, h3, [role="heading"]')?.textContent);
};

export function readRunOnlyUsers(doc: Document): { observation: RunOnlyUsers; anchors: Anchors<'runOnlyUsers'> } | null {
  // The panel (not the details page's "Run only users" card): titled so, with connection dropdowns.
  const panel = panels(doc).find(
    (p) =>
      (RUN_ONLY_PANEL.has(labelKey(nameOf(p))) ||
        [...p.querySelectorAll('h1, h2, h3, [role="heading"]')].some((h) => RUN_ONLY_PANEL.has(labelKey(h.textContent)))) &&
      p.querySelector('[role="combobox"], select'),
  );
  if (!panel) return null;
  const anchors: Anchors<'runOnlyUsers'> = {};
  const connections: RunOnlyUsers['connections'] = [];
  for (const box of panel.querySelectorAll('[role="combobox"], select')) {
    if (!isShown(box)) continue;
    const value = normalize((box as HTMLSelectElement).selectedOptions?.[0]?.textContent ?? box.getAttribute('value') ?? box.textContent);
    const mode = PROVIDED_BY_RUN_ONLY.test(value) ? 'run-only-user' : USE_THIS_CONNECTION.test(value) ? 'this-connection' : 'unknown';
    const labelIds = (box.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter((id) => id && id !== box.id);
    const connector =
      normalize(labelIds.map((id) => doc.getElementById(id)?.textContent ?? '').join(' ')) ||
      normalize(box.getAttribute('aria-label')) ||
      normalize(box.parentElement?.querySelector('label, [data-connector-name]')?.textContent);
    if (!connector) continue;
    connections.push({ connector, mode });
    anchors[`connection:${connector}`] = box.parentElement ?? box;
  }
  if (connections.length === 0) return null;
  const flowName = nameOf(panel);
  return {
    observation: { kind: 'runOnlyUsers', flowName: RUN_ONLY_PANEL.has(labelKey(flowName)) ? null : flowName || null, connections },
    anchors,
  };
}

/**
 * The "Run flow" panel of "Partner Center Webhook Registration": its three inputs, found by the
 * flow's own (English) input names, whatever the portal language. Never inside a designer step card.
 */
export function readWebhookRegistration(
  doc: Document,
): { observation: WebhookRegistration; anchors: Anchors<'webhookRegistration'> } | null {
  // Each input: the first shown label (in page order) with its name and a control. One walk over the
  // page's labels finds all three: this runs on every pass in a designer of thousands of nodes.
  const found: Partial<Record<keyof typeof WEBHOOK_LABELS, { control: Element; container: Element }>> = {};
  const wanted = Object.keys(WEBHOOK_LABELS) as (keyof typeof WEBHOOK_LABELS)[];
  for (const label of doc.querySelectorAll('label, [id][data-label], span[id]')) {
    const key = labelKey(label.textContent);
    const input = wanted.find((name) => !found[name] && WEBHOOK_LABELS[name].has(key));
    if (!input || !isShown(label) || inCard(label)) continue;
    const forId = label.getAttribute('for');
    const control =
      (forId && doc.getElementById(forId)) ||
      doc.querySelector(`[aria-labelledby~="${cssEscape(label.id) || '\ufffd'}"]`) ||
      label.parentElement?.querySelector('input, textarea, select, [role="combobox"], [role="group"], [role="listbox"]');
    if (control) found[input] = { control, container: label.parentElement ?? control };
    if (wanted.every((name) => found[name])) break;
  }
  const { endpoint, events, overwrite } = found;
  if (!endpoint && !events && !overwrite) return null;
  const w: WebhookRegistration = { kind: 'webhookRegistration' };
  const anchors: Anchors<'webhookRegistration'> = {};
  if (endpoint) {
    const v = normalize((endpoint.control as HTMLInputElement).value ?? endpoint.control.textContent);
    w.endpoint = v === '' ? null : v;
    anchors.endpoint = endpoint.container;
  }
  if (events) {
    const root = events.control.closest('[role="group"], fieldset') ?? events.container;
    const boxes = [...root.querySelectorAll('input[type="checkbox"], [role="checkbox"], [role="option"]')];
    if (boxes.length > 0) {
      const checked = (b: Element) =>
        b.localName === 'input'
          ? (b as HTMLInputElement).checked
          : b.getAttribute('aria-checked') === 'true' || b.getAttribute('aria-selected') === 'true';
      const label = (b: Element) =>
        normalize(
          (b.localName === 'input' ? (b as HTMLInputElement).labels?.[0]?.textContent : null) ??
            b.getAttribute('aria-label') ??
            b.textContent,
        );
      w.events = boxes.filter(checked).map(label);
    } else {
      const text = normalize((events.control as HTMLInputElement).value ?? events.control.textContent);
      w.events = text.split(/[,;\s]+/).filter(Boolean);
    }
    anchors.events = events.container;
  }
  if (overwrite) {
    const c = overwrite.control as HTMLSelectElement;
    const v = labelKey(c.selectedOptions?.[0]?.textContent ?? c.getAttribute('value') ?? c.value ?? c.textContent);
    w.overwrite = YES.has(v) ? true : NO.has(v) ? false : null;
    anchors.overwrite = overwrite.container;
  }
  return firstShown(Object.values(anchors)) ? { observation: w, anchors } : null;
}
