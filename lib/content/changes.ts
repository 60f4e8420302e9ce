/**
 * Change tracking: wakes the runner when the page (not our hints) changes, and notes where, so a
 * reader can keep what it read elsewhere (ReadHints). A designer pan changes one container's
 * children thousands of times: while changes stay in few places, a reader can tell nothing else did.
 */
import type { ReadHints } from '../readers/types';
import { isHost, isOurs } from '../ui/hosts';

/** Beyond this many places changed since a pass, `changedOnlyWithin` answers false. */
const MAX_TARGETS = 32;

// Not `style` or `class`: a designer pan rewrites thousands of inline styles a frame. The changes
// we read (values, toggles, tabs, hidden panels) come with these attributes or with child changes;
// `open` and `aria-modal` are dialogs opening and closing (hints beside cards step aside).
const ATTRIBUTES = [
  'aria-checked',
  'aria-selected',
  'aria-expanded',
  'aria-hidden',
  'aria-label',
  'alt',
  'value',
  'title',
  'hidden',
  'data-selected',
  'checked',
  'data-id',
  'data-automation-id',
  'open',
  'aria-modal',
];

export interface Changes {
  /** Whether the page changed since the last `take` (by the records delivered so far). */
  changedSinceTake(): boolean;
  /** Ends a pass's window of changes: where the page changed since the previous one, or undefined to read it all. */
  take(readAll: boolean): ReadHints | undefined;
  stop(): void;
}

export function trackChanges(doc: Document, onChange: () => void): Changes {
  const win = doc.defaultView!;
  /** Page mutation batches seen (outside our hosts), and how many the last take had seen. */
  let mutations = 0;
  let mutationsAtTake = 0;
  let targets = new Set<Node>();
  // Record targets known to be the page's (not inside our hosts) since the last take.
  let known = new WeakSet<Node>();
  // The first pass reads everything.
  let taken = false;

  const note = (target: Node) => {
    if (targets.size <= MAX_TARGETS) targets.add(target);
  };
  /**
   * Whether any record is about the page (not only our own hosts). Called for every batch of a page
   * that may change thousands of nodes a frame: a target known to be the page's spares the walk up
   * the tree for the rest of a batch, and once the batch is known relevant, such a record is skipped.
   */
  const track = (records: MutationRecord[]): boolean => {
    let relevant = false;
    for (const r of records) {
      const page = known.has(r.target);
      // A pan's 20 replaced cards a frame are 20 records on one parent: nothing left to learn but where.
      if (page && relevant) {
        note(r.target);
        continue;
      }
      if (!page && isOurs(r.target)) continue;
      // Outside our hosts, an added or removed node is ours only if it is one of our hosts itself.
      if (r.type === 'childList' && onlyHosts(r.addedNodes) && onlyHosts(r.removedNodes)) continue;
      relevant = true;
      note(r.target);
      known.add(r.target);
    }
    return relevant;
  };
  const observer = new win.MutationObserver((records) => {
    if (!track(records)) return;
    mutations++;
    onChange();
  });
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES,
  });
  // A form value changes without a mutation: it is a change there all the same.
  const onInput = (e: Event) => {
    const target = e.target as Node | null;
    if (!target || isOurs(target)) return;
    note(target);
    onChange();
  };
  doc.addEventListener('input', onInput, true);
  doc.addEventListener('change', onInput, true);

  return {
    changedSinceTake: () => mutations !== mutationsAtTake,
    take(readAll) {
      if (track(observer.takeRecords())) mutations++;
      const where = targets.size <= MAX_TARGETS ? [...targets] : null;
      const hints: ReadHints | undefined =
        readAll || !taken ? undefined : { changedOnlyWithin: (el) => !!where && where.every((t) => el === t || el.contains(t)) };
      known = new WeakSet();
      targets = new Set();
      taken = true;
      mutationsAtTake = mutations;
      return hints;
    },
    stop() {
      observer.disconnect();
      doc.removeEventListener('input', onInput, true);
      doc.removeEventListener('change', onInput, true);
    },
  };
}

function onlyHosts(nodes: NodeList): boolean {
  for (const n of nodes) if (!(n.nodeType === 1 && isHost(n as Element))) return false;
  return true;
}
