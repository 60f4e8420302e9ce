/** The registry: every rule of RULES.md, one file each, named by its ID. */
import type { Rule } from './types';
import crmSyncDisabled from './crm.sync-disabled';

export const RULES: readonly Rule[] = [crmSyncDisabled];
