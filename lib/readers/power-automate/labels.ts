/**
 * Localized words of the Power Automate portal the readers compare against (en, ja, fr). Codes,
 * action keys and flow names are not localized and are preferred wherever the page has them.
 */
import { labelKeys } from '../dom';

export const FLOW_ON = labelKeys('On', 'オン', 'Activé', 'Activée', 'Actif');
export const FLOW_OFF = labelKeys('Off', 'オフ', 'Désactivé', 'Désactivée', 'Inactif');

export const RUN_STATUS: Record<'failed' | 'succeeded' | 'running' | 'cancelled', Set<string>> = {
  failed: labelKeys(
    'Failed',
    'Faulted',
    'Timed out',
    '失敗',
    '失敗しました',
    'エラーが発生しました',
    'タイムアウト',
    'Échec',
    'En échec',
    'Échoué',
    'Échouée',
    'Expiré',
    'Délai d’attente dépassé',
  ),
  succeeded: labelKeys(
    'Succeeded',
    'Succeeded with retries',
    '成功',
    '成功しました',
    '再試行により成功',
    'Réussi',
    'Réussite',
    'Réussite avec nouvelles tentatives',
    'Opération réussie',
  ),
  running: labelKeys('Running', 'In progress', 'Waiting', 'Resuming', '実行中', '待機中', 'En cours', 'En cours d’exécution', 'En attente'),
  cancelled: labelKeys(
    'Cancelled',
    'Canceled',
    'Aborted',
    'キャンセル済み',
    '取り消し済み',
    '取り消されました',
    '中止されました',
    'Annulé',
    'Annulée',
    'Abandonné',
  ),
};

export const RUN_ONLY_PANEL = labelKeys(
  'Manage run-only permissions',
  'Run only users',
  '実行のみのアクセス許可の管理',
  '実行のみのユーザー',
  '実行専用ユーザー',
  'Gérer les autorisations d’exécution seule',
  'Utilisateurs en exécution seule',
);
export const PROVIDED_BY_RUN_ONLY =
  /provided\s+by\s+run[- ]only\s+user|(?:実行のみの|実行専用)ユーザーによって提供|fourni(?:e)?\s+par\s+l['’]utilisateur\s+en\s+exécution\s+seule/i;
export const USE_THIS_CONNECTION = /use\s+(?:this\s+)?connection|この接続を使用|utiliser\s+cette\s+connexion/i;

/** A designer step that needs a connection: card error text, badge titles, aria labels. */
export const CONNECTION_PROBLEM =
  /invalid\s+connection|connection\s+(?:is\s+)?required|sign\s+in\s+to\s+create\s+(?:a\s+)?connection|無効な接続|接続が無効です|接続が必要|接続を(?:作成|選択)してください|connexion\s+(?:non\s+valide|invalide|requise|obligatoire)/i;
/** A v2 card's error badge: `alt="Errors"` or `aria-label="Errors: 2"`; never a step titled "Error handling" / 「エラー処理」. */
export const ERROR_BADGE = /^(?:errors?|エラー|erreurs?)\s*(?:[:：(（\d]|$)/i;
/** LogicAppsUX's footer badge for a connection: `inactive` means "no connection", in any language. */
export const INACTIVE_CONNECTION_BADGE = '.panel-card-v2-badge.inactive';

/** The errors panel (Flow Checker) subsection of a step's connection errors (LogicAppsUX `PsmHyH`). */
export const CONNECTION_ERRORS = labelKeys('Connection errors', '接続エラー', 'Erreurs de connexion');
/** A run grid's status column header (Fluent DetailsList keys are the app's own: found by header text). */
export const STATUS_HEADER = labelKeys('Status', 'Run status', '状態', 'ステータス', 'Statut', 'État');

export const FLOW_NAME_LABELS = labelKeys('Flow name', 'フロー名', 'Nom du flux');

export const WEBHOOK_LABELS = {
  endpoint: labelKeys('Http Trigger Endpoint', 'HTTP Trigger Endpoint'),
  events: labelKeys('Events to Register', 'Events to register'),
  overwrite: labelKeys(
    'Overwrite existing trigger endpoints if present?',
    'Overwrite existing trigger endpoints if present',
    'Overwrite existing trigger endpoints',
  ),
};
export const YES = labelKeys('Yes', 'はい', 'Oui', 'true');
export const NO = labelKeys('No', 'いいえ', 'Non', 'false');
