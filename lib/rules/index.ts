/**
 * The registry is the rule catalogue (docs/rules.md is made from it): every `<family>.<name>.ts`
 * file here, found by the bundler, so a new rule needs no edit here. Content scripts import only
 * their app's family, so each bundle carries just its rules.
 */
import type { Rule } from './types';

const crm = import.meta.glob<Rule>('./crm.*.ts', { eager: true, import: 'default' });
const pc = import.meta.glob<Rule>('./pc.*.ts', { eager: true, import: 'default' });
const flow = import.meta.glob<Rule>('./flow.*.ts', { eager: true, import: 'default' });
const error = import.meta.glob<Rule>('./error.*.ts', { eager: true, import: 'default' });

/** Rules on CRM records (Dynamics 365, Salesforce). */
export const CRM_RULES: readonly Rule[] = /* @__PURE__ */ Object.values(crm);
/** Rules on Partner Center deals. */
export const PC_RULES: readonly Rule[] = /* @__PURE__ */ Object.values(pc);
/** Rules on Power Automate pages. */
export const FLOW_RULES: readonly Rule[] = /* @__PURE__ */ Object.values(flow);
/** Known error messages, wherever they appear (run details, banners, dialogs, the CRM Audit field). */
export const ERROR_RULES: readonly Rule[] = /* @__PURE__ */ Object.values(error);

/** Every rule, family by family. */
export const RULES: readonly Rule[] = /* @__PURE__ */ [crm, pc, flow, error].flatMap((family) => Object.values(family));
