/**
 * "Copy page structure": a skeleton of a page a reader could not read, for a bug report. Tag
 * names, roles, ids, the names (never the values) of data-* attributes and the text of labels;
 * no field values, names, e-mails or numbers. Bounded in elements, depth and characters.
 */

export const STRUCTURE_LIMITS = { elements: 1500, depth: 40, chars: 60_000, label: 60 } as const;

/** Elements whose own text names a field rather than holding its value. */
const LABELS = new Set(['label', 'dt', 'th', 'legend']);
const LABEL_ROLES = new Set(['columnheader', 'tab']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'img', 'input', 'textarea', 'select', 'option']);

/** A label's text when it cannot carry a value: no digits, no @, short; else a placeholder. */
function safeLabel(text: string | null | undefined): string | null {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!t) return null;
  if (/[\d@]|https?:/i.test(t) || t.length > STRUCTURE_LIMITS.label) return '…';
  return t.replace(/["\\]/g, '');
}

/** An id with its variable parts hidden: digit runs and long hex (record ids) become `#`. */
const safeId = (id: string) =>
  /@/.test(id)
    ? '…'
    : id
        .replace(/[0-9a-f]{8,}(?:-[0-9a-f]{4,})*/gi, '#')
        .replace(/\d+/g, '#')
        .slice(0, 80);

/** One line per element, indented by depth; iterative, so a deep page cannot overflow the stack. */
export function pageStructure(root: Element): string {
  const lines: string[] = [];
  let chars = 0;
  let count = 0;
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    const tag = el.localName;
    if (SKIP.has(tag) || tag.startsWith('cosell-')) {
      if (SKIP.has(tag)) lines.push(`${'  '.repeat(depth)}${tag}`);
      continue;
    }
    if (++count > STRUCTURE_LIMITS.elements || chars > STRUCTURE_LIMITS.chars) {
      lines.push('… (truncated)');
      break;
    }
    const parts = [tag];
    const role = el.getAttribute('role');
    // ARIA roles are lower-case words; anything else a page put there is not shown.
    if (role) parts.push(`role=${/^[a-z]{2,30}$/.test(role) ? role : '…'}`);
    if (el.id) parts.push(`#${safeId(el.id)}`);
    const data = [...el.attributes]
      .map((a) => a.name)
      .filter((n) => n.startsWith('data-'))
      // An app's own names are plain words; one with digits, dots or @ may carry a value: hidden.
      .map((n) => (/^data-[a-z][a-z-]{0,38}$/.test(n) ? n : 'data-…'));
    if (data.length) parts.push(`[${data.join(' ')}]`);
    if (LABELS.has(tag) || (role && LABEL_ROLES.has(role))) {
      const label = safeLabel(el.textContent);
      if (label) parts.push(`"${label}"`);
    }
    const line = `${'  '.repeat(depth)}${parts.join(' ')}`;
    lines.push(line);
    chars += line.length + 1;
    if (depth >= STRUCTURE_LIMITS.depth) continue;
    const children = [...el.children, ...(el.shadowRoot ? el.shadowRoot.children : [])];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
  }
  return lines.join('\n').slice(0, STRUCTURE_LIMITS.chars);
}
