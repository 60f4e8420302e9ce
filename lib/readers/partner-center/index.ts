/**
 * Partner Center "Deal details" (co-sell referrals workspace). Nothing about this page's DOM is
 * public (docs/real-apps.md), so it is read only through the URL, headings and label → value
 * pairs found by accessible name (`label[for]`, `aria-labelledby`, `dt`/`dd`, a label followed by
 * its value), in en/ja/fr. Anything not found stays unknown.
 */
import type { Referral, TeamMember } from '../../model/observation';
import { cssEscape, firstShown, isShown, labelKey, normalize, pageLang, parseAmount, parseDisplayDate } from '../dom';
import type { PageReading } from '../types';
import { PC, STATUS, OUTCOME, NO_HELP, type PcLabel } from './labels';
import type { Anchors } from '../types';

const WORKSPACE = /^\/(?:[a-z]{2}-[a-z]{2}\/)?dashboard\/(?:v2\/)?referrals\//i;

export function readPartnerCenter(doc: Document, url: URL): PageReading | null {
  if (!WORKSPACE.test(url.pathname)) return null;
  const heading = firstShown(
    [...doc.querySelectorAll('h1, h2, [role="heading"]')].filter((h) => PC.dealDetails.has(labelKey(h.textContent))),
  );
  if (!heading) return null;
  const root = heading.closest('main, [role="main"]') ?? doc.body;
  const anchors: Anchors<'referral'> = {};
  const r: Referral = { kind: 'referral' };

  const value = (label: PcLabel) => {
    const hit = findValue(root, PC[label]);
    // The help question's hint goes with the field it fills.
    if (hit) anchors[label === 'help' ? 'helpRequested' : label] = hit.container;
    return hit;
  };
  const name = value('dealName');
  if (name) r.dealName = name.text;
  const amount = value('dealValue');
  if (amount) {
    r.dealValue = amount.text === null ? null : (parseAmount(amount.text) ?? undefined);
    if (r.dealValue === undefined) delete r.dealValue;
    if (amount.text) {
      r.dealValueText = amount.text;
      r.currency = /\b([A-Z]{3})\b/.exec(amount.text)?.[1] ?? null;
    }
    if ('dealValue' in r) anchors.dealValue = amount.container;
  }
  const close = value('closeDate');
  if (close) {
    const d = close.text === null ? null : parseDisplayDate(close.text, pageLang(doc));
    if (d !== undefined) r.closeDate = d;
  }
  const status = value('status');
  if (status?.text) {
    const k = labelKey(status.text);
    const s = [...STATUS].find(([, words]) => words.some((w) => k.includes(w)))?.[0];
    const o = [...OUTCOME].find(([, words]) => words.some((w) => k.includes(w)))?.[0];
    if (s) r.status = s;
    r.outcome = o ?? null;
    if (!s && !o) delete r.outcome;
  }
  const crm = value('crmId');
  if (crm) r.crmId = crm.text;
  const id = value('referralId');
  if (id) r.referralId = id.text;
  const help = value('help');
  if (help) r.helpRequested = help.text !== null && !NO_HELP.has(labelKey(help.text));

  const solutions = listUnder(root, PC.solutions);
  if (solutions) {
    r.solutionsCount = solutions.rows.length;
    anchors.solutions = solutions.container;
  }
  const contacts = listUnder(root, PC.contacts);
  if (contacts) {
    r.contactPresent = contacts.rows.length > 0;
    anchors.contactPresent = contacts.container;
  }
  const team = listUnder(root, PC.team);
  if (team) {
    r.team = team.rows.map((row) => member(row, team.columns));
    anchors.team = team.container;
    team.rows.forEach((row, i) => (anchors[`team:${i}`] = row));
  }
  const path = url.pathname.split('/').filter(Boolean);
  return { observations: [r], anchors, recordKey: `partner-center:${path.slice(-2).join('/')}` };
}

/** The value shown for a label: `<label for>`, `aria-labelledby`, `dt`/`dd`, or the element after the label text. */
function findValue(root: Element, labels: Set<string>): { text: string | null; container: Element } | null {
  const doc = root.ownerDocument;
  for (const el of root.querySelectorAll('label, dt, th, span, div, p')) {
    const labelLike = el.localName === 'label' || el.localName === 'dt' || el.localName === 'th';
    if ((!labelLike && el.children.length > 0) || !labels.has(labelKey(el.textContent)) || !isShown(el)) continue;
    let target: Element | null = null;
    const forId = el.getAttribute('for');
    if (forId) target = doc.getElementById(forId);
    if (!target && el.id)
      target =
        [...root.querySelectorAll(`[aria-labelledby~="${cssEscape(el.id)}"]`)].find((t) => t.getAttribute('role') !== 'group') ?? null;
    if (!target && el.localName === 'dt') target = el.nextElementSibling?.localName === 'dd' ? el.nextElementSibling : null;
    if (!target && el.localName === 'th') target = el.nextElementSibling;
    if (!target) target = el.nextElementSibling;
    if (!target || target.localName.startsWith('cosell-')) continue;
    const raw = target.localName === 'input' || target.localName === 'textarea' ? (target as HTMLInputElement).value : target.textContent;
    const text = normalize(raw);
    // The hint goes where the value's row is: in a definition or table row, inside the value (a
    // `dl` or `tr` may hold only its own kinds of children); else in the label's and value's parent.
    const container =
      (el.localName === 'dt' && target.localName === 'dd') || (el.localName === 'th' && target.localName === 'td')
        ? target
        : (el.parentElement ?? target);
    return { text: text === '' || text === '-' || text === '—' ? null : text, container };
  }
  return null;
}

/** Rows of the list or grid under a heading (`tbody tr`, `[role=row]` without headers, `li`); with column names. */
function listUnder(root: Element, labels: Set<string>): { rows: Element[]; columns: string[]; container: Element } | null {
  const heading = firstShown([...root.querySelectorAll('h2, h3, h4, [role="heading"]')].filter((h) => labels.has(labelKey(h.textContent))));
  if (!heading) return null;
  const container = heading.closest('section, [role="region"], [role="group"]') ?? heading.parentElement!;
  const list = container.querySelector('table, [role="grid"], ul, ol');
  if (!list) return { rows: [], columns: [], container };
  const columns = [...list.querySelectorAll('th, [role="columnheader"]')].map((c) => labelKey(c.textContent));
  const rows = [...list.querySelectorAll('tbody tr, [role="row"], li')].filter(
    (row) => !row.querySelector('th, [role="columnheader"]') && isShown(row),
  );
  return { rows, columns, container };
}

function member(row: Element, columns: string[]): TeamMember {
  const cells = [...row.querySelectorAll('td, [role="gridcell"]')];
  const pick = (words: Set<string>): string | null | undefined => {
    const i = columns.findIndex((c) => words.has(c));
    if (i < 0 || !cells[i]) return undefined;
    const t = normalize(cells[i]!.textContent);
    return t === '' || t === '-' || t === '—' ? null : t;
  };
  const m: TeamMember = {};
  const name = pick(PC.memberName);
  const phone = pick(PC.memberPhone);
  const email = pick(PC.memberEmail);
  if (name !== undefined) m.name = name;
  if (phone !== undefined) m.phone = phone;
  if (email !== undefined) m.email = email;
  return m;
}
