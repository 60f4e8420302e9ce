/**
 * The catalogue behind the `error.*` rules: every documented connector error (domain §5) with the
 * codes and message text that identify it. Codes are matched first (they are not localized), then
 * message text in English, Japanese and French. Each entry names its message and fix steps.
 */
import type { MessageKey } from '../i18n/keys';

export interface ErrorEntry {
  /** The rule ID, `error.*`. */
  id: string;
  /** Error codes: ARM/Graph codes, HTTP statuses, hex codes, AADSTS numbers. Exact, case-insensitive. */
  codes: readonly string[];
  /** Message text, any of en/ja/fr. */
  text: readonly RegExp[];
  /** What it means, and its fix steps in order: keys of the message catalogue. */
  message: MessageKey;
  fixes: readonly MessageKey[];
  source: string;
}

/** Order matters for text: more specific entries first (an expired grant also says "sign in"). */
export const ERROR_CATALOGUE: readonly ErrorEntry[] = [
  {
    id: 'error.workflow-trigger-not-found',
    codes: ['WorkflowTriggerNotFound'],
    text: [
      /trigger\s+'?manual'?\s+(?:couldn['’]?t|could\s+not|cannot|can['’]?t)\s+be\s+found/i,
      /トリガー\s*'?manual'?\s*が見つかりません/,
      /déclencheur\s+'?manual'?\s+(?:est\s+)?introuvable/i,
    ],
    message: 'error_workflow_trigger_not_found_msg',
    fixes: ['error_workflow_trigger_not_found_fix1', 'error_workflow_trigger_not_found_fix2', 'error_workflow_trigger_not_found_fix3'],
    source: 'FAQ C1; domain §5 E1',
  },
  {
    id: 'error.xrm-0x80040216',
    codes: ['0x80040216'],
    text: [/0x80040216/i],
    message: 'error_xrm_0x80040216_msg',
    fixes: ['error_xrm_0x80040216_fix1', 'error_xrm_0x80040216_fix2'],
    source: 'domain §5 E18',
  },
  {
    id: 'error.lead-status-required',
    codes: [],
    text: [/require\s+the\s+property\s+['"]?item\/Status/i, /item\/Status['"]?\s*(?:プロパティ|が必要|est requise)/i],
    message: 'error_lead_status_required_msg',
    fixes: ['error_lead_status_required_fix1', 'error_lead_status_required_fix2', 'error_lead_status_required_fix3'],
    source: 'domain §5 E19',
  },
  {
    id: 'error.no-dynamics-org',
    codes: [],
    text: [
      /couldn['’]?t\s+find\s+a\s+Dynamics\s*365\s+organi[sz]ation\s+connected\s+to\s+(?:the\s+)?signed[- ]in\s+user/i,
      /サインインしている?ユーザーに接続されている\s*Dynamics\s*365\s*組織が見つかりません/,
      /(?:impossible\s+de\s+trouver|aucune)\s+(?:une\s+)?organisation\s+Dynamics\s*365\s+connectée/i,
    ],
    message: 'error_no_dynamics_org_msg',
    fixes: ['error_no_dynamics_org_fix1', 'error_no_dynamics_org_fix2'],
    source: 'FAQ P6; domain §5 E6',
  },
  {
    id: 'error.requiring-updates',
    codes: [],
    text: [/requir(?:es|ing)\s+updates?/i, /更新が必要/, /n[ée]cessit(?:e|ant)\s+des\s+mises\s+à\s+jour/i],
    message: 'error_requiring_updates_msg',
    fixes: ['error_requiring_updates_fix1', 'error_requiring_updates_fix2', 'error_requiring_updates_fix3'],
    source: 'FAQ C3; domain §5 E3',
  },
  {
    id: 'error.solution-id-required',
    codes: [],
    text: [
      /solution\s+id\s+is\s+required/i,
      /need\s+a\s+Microsoft\s+co-?sell\s+ready\s+solution/i,
      /ソリューション\s*ID\s*が必要/,
      /l['’]ID\s+de\s+(?:la\s+)?solution\s+est\s+(?:requis|obligatoire)/i,
    ],
    message: 'error_solution_id_required_msg',
    fixes: ['error_solution_id_required_fix1', 'error_solution_id_required_fix2', 'error_solution_id_required_fix3'],
    source: 'FAQ R7; domain §5 E12',
  },
  {
    id: 'error.country-code-missing',
    codes: [],
    text: [
      /country\s+code\s+(?:is\s+)?(?:missing|required|invalid|not\s+valid|empty)/i,
      /(?:missing|invalid|no)\s+(?:(?:customer|account|two-letter|2-letter)\s+)*country\s+code/i,
      /国コード(?:が|は)?(?:ありません|見つかりません|必要|無効)/,
      /code\s+(?:de\s+)?pays(?:\s+[\p{L}']+){0,3}?\s+(?:est\s+)?(?:manquant|requis|obligatoire|non\s+valide|invalide)/iu,
    ],
    message: 'error_country_code_missing_msg',
    fixes: ['error_country_code_missing_fix1', 'error_country_code_missing_fix2', 'error_country_code_missing_fix3'],
    source: 'FAQ R6; domain §5 E11',
  },
  {
    id: 'error.grant-expired',
    codes: ['AADSTS700082', 'AADSTS70043', 'AADSTS50173', 'AADSTS70008', 'AADSTS50133', 'AADSTS50089', 'AADSTS700084', 'invalid_grant'],
    text: [
      /grant\s+(?:is|has)\s+expired/i,
      /(?:credentials?|password|token)\s+(?:has\s+|have\s+)?expired/i,
      /must\s+sign\s+in\s+again|sign\s+in\s+again/i,
      /(?:再度|もう一度)サインイン|(?:資格情報|パスワード|トークン)の有効期限が切れ/,
      /(?:identifiants?|mot\s+de\s+passe|jeton|autorisation)\s+(?:a|ont|est)\s+expirée?s?|reconnectez-vous|connectez-vous\s+à\s+nouveau/i,
    ],
    message: 'error_grant_expired_msg',
    fixes: ['error_grant_expired_fix1', 'error_grant_expired_fix2', 'error_grant_expired_fix3'],
    source: 'FAQ R4; domain §5 E9',
  },
  {
    id: 'error.sign-in-required',
    codes: [],
    text: [
      /sign[- ]?in\s+(?:is\s+)?required/i,
      /you\s+(?:need|have)\s+to\s+sign\s+in/i,
      /please\s+sign\s+in/i,
      /サインインが必要/,
      /connexion\s+(?:est\s+)?(?:requise|obligatoire)|vous\s+devez\s+vous\s+connecter/i,
    ],
    message: 'error_sign_in_required_msg',
    fixes: ['error_sign_in_required_fix1', 'error_sign_in_required_fix2', 'error_sign_in_required_fix3'],
    source: 'FAQ C2; domain §5 E2',
  },
  {
    id: 'error.access-denied',
    codes: ['Forbidden', 'AccessDenied', '403', 'AuthorizationFailed'],
    text: [/access\s+(?:is\s+)?denied/i, /\b403\b/, /\bforbidden\b/i, /アクセスが拒否/, /accès\s+refusé/i],
    message: 'error_access_denied_msg',
    fixes: ['error_access_denied_fix1', 'error_access_denied_fix2', 'error_access_denied_fix3'],
    source: 'FAQ R5; domain §5 E10',
  },
];

export const UNRECOGNIZED_ID = 'error.unrecognized';

const CODE_INDEX = new Map<string, ErrorEntry>();
for (const e of ERROR_CATALOGUE) for (const c of e.codes) CODE_INDEX.set(c.toLowerCase(), e);

/** Code-like tokens in free text (`WorkflowTriggerNotFound`, `0x80040216`, `AADSTS700082`, `403`). */
const TOKEN = /\b(?:0x[0-9a-f]{8}|AADSTS\d+|[A-Z][a-z]+(?:[A-Z][a-z]+)+|\d{3}|invalid_grant)\b/gi;

/** The catalogue entry a message belongs to, or null. Codes first (given, then found in the text), then text. */
export function matchError(text: string, code?: string | null): ErrorEntry | null {
  if (code) {
    const hit = CODE_INDEX.get(code.trim().toLowerCase());
    if (hit) return hit;
  }
  // Long texts (logs pasted into Audit) are scanned in full for codes but only their start for prose.
  for (const token of text.match(TOKEN) ?? []) {
    const hit = CODE_INDEX.get(token.toLowerCase());
    if (hit && hit.id !== 'error.access-denied') return hit;
  }
  const head = text.length > 20000 ? text.slice(0, 20000) : text;
  for (const e of ERROR_CATALOGUE) if (e.text.some((re) => re.test(head))) return e;
  for (const token of text.match(TOKEN) ?? []) {
    const hit = CODE_INDEX.get(token.toLowerCase());
    if (hit) return hit;
  }
  return null;
}

export const errorKey = (id: string) => id.replace(/[.-]/g, '_');
