import { isCustomizeFlow, matchFlow, type FlowRole } from '../knowledge/flows';
import { defineRule } from './types';

/** Flows the set-up checklists ask the user to open (lib/knowledge/checklists.ts: webhook). */
const OPENED_BY_SETUP: readonly FlowRole[] = ['webhook-registration', 'pc-to-crm'];

/** The designer is open on a solution flow other than "[Customize] …": edits may be lost on upgrade. */
export default defineRule({
  id: 'flow.edit-non-customize',
  kinds: ['flowDesigner'],
  severity: 'info',
  source: 'domain §2.1',
  messages: ['flow_edit_non_customize_msg', 'flow_edit_non_customize_fix1', 'flow_edit_non_customize_fix2'],
  check(d) {
    if (!d.flowName || matchFlow(d.flowName).length === 0 || isCustomizeFlow(d.flowName)) return [];
    // The set-up sends the user to these flows (run Webhook Registration; copy the URL of the
    // Partner-Center-to-CRM trigger): opening them is no edit, so it is said in the popup only.
    const asked = matchFlow(d.flowName).some((m) => OPENED_BY_SETUP.includes(m.flow.role));
    return [
      {
        field: 'flowName',
        messageKey: 'flow_edit_non_customize_msg',
        params: { flow: d.flowName },
        fixSteps: ['flow_edit_non_customize_fix1', 'flow_edit_non_customize_fix2'],
        ...(asked ? { display: 'popup' as const } : {}),
      },
    ];
  },
});
