/** Error text shown anywhere on a Power Automate page: activation banners, install and connection dialogs. */
import type { ErrorMessages } from '../../model/observation';
import { deepText, isShown } from '../dom';

const MAX = 4000;

export function readErrorBanners(doc: Document): { observation: ErrorMessages; anchors: Record<string, Element> } | null {
  const anchors: Record<string, Element> = {};
  const messages: ErrorMessages['messages'] = [];
  for (const el of doc.querySelectorAll('[role="alert"], [role="alertdialog"]')) {
    if (!isShown(el) || el.closest('[data-testid^="rf__node-"], .react-flow__node') || el.localName.startsWith('cosell-')) continue;
    const text = deepText(el).slice(0, MAX);
    if (!text || messages.some((m) => m.text === text)) continue;
    const code = /"code"\s*:\s*"([^"]+)"/.exec(text)?.[1] ?? null;
    anchors[`message:${messages.length}`] = el;
    messages.push({ source: el.getAttribute('role') === 'alertdialog' || el.closest('[role="dialog"]') ? 'dialog' : 'banner', code, text });
  }
  return messages.length ? { observation: { kind: 'errorMessages', messages }, anchors } : null;
}
