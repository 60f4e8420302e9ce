import { isCustomizeFlow, matchFlow } from '../knowledge/flows';
import { defineRule } from './types';

/** The designer is open on a solution flow other than "[Customize] …": edits may be lost on upgrade. */
export default defineRule({
  id: 'flow.edit-non-customize',
  kinds: ['flowDesigner'],
  severity: 'info',
  source: 'domain §2.1',
  messages: ['flow_edit_non_customize_msg', 'flow_edit_non_customize_fix1', 'flow_edit_non_customize_fix2'],
  check(d) {
    if (!d.flowName || matchFlow(d.flowName).length === 0 || isCustomizeFlow(d.flowName)) return [];
    return [{ field: 'flowName', messageKey: 'flow_edit_non_customize_msg', params: { flow: d.flowName }, fixSteps: ['flow_edit_non_customize_fix1', 'flow_edit_non_customize_fix2'] }];
  },
});
