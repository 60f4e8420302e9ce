/**
 * The registry is the rule catalogue (docs/rules.md is made from it), one file per rule, named by
 * its ID. Content scripts import only their app's family, so each bundle carries just its rules.
 */
import type { Rule } from './types';
import crmAuditFailure from './crm.audit-failure';
import crmCloseDateMissing from './crm.close-date-missing';
import crmCloseDatePast from './crm.close-date-past';
import crmCountryCodeInvalid from './crm.country-code-invalid';
import crmCurrencyInvalid from './crm.currency-invalid';
import crmDealValueMissing from './crm.deal-value-missing';
import crmHelpNeedsContact from './crm.help-needs-contact';
import crmNotYetSynced from './crm.not-yet-synced';
import crmOnHoldStage from './crm.on-hold-stage';
import crmProductsObsolete from './crm.products-obsolete';
import crmSolutionMissing from './crm.solution-missing';
import crmSyncDisabled from './crm.sync-disabled';
import crmSyncFailedMark from './crm.sync-failed-mark';
import crmVisibilityIrreversible from './crm.visibility-irreversible';
import errorAccessDenied from './error.access-denied';
import errorCountryCodeMissing from './error.country-code-missing';
import errorGrantExpired from './error.grant-expired';
import errorLeadStatusRequired from './error.lead-status-required';
import errorNoDynamicsOrg from './error.no-dynamics-org';
import errorRequiringUpdates from './error.requiring-updates';
import errorSignInRequired from './error.sign-in-required';
import errorSolutionIdRequired from './error.solution-id-required';
import errorUnrecognized from './error.unrecognized';
import errorWorkflowTriggerNotFound from './error.workflow-trigger-not-found';
import errorXrm0x80040216 from './error.xrm-0x80040216';
import flowActivationOrder from './flow.activation-order';
import flowChildFlowsFirst from './flow.child-flows-first';
import flowConnectionMissing from './flow.connection-missing';
import flowEditNonCustomize from './flow.edit-non-customize';
import flowFailedRuns from './flow.failed-runs';
import flowRunOnlyUser from './flow.run-only-user';
import flowWebhookRegistration from './flow.webhook-registration';
import pcCloseDateMissing from './pc.close-date-missing';
import pcCloseDatePast from './pc.close-date-past';
import pcClosedWonLost from './pc.closed-won-lost';
import pcCrmIdMissing from './pc.crm-id-missing';
import pcDealValueMissing from './pc.deal-value-missing';
import pcHelpNeedsContact from './pc.help-needs-contact';
import pcSolutionMissing from './pc.solution-missing';
import pcTeamIncomplete from './pc.team-incomplete';

/** Rules on CRM records (Dynamics 365, Salesforce). */
export const CRM_RULES: readonly Rule[] = [crmAuditFailure, crmCloseDateMissing, crmCloseDatePast, crmCountryCodeInvalid, crmCurrencyInvalid, crmDealValueMissing, crmHelpNeedsContact, crmNotYetSynced, crmOnHoldStage, crmProductsObsolete, crmSolutionMissing, crmSyncDisabled, crmSyncFailedMark, crmVisibilityIrreversible];
/** Rules on Partner Center deals. */
export const PC_RULES: readonly Rule[] = [pcCloseDateMissing, pcCloseDatePast, pcClosedWonLost, pcCrmIdMissing, pcDealValueMissing, pcHelpNeedsContact, pcSolutionMissing, pcTeamIncomplete];
/** Rules on Power Automate pages. */
export const FLOW_RULES: readonly Rule[] = [flowActivationOrder, flowChildFlowsFirst, flowConnectionMissing, flowEditNonCustomize, flowFailedRuns, flowRunOnlyUser, flowWebhookRegistration];
/** Known error messages, wherever they appear (run details, banners, dialogs, the CRM Audit field). */
export const ERROR_RULES: readonly Rule[] = [errorAccessDenied, errorCountryCodeMissing, errorGrantExpired, errorLeadStatusRequired, errorNoDynamicsOrg, errorRequiringUpdates, errorSignInRequired, errorSolutionIdRequired, errorUnrecognized, errorWorkflowTriggerNotFound, errorXrm0x80040216];

/** Every rule (no spreads: keeps each family tree-shakable). */
export const RULES: readonly Rule[] = [crmAuditFailure, crmCloseDateMissing, crmCloseDatePast, crmCountryCodeInvalid, crmCurrencyInvalid, crmDealValueMissing, crmHelpNeedsContact, crmNotYetSynced, crmOnHoldStage, crmProductsObsolete, crmSolutionMissing, crmSyncDisabled, crmSyncFailedMark, crmVisibilityIrreversible, pcCloseDateMissing, pcCloseDatePast, pcClosedWonLost, pcCrmIdMissing, pcDealValueMissing, pcHelpNeedsContact, pcSolutionMissing, pcTeamIncomplete, flowActivationOrder, flowChildFlowsFirst, flowConnectionMissing, flowEditNonCustomize, flowFailedRuns, flowRunOnlyUser, flowWebhookRegistration, errorAccessDenied, errorCountryCodeMissing, errorGrantExpired, errorLeadStatusRequired, errorNoDynamicsOrg, errorRequiringUpdates, errorSignInRequired, errorSolutionIdRequired, errorUnrecognized, errorWorkflowTriggerNotFound, errorXrm0x80040216];
