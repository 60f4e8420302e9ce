/**
 * Dynamics 365 Unified Interface controls, anchored on `data-id` built from logical names
 * (knowledge/dom.md §2.1). Never class names.
 */
import type { CustomFieldKey, Settings } from '../../model/settings';
import { cssEscape, firstShown, isShown, labelKey } from '../dom';
import { labelKeysFor } from '../labels';

const CONTAINER = '[data-id$="-FieldSectionItemContainer"]';

/** Body field container for a logical name; header and business-process copies only when the body has none. */
export function containerByLogicalName(form: ParentNode, name: string): Element | null {
  const all = [...form.querySelectorAll(`[data-id$="${cssEscape(name)}-FieldSectionItemContainer"]`)].filter((el) => {
    const id = el.getAttribute('data-id') ?? '';
    return id === `${name}-FieldSectionItemContainer` || id === `header_${name}-FieldSectionItemContainer` || id === `header_process_${name}-FieldSectionItemContainer`;
  });
  const body = all.filter((el) => !(el.getAttribute('data-id') ?? '').startsWith('header_'));
  return firstShown(body) ?? firstShown(all);
}

/** Container of a connector custom field, found by its label in en/ja/fr or the user's overrides. */
export function containerByLabel(form: ParentNode, key: CustomFieldKey, settings?: Settings): Element | null {
  const wanted = labelKeysFor(key, settings);
  const candidates: Element[] = [];
  for (const label of form.querySelectorAll('label[id$="-field-label"]')) {
    if (wanted.has(labelKey(label.textContent))) {
      const c = label.closest(CONTAINER);
      if (c) candidates.push(c);
    }
  }
  if (candidates.length === 0) {
    for (const el of form.querySelectorAll('[aria-label]')) {
      if (wanted.has(labelKey(el.getAttribute('aria-label')))) {
        const c = el.closest(CONTAINER);
        if (c) candidates.push(c);
      }
    }
  }
  const body = candidates.filter((c) => !(c.getAttribute('data-id') ?? '').startsWith('header_'));
  return firstShown(body) ?? firstShown(candidates);
}

/**
 * A two-option (Yes/No) field in any of its renderings: select list, checkbox, radio group,
 * toggle switch. `undefined` when the rendering is not recognised.
 */
export function readTwoOption(container: Element): boolean | undefined {
  const select = container.querySelector<HTMLSelectElement>('select[data-id*=".fieldControl-checkbox-select"]');
  if (select) {
    // The live value first (the user may have just changed it), the rendered selection second.
    const v = select.value || select.querySelector('option[data-selected="true"]')?.getAttribute('value');
    return v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : undefined;
  }
  const checkbox = container.querySelector<HTMLInputElement>('input[data-id*=".fieldControl-checkbox-toggle"]');
  if (checkbox) {
    const aria = checkbox.getAttribute('aria-checked');
    if (checkbox.type === 'checkbox') return checkbox.checked;
    return aria === 'true' ? true : aria === 'false' ? false : undefined;
  }
  const group = container.querySelector('[data-id*=".fieldControl-checkbox-container"][role="radiogroup"]');
  if (group) {
    const radios = [...group.querySelectorAll('[role="radio"]')];
    const on = radios.find((r) => r.getAttribute('aria-checked') === 'true');
    if (!on) return undefined;
    const id = on.getAttribute('data-id') ?? '';
    if (id.endsWith('inner-second')) return true;
    if (id.endsWith('inner-first')) return false;
    return radios.length === 2 ? radios.indexOf(on) === 1 : undefined;
  }
  const toggle = container.querySelector('[data-id*=".fieldControl-toggle-container"] [aria-checked], [data-id*=".fieldControl-toggle-container"][aria-checked]');
  if (toggle) {
    const aria = toggle.getAttribute('aria-checked');
    return aria === 'true' ? true : aria === 'false' ? false : undefined;
  }
  return undefined;
}

export { isShown };
