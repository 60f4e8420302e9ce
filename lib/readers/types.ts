import type { FieldKey, Observation, ObservationKind } from '../model/observation';
import type { Settings } from '../model/settings';

/**
 * Page elements beside which each field's hint goes, keyed as rules name fields (`FieldKey`): an
 * anchor under a name no observation has fails `tsc`.
 */
export type Anchors<K extends ObservationKind = ObservationKind> = Partial<Record<FieldKey<K>, Element>>;

/** What one pass of a reader saw. */
export interface PageReading {
  observations: Observation[];
  /** Elements the hints attach to, by field (`syncWithPartnerCenter`, `step:Send_email`…). */
  anchors: Anchors;
  /**
   * Anchors (by field) on a canvas of absolutely placed nodes, such as the designer's step cards: a
   * hint inside one would grow it under its neighbours, so the layer shows it beside it.
   */
  beside?: FieldKey[];
  /**
   * Where each field's value came from, by field: `xrm` Dynamics' client API, `api` Power Automate's
   * own API responses, `dom` the rendered page.
   */
  sources?: Record<string, 'xrm' | 'api' | 'dom'>;
  /** The page's own label of a field, where the reader knows it better than its container shows (`labelsOf`). */
  labels?: Record<string, string>;
  /** The page's own text of the choice a hint asks for, by field (the "Yes" of a two-option field). */
  options?: Record<string, string>;
  /** Identifies the record/page: hints dismissed here stay dismissed until it changes. */
  recordKey: string;
}

/** What the caller knows about changes since the reader's previous pass; without it, everything is read afresh. */
export interface ReadHints {
  /**
   * True when every change to the page since the previous pass happened inside `el` (or to `el`
   * itself): what a reader read outside it still holds. False when unsure (many places changed).
   */
  changedOnlyWithin(el: Element): boolean;
}

/** A reader takes a document (or any root) and the URL; it never throws and returns null when the page is not its kind. */
export type Reader = (root: Document, url: URL, settings: Settings, hints?: ReadHints) => PageReading | null;
