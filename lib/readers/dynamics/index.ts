/**
 * Dynamics 365 reader: opportunity record forms (`main.aspx?pagetype=entityrecord&etn=opportunity`).
 * Reader order per knowledge/dom.md §2.3: URL gate → form root → body field containers by
 * logical name → connector custom fields by label.
 */
import type { Opportunity } from '../../model/observation';
import type { Settings } from '../../model/settings';
import { firstShown, stripSaveState, normalize } from '../dom';
import type { PageReading } from '../types';
import { containerByLabel, readTwoOption } from './controls';

export function readDynamics(doc: Document, url: URL, settings: Settings): PageReading | null {
  const q = url.searchParams;
  if (q.get('pagetype') !== 'entityrecord') return null;
  const form = firstShown(doc.querySelectorAll('[data-id="editFormRoot"]'));
  if (!form) return null;
  const recordId = (q.get('id') ?? '').replace(/[{}]|%7B|%7D/gi, '').toLowerCase() || null;
  const etn = q.get('etn');
  if (etn === 'opportunity') return readOpportunity(form, recordId, settings);
  return null;
}

function readOpportunity(form: Element, recordId: string | null, settings: Settings): PageReading {
  const anchors: Record<string, Element> = {};
  const o: Opportunity = { kind: 'opportunity', app: 'dynamics', recordId };
  const title = form.querySelector('[data-id="header_title"]');
  if (title) o.name = stripSaveState(normalize(title.getAttribute('title') || title.textContent)) || null;

  const sync = containerByLabel(form, 'syncWithPartnerCenter', settings);
  if (sync) {
    const v = readTwoOption(sync);
    if (v !== undefined) {
      o.syncWithPartnerCenter = v;
      anchors.syncWithPartnerCenter = sync;
    }
  }
  return { observations: [o], anchors, recordKey: `dynamics:opportunity:${recordId ?? ''}` };
}
