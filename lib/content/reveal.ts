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
  const shown = [...doc.querySelectorAll<HTMLElement>('cosell-hint, cosell-panel')].flatMap((host) => {
    const item = [...(host.shadowRoot?.querySelectorAll<HTMLElement>('[data-rule]') ?? [])].find(
      (e) => e.getAttribute('data-rule') === target.rule,
    );
    return item ? [{ host, item }] : [];
  });
  // The hint at the finding's own field first; else where it is said (under its cause, or merged
  // into the hint of another field on the same element).
  const found = shown.find(({ host }) => host.getAttribute('data-field') === target.field) ?? shown[0];
  if (!found) return false;
  const details = found.item.closest('details');
  if (details) details.open = true;
  found.host.scrollIntoView({ block: 'center', behavior: 'smooth' });
  found.host.setAttribute('data-flash', '');
  doc.defaultView?.setTimeout(() => found.host.removeAttribute('data-flash'), FLASH_MS);
  return true;
}
