/**
 * Set-up checklists as data (domain §2.4–2.7, §7). The popup renders them; items with `observe`
 * tick themselves when a content script has seen that state (a flow seen on).
 */
import type { SolutionId } from '../model/observation';
import { SOLUTION_FLOWS, type FlowRole } from './flows';

export type ChecklistId = 'prerequisites' | 'salesforce-setup' | 'connections' | 'run-only-users' | 'activation' | 'webhook';

export interface CheckItem {
  /** Stable within its list; stored ticks are keyed `${list}/${id}`. */
  id: string;
  /** i18n key of the item text. */
  key: string;
  params?: Record<string, string | number>;
  /** The extension can see this done: the flow of this role was seen on. */
  observe?: { flowOn: FlowRole };
}

export interface Checklist {
  id: ChecklistId;
  titleKey: string;
  items: CheckItem[];
  source: string;
}

const item = (list: string, id: string, extra: Partial<CheckItem> = {}): CheckItem => ({
  id,
  key: `check_${list}_${id.replace(/-/g, '_')}`,
  ...extra,
});

export function checklists(solution: SolutionId): Checklist[] {
  const flows = SOLUTION_FLOWS[solution];
  const lists: Checklist[] = [
    {
      id: 'prerequisites',
      titleKey: 'check_title_prerequisites',
      source: 'FAQ P1–P6; domain §2.6 (commercial cloud only), §2.7, §6 (MFA for Partner Center)',
      items: [
        'partner-id',
        'cosell-ready',
        'same-partner-id',
        'referrals-visible',
        'referrals-admin',
        'mfa',
        'crm-role',
        'license',
        'environment',
        'commercial-cloud',
        'signed-in-once',
        'currency-sales-team',
        'multitenancy',
        'staging-first',
      ].map((id) => item('prereq', id)),
    },
  ];
  if (solution === 'salesforce') {
    lists.push({
      id: 'salesforce-setup',
      titleKey: 'check_title_salesforce_setup',
      source: 'domain §2.7, §3.3',
      items: ['notes', 'opportunity-teams', 'custom-fields-package', 'solutions-list', 'stage-variables'].map((id) => item('sf', id)),
    });
  }
  lists.push(
    {
      id: 'connections',
      titleKey: 'check_title_connections',
      source: 'FAQ C2, C4; domain §2.6, §5 (adjacent connection failures)',
      items: [
        item('conn', 'pc-referrals'),
        item('conn', 'pc-events'),
        item('conn', 'dataverse'),
        ...(solution === 'salesforce' ? [item('conn', 'salesforce')] : []),
        // Every connector the solution uses, allowed together by the tenant's data policies
        // (domain §5, adjacent connection failures: a DLP block).
        { id: 'data-policy', key: solution === 'salesforce' ? 'check_conn_data_policy_sf' : 'check_conn_data_policy' },
        item('conn', 'references'),
      ],
    },
    {
      id: 'run-only-users',
      titleKey: 'check_title_run_only_users',
      source: 'FAQ C5 B; domain §2.4',
      items: flows.map((f) => ({ id: f.role, key: 'check_runonly_flow', params: { flow: f.name } })),
    },
    {
      id: 'activation',
      titleKey: 'check_title_activation',
      source: 'FAQ C3, C5; domain §2.2–2.3',
      items: flows.map((f) => ({
        id: f.role,
        key: 'check_activation_flow',
        params: { position: f.position, flow: f.name },
        observe: { flowOn: f.role },
      })),
    },
    {
      id: 'webhook',
      titleKey: 'check_title_webhook',
      source: 'FAQ C5 E; domain §2.5',
      items: ['copy-url', 'run', 'endpoint', 'events', 'overwrite', 'last-wins'].map((id) => item('webhook', id)),
    },
  );
  return lists;
}

/** Every i18n key the checklists use (for the completeness test). */
export function checklistKeys(): string[] {
  const keys = new Set<string>();
  for (const s of ['dynamics', 'salesforce'] as const) {
    for (const list of checklists(s)) {
      keys.add(list.titleKey);
      for (const i of list.items) keys.add(i.key);
    }
  }
  return [...keys].sort();
}
