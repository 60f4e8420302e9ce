/** Error text shown anywhere on a Power Automate page: activation banners, install and connection dialogs. */
import type { ErrorMessages } from '../../model/observation';
import { deepText, isShown } from '../dom';
import { FLOW_NODE } from '../../dom';
import type { Anchors } from '../types';

const MAX = 4000;
/**
 * Error text: alerts and alert dialogs; Fluent v8 message bars below error level (warnings are
 * `role="status"`); Fluent v9 message bars (`role="group"`, whatever their intent).
 */
export const BANNERS =
  '[role="alert"], [role="alertdialog"], .ms-MessageBar[role="status"], .ms-MessageBar [role="status"], .fui-MessageBar[role="group"]';

export function readErrorBanners(doc: Document): { observation: ErrorMessages; anchors: Anchors<'errorMessages'> } | null {
  const anchors: Anchors<'errorMessages'> = {};
  const messages: ErrorMessages['messages'] = [];
  for (const el of doc.querySelectorAll(BANNERS)) {
    if (!isShown(el) || el.closest(FLOW_NODE) || el.localName.startsWith('cosell-')) continue;
    const text = deepText(el).slice(0, MAX);
    if (!text || messages.some((m) => m.text === text || m.text.includes(text))) continue;
    const code = /"code"\s*:\s*"([^"]+)"/.exec(text)?.[1] ?? null;
    anchors[`message:${messages.length}`] = el;
    messages.push({ source: el.getAttribute('role') === 'alertdialog' || el.closest('[role="dialog"]') ? 'dialog' : 'banner', code, text });
  }
  return messages.length ? { observation: { kind: 'errorMessages', messages }, anchors } : null;
}
