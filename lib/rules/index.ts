/**
 * The registry is the rule catalogue (docs/rules.md is made from it): every `<family>.<name>.ts`
 * file here, found by the bundler, so a new rule needs no edit here; and each known error of
 * lib/knowledge/errors.ts, whose entry is its rule. Content scripts import only their app's family.
 */
import { ERROR_CATALOGUE } from '../knowledge/errors';
import { errorRule } from './error-rule';
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
export const ERROR_RULES: readonly Rule[] = /* @__PURE__ */ errorFamily();

/** By ID, as files of the other families come. Pure, so a bundle without error rules drops it. */
/* @__NO_SIDE_EFFECTS__ */
function errorFamily(): Rule[] {
  return [...ERROR_CATALOGUE.map(errorRule), ...Object.values(error)].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Every rule, family by family. */
export const RULES: readonly Rule[] = /* @__PURE__ */ [crm, pc, flow].flatMap((family) => Object.values(family)).concat(ERROR_RULES);
