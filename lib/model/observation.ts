/**
 * Observations: what a reader saw on a page, in an app-neutral shape. A Dynamics 365 and a
 * Salesforce opportunity produce the same `Opportunity`, so one rule serves both.
 *
 * Convention for every field: the key is **absent** when the reader could not tell (unknown: no
 * rule fires on it), `null` when the field is on screen and empty, otherwise the value.
 */
import { z } from './zod';

const text = z.optional(z.nullable(z.string()));
const num = z.optional(z.nullable(z.number()));
const flag = z.optional(z.boolean());
/** ISO calendar date `YYYY-MM-DD`, as the user sees it (no time zone shift). */
const isoDate = z.optional(z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))));

export const CrmApp = z.enum(['dynamics', 'salesforce']);
export type CrmApp = z.infer<typeof CrmApp>;

export const Opportunity = z.object({
  kind: z.literal('opportunity'),
  app: CrmApp,
  recordId: text,
  /** Opportunity name / Topic, as shown in the record header. */
  name: text,
  /** "Sync with Partner Center". */
  syncWithPartnerCenter: flag,
  /** "How can Microsoft help?": the chosen label, `null` when empty. */
  helpRequested: text,
  /** Rows in "Microsoft Partner Center Solutions" (Dynamics) / "Microsoft Solutions" (Salesforce). */
  solutionsCount: z.optional(z.number().check(z.int(), z.gte(0))),
  /** A customer contact is linked (lookup, stakeholders, Contact Roles). */
  contactLinked: flag,
  dealValue: num,
  /** Deal value as displayed, for messages. */
  dealValueText: text,
  currency: text,
  closeDate: isoDate,
  /** open, won or lost (Dynamics statecode; Salesforce closed stages). */
  state: z.optional(z.enum(['open', 'won', 'lost'])),
  /** Sales stage as displayed (Salesforce StageName). */
  stage: text,
  referralId: text,
  /** Referral Visibility is on screen and can still be changed. */
  referralVisibilityEditable: flag,
  audit: text,
  productsObsolete: text,
});
export type Opportunity = z.infer<typeof Opportunity>;

export const Account = z.object({
  kind: z.literal('account'),
  app: CrmApp,
  recordId: text,
  name: text,
  /** The account country field (address1_country, BillingCountry or the configured field). */
  country: text,
});
export type Account = z.infer<typeof Account>;

export const TeamMember = z.object({ name: text, phone: text, email: text });
export type TeamMember = z.infer<typeof TeamMember>;

export const Referral = z.object({
  kind: z.literal('referral'),
  referralId: text,
  dealName: text,
  dealValue: num,
  dealValueText: text,
  currency: text,
  closeDate: isoDate,
  /** New / Active / Closed, normalised. */
  status: z.optional(z.nullable(z.enum(['new', 'active', 'closed']))),
  /** Terminal outcome, when the deal is closed or the substatus says so. */
  outcome: z.optional(z.nullable(z.enum(['won', 'lost', 'declined', 'expired', 'error']))),
  crmId: text,
  solutionsCount: z.optional(z.number().check(z.int(), z.gte(0))),
  helpRequested: flag,
  contactPresent: flag,
  team: z.optional(z.array(TeamMember)),
});
export type Referral = z.infer<typeof Referral>;

export const SolutionId = z.enum(['dynamics', 'salesforce']);
export type SolutionId = z.infer<typeof SolutionId>;

export const FlowState = z.enum(['on', 'off', 'unknown']);
export type FlowState = z.infer<typeof FlowState>;

export const SolutionFlows = z.object({
  kind: z.literal('solutionFlows'),
  environment: text,
  /** Which connector solution the listed flows belong to; null when they match neither. */
  solution: z.optional(z.nullable(SolutionId)),
  flows: z.array(z.object({ name: z.string(), state: FlowState, flowId: text })),
  /** A flow the user is turning on right now (its toggle/command was just used). */
  turningOn: text,
});
export type SolutionFlows = z.infer<typeof SolutionFlows>;

export const FlowDesigner = z.object({
  kind: z.literal('flowDesigner'),
  flowName: text,
  generation: z.optional(z.enum(['v1', 'v2', 'classic'])),
  /** The steps whose cards show a problem (the reader reads no other card: no rule needs them). */
  steps: z.array(z.object({ id: z.string(), title: text, connectionProblem: z.boolean(), errorText: text })),
});
export type FlowDesigner = z.infer<typeof FlowDesigner>;

export const ConnectionMode = z.enum(['run-only-user', 'this-connection', 'unknown']);
export const RunOnlyUsers = z.object({
  kind: z.literal('runOnlyUsers'),
  flowName: text,
  connections: z.array(z.object({ connector: z.string(), mode: ConnectionMode })),
});
export type RunOnlyUsers = z.infer<typeof RunOnlyUsers>;

export const WebhookRegistration = z.object({
  kind: z.literal('webhookRegistration'),
  endpoint: text,
  events: z.optional(z.array(z.string())),
  overwrite: z.optional(z.nullable(z.boolean())),
});
export type WebhookRegistration = z.infer<typeof WebhookRegistration>;

export const RunStatus = z.enum(['failed', 'succeeded', 'running', 'cancelled', 'unknown']);
export const ActionError = z.object({ action: text, code: text, message: text });
export type ActionError = z.infer<typeof ActionError>;

export const FlowRun = z.object({
  kind: z.literal('flowRun'),
  flowName: text,
  status: z.optional(RunStatus),
  errors: z.array(ActionError),
});
export type FlowRun = z.infer<typeof FlowRun>;

export const RunHistory = z.object({
  kind: z.literal('runHistory'),
  flowName: text,
  runs: z.array(z.object({ status: RunStatus, runId: text })),
});
export type RunHistory = z.infer<typeof RunHistory>;

export const ErrorSource = z.enum(['action', 'banner', 'dialog', 'audit', 'toast']);
export const ErrorMessages = z.object({
  kind: z.literal('errorMessages'),
  messages: z.array(z.object({ source: ErrorSource, code: text, text: z.string() })),
});
export type ErrorMessages = z.infer<typeof ErrorMessages>;

export const Observation = z.discriminatedUnion('kind', [
  Opportunity,
  Account,
  Referral,
  SolutionFlows,
  FlowDesigner,
  RunOnlyUsers,
  WebhookRegistration,
  FlowRun,
  RunHistory,
  ErrorMessages,
]);
export type Observation = z.infer<typeof Observation>;
export type ObservationKind = Observation['kind'];
export type ObservationOf<K extends ObservationKind> = Extract<Observation, { kind: K }>;

/**
 * Places on a page that have no field of their own, or are one item of a list field, by kind:
 * the Solutions list, the Referral Visibility control, a designer step (`step:<id>`)…
 */
interface ExtraFields {
  opportunity: 'solutions' | 'referralVisibility';
  account: never;
  referral: 'solutions' | `team:${number}`;
  solutionFlows: `flow:${string}`;
  flowDesigner: `step:${string}`;
  runOnlyUsers: `connection:${string}`;
  webhookRegistration: never;
  flowRun: `error:${string}`;
  runHistory: never;
  errorMessages: `message:${number}`;
}

/**
 * The field keys of an observation kind: where its hints go. Readers key their anchors by them and
 * rules name them in a finding's `field`, so a mismatch fails `tsc` instead of moving a hint to the panel.
 */
export type FieldKey<K extends ObservationKind = ObservationKind> = K extends ObservationKind
  ? Exclude<keyof ObservationOf<K>, 'kind' | 'app'> | ExtraFields[K]
  : never;
