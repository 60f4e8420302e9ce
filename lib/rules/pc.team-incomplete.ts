import { defineRule } from './types';
import { hasText } from './shared';
import type { Draft } from './types';

/** Every team member needs a name, a phone and an e-mail; a deal needs at least one. */
export default defineRule({
  id: 'pc.team-incomplete',
  kinds: ['referral'],
  severity: 'error',
  source: 'domain §3.5',
  messages: [
    'pc_team_incomplete_none',
    'pc_team_incomplete_member',
    'pc_team_incomplete_fix1',
    'pc_team_incomplete_fix2',
    'pc_team_missing_name',
    'pc_team_missing_phone',
    'pc_team_missing_email',
    'pc_team_missing_name_phone',
    'pc_team_missing_name_email',
    'pc_team_missing_phone_email',
    'pc_team_missing_name_phone_email',
  ],
  check(r) {
    if (!r.team) return [];
    if (r.team.length === 0)
      return [{ field: 'team', messageKey: 'pc_team_incomplete_none', fixSteps: ['pc_team_incomplete_fix1', 'pc_team_incomplete_fix2'] }];
    const out: Draft<'referral'>[] = [];
    r.team.forEach((m, i) => {
      // Unknown (undefined) parts are not reported: only what the page shows as empty.
      const missing = (['name', 'phone', 'email'] as const).filter((k) => m[k] !== undefined && !hasText(m[k]));
      if (missing.length === 0) return;
      out.push({
        field: `team:${i}`,
        messageKey: 'pc_team_incomplete_member',
        params: { member: hasText(m.name) ? m.name : `#${i + 1}`, missingKey: `pc_team_missing_${missing.join('_')}` },
        fixSteps: ['pc_team_incomplete_fix1', 'pc_team_incomplete_fix2'],
      });
    });
    return out;
  },
});
