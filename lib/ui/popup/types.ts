/**
 * The shapes the popup's parts pass each other. A module of types only, so the lazily loaded
 * views import it rather than App.tsx (which loads them): no import cycle.
 */
import type { AppId } from '../../knowledge/hosts';
import type { CustomHosts } from '../../model/custom-hosts';
import type { Failures, Finding } from '../../model/finding';
import type { Checked, ReadSources } from '../../model/messages';
import type { EffectiveSettings } from '../../model/settings';
import type { ChecklistState, FlowSightings } from '../../model/state';

export type View =
  | { kind: 'loading' }
  | { kind: 'other-page' }
  | { kind: 'not-read'; app: AppId; host: string }
  | {
      kind: 'findings';
      tabId: number;
      app: AppId;
      host: string;
      findings: Finding[];
      failures?: Failures;
      unstored?: boolean;
      sources?: ReadSources;
      checked?: Checked;
      /** A page a reader is made for, on which it found none of its anchors (./Unrecognised.tsx). */
      unrecognised?: boolean;
    };

export type FindingsView = Extract<View, { kind: 'findings' }>;

export interface Stored {
  checklist: ChecklistState;
  sightings: FlowSightings;
  settings: EffectiveSettings;
  customHosts: CustomHosts;
  /** The administrator's policy as stored (to recompute effective settings after an edit). */
  managed: unknown;
  /** Names of stored items that could not be read and were reset. */
  reset: string[];
}

/** Applies an edit to what the popup shows at once; storage follows (and its change event re-reads it). */
export type Patch = (edit: (s: Stored) => Stored) => void;

/** What the active tab's page is, for the report and Set-up (the app named in the user's language). */
export interface PageSummary {
  app: string;
  host: string;
  findings: Finding[];
  failures?: Failures | undefined;
  sources?: ReadSources | undefined;
}
