/**
 * Dynamics 365 Unified Interface controls, anchored on `data-id` built from logical names
 * (docs/real-apps.md, Dynamics 365). Never class names.
 */
import type { CustomFieldKey, Settings } from '../../model/settings';
import { cssEscape, firstShown, labelKey, normalize } from '../dom';
import { labelKeysFor } from '../labels';

const CONTAINER = '[data-id$="-FieldSectionItemContainer"]';
const EMPTY = new Set(['', '---', '--', '-- Select --', '--Select--', '-- 選択 --', '-- Sélectionner --']);

/** Body field container for a logical name; header and business-process copies only when the body has none. */
export function containerByLogicalName(form: ParentNode, name: string): Element | null {
  const all = [...form.querySelectorAll(`[data-id$="${cssEscape(name)}-FieldSectionItemContainer"]`)].filter((el) => {
    const id = el.getAttribute('data-id') ?? '';
    return (
      id === `${name}-FieldSectionItemContainer` ||
      id === `header_${name}-FieldSectionItemContainer` ||
      id === `header_process_${name}-FieldSectionItemContainer`
    );
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
/**
 * The page's own text of a two-option field's "yes" choice (はい, Oui…), where the control shows
 * its options: a select or a radio group. A toggle shows only its current state, so none.
 */
export function twoOptionYesText(container: Element): string | undefined {
  const select = container.querySelector('select[data-id*=".fieldControl-checkbox-select"]');
  const text = (el: Element | null | undefined) => (el?.textContent ?? '').trim() || el?.getAttribute('aria-label')?.trim() || undefined;
  if (select) return text(select.querySelector('option[value="1"], option[value="true"]'));
  const group = container.querySelector('[data-id*=".fieldControl-checkbox-container"][role="radiogroup"]');
  if (!group) return undefined;
  const radios = [...group.querySelectorAll('[role="radio"]')];
  return text(radios.find((r) => (r.getAttribute('data-id') ?? '').endsWith('inner-second')) ?? (radios.length === 2 ? radios[1] : null));
}

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
  // The current look: a Fluent v9 Switch in the field's PCF container, no aria-checked: the input's state.
  const pcf = container.querySelector('[data-id$=".fieldControl-pcf-container-id"] input[role="switch"]');
  if (pcf) return (pcf as HTMLInputElement).checked;
  const toggle = container.querySelector(
    '[data-id*=".fieldControl-toggle-container"] [aria-checked], [data-id*=".fieldControl-toggle-container"][aria-checked]',
  );
  if (toggle) {
    const aria = toggle.getAttribute('aria-checked');
    return aria === 'true' ? true : aria === 'false' ? false : undefined;
  }
  return undefined;
}

/** Text, number, currency, date and multiline inputs: the live value; `null` when empty. */
export function readText(container: Element): string | null | undefined {
  const input =
    container.querySelector<HTMLInputElement | HTMLTextAreaElement>(
      'input[data-id*=".fieldControl"], textarea[data-id*=".fieldControl"]',
    ) ?? container.querySelector('input:not([type="hidden"]), textarea');
  // A read-only empty field shows `---`: empty, not a value.
  if (input) return EMPTY.has(normalize(input.value)) ? null : input.value.trim();
  return undefined;
}

/** Option set: `select` (older UCI) or the Fluent combobox button (newer). `null` when nothing is chosen. */
export function readChoice(container: Element): string | null | undefined {
  const select = container.querySelector<HTMLSelectElement>(
    'select[data-id*=".fieldControl-option-set-select"], select[data-id*=".fieldControl"]',
  );
  if (select) {
    const v = select.value;
    const opt = [...select.options].find((o) => o.value === v);
    if (v === '' || v === '-1') return null;
    const text = normalize(opt?.textContent);
    return EMPTY.has(text) ? null : text || null;
  }
  const combo = container.querySelector(
    '[data-id*=".fieldControl-option-set-select"], [data-id*=".fieldControl-option-set-container"] [role="combobox"], [role="combobox"][data-id*=".fieldControl"]',
  );
  if (combo) {
    const text = normalize(combo.getAttribute('value') || combo.getAttribute('title') || combo.textContent);
    return EMPTY.has(text) ? null : text;
  }
  return undefined;
}

/** Lookup: the selected record's name, `null` when the lookup is empty. */
export function readLookup(container: Element, name: string): string | null | undefined {
  const tag = container.querySelector(
    `[data-id*="${cssEscape(name)}.fieldControl-LookupResultsDropdown_${cssEscape(name)}_selected_tag"], [data-id*="_selected_tag"]`,
  );
  if (tag) {
    const text = container.querySelector('[data-id$="_selected_tag_text"]');
    return normalize(text?.getAttribute('title') || text?.textContent || tag.textContent) || null;
  }
  if (container.querySelector('input[data-id*="_textInputBox_with_filter_new"], input[data-id*="LookupResultsDropdown"]')) return null;
  return undefined;
}

/** Whether a field's control can be edited (not read-only, not disabled). */
export function isEditable(container: Element): boolean | undefined {
  const control = container.querySelector(
    'input:not([type="hidden"]), textarea, select, button[role="switch"], [role="switch"], [role="radiogroup"], [role="combobox"]',
  );
  if (!control) return undefined;
  return !(
    control.getAttribute('aria-readonly') === 'true' ||
    control.hasAttribute('readonly') ||
    control.hasAttribute('disabled') ||
    control.getAttribute('aria-disabled') === 'true'
  );
}

/** Rows of a subgrid, found by its title (label map). `0` when the grid says it is empty. */
export function subgridByLabel(form: ParentNode, key: CustomFieldKey, settings?: Settings): { count: number; anchor: Element } | undefined {
  const wanted = labelKeysFor(key, settings);
  for (const title of form.querySelectorAll('h2, h3, [role="heading"], label, span[title]')) {
    if (!wanted.has(labelKey(title.getAttribute('title') || title.textContent))) continue;
    const section = title.closest('[data-id$="-subgrid"], [data-id*="subgrid"], section, [data-control-name]');
    const grid = section?.querySelector('[data-id$="-pcf_grid_control_container"], [role="grid"], [role="treegrid"]');
    if (!section || !grid || !firstShown([grid])) continue;
    // AG Grid renders pinned columns' rows apart from the centre ones: count the centre rows once.
    const centre = grid.querySelector('.ag-center-cols-container');
    const rows = [...(centre ?? grid).querySelectorAll('[role="row"]')].filter(
      (r) => !r.querySelector('[role="columnheader"]') && !r.closest('[role="rowgroup"][data-header]'),
    );
    // A count is a count only when the grid is complete: its own row count (header rows included)
    // agrees. A grid without its header row is not the grid yet.
    const headers = [...grid.querySelectorAll('[role="row"]')].filter((r) => r.querySelector('[role="columnheader"]')).length;
    const counted = grid.matches('[aria-rowcount]') ? grid : grid.querySelector('[aria-rowcount]');
    const total = Number(counted?.getAttribute('aria-rowcount') ?? NaN);
    if (headers === 0 || (Number.isInteger(total) && total >= 0 && headers + rows.length !== total)) return undefined;
    return { count: rows.length, anchor: section };
  }
  return undefined;
}
