/**
 * The popup's "Show on the page": scrolls to the hint of one finding and flashes it. The popup
 * names the finding by rule and field; only our own hosts are searched, and nothing of the page's
 * changes. Content scripts carry no zod, so the message is checked by hand.
 */
export const REVEAL = 'cosell:reveal';

export interface RevealTarget {
  rule: string;
  field?: string;
}

export function revealTarget(msg: unknown): RevealTarget | null {
  if (typeof msg !== 'object' || msg === null) return null;
  const { type, rule, field } = msg as Record<string, unknown>;
  if (type !== REVEAL || typeof rule !== 'string' || rule.length > 100) return null;
  if (field !== undefined && (typeof field !== 'string' || field.length > 200)) return null;
  return field === undefined ? { rule } : { rule, field };
}

/** How long the flash lasts (hint.css draws it). */
const FLASH_MS = 1600;

/** Scrolls to the finding's hint, opens it and flashes it; false when this document shows no such hint. */
export function revealHint(doc: Document, target: RevealTarget): boolean {
  for (const host of doc.querySelectorAll<HTMLElement>('cosell-hint, cosell-panel')) {
    const item = [...(host.shadowRoot?.querySelectorAll<HTMLElement>('[data-rule]') ?? [])].find(
      (e) => e.getAttribute('data-rule') === target.rule,
    );
    // A hint sits at its field: one on another field is another finding of the same rule.
    if (!item || (host.localName === 'cosell-hint' && target.field !== undefined && host.getAttribute('data-field') !== target.field))
      continue;
    const details = item.closest('details');
    if (details) details.open = true;
    host.scrollIntoView({ block: 'center', behavior: 'smooth' });
    host.setAttribute('data-flash', '');
    doc.defaultView?.setTimeout(() => host.removeAttribute('data-flash'), FLASH_MS);
    return true;
  }
  return false;
}
