/** Partner Center deal vocabulary in en/ja/fr (documented field labels; the Japanese and French are the localized docs' terms). */
import { labelKeys } from '../dom';

export const PC = {
  dealDetails: labelKeys('Deal details', '案件の詳細', '取引の詳細', 'Détails de l’affaire', 'Détails de la transaction'),
  dealName: labelKeys('Deal name', '取引名', '案件名', 'Nom de l’affaire', 'Nom de la transaction'),
  dealValue: labelKeys('Estimated value', 'Estimated deal value', '推定値', '推定取引額', 'Valeur estimée', 'Valeur estimée de l’affaire'),
  closeDate: labelKeys('Estimated close date', '推定終了日', '推定クローズ日', 'Date de clôture estimée'),
  status: labelKeys('Status', 'Partner referral status', '状態', 'ステータス', 'Statut', 'État'),
  crmId: labelKeys('CRM ID', 'CRM ID', 'ID CRM'),
  referralId: labelKeys('Referral ID', '紹介 ID', 'ID de référence'),
  help: labelKeys(
    'Identify the kind of help that you need from Microsoft',
    'Help needed from Microsoft',
    'Microsoft から必要な支援の種類',
    'Microsoft から必要な支援',
    'Type d’aide requise de Microsoft',
    'Identifiez le type d’aide dont vous avez besoin de la part de Microsoft',
  ),
  solutions: labelKeys('Solutions', 'ソリューション', 'Solutions'),
  contacts: labelKeys('Customer contacts', 'Customer contact', '顧客の連絡先', '顧客の担当者', 'Contacts du client', 'Contact client'),
  team: labelKeys('Team', 'Team members', 'チーム', 'チーム メンバー', 'Équipe', 'Membres de l’équipe'),
  memberName: labelKeys('Name', '名前', '氏名', 'Nom'),
  memberPhone: labelKeys('Phone', 'Phone number', '電話番号', '電話', 'Téléphone'),
  memberEmail: labelKeys('Email', 'E-mail', 'メール', 'メール アドレス', 'E-mail', 'Adresse e-mail'),
};
export type PcLabel = 'dealName' | 'dealValue' | 'closeDate' | 'status' | 'crmId' | 'referralId' | 'help';

export const NO_HELP = labelKeys(
  'No help required at this point of time',
  'No help required',
  '現時点では支援は必要ありません',
  '支援は不要',
  'Aucune aide requise pour le moment',
  'Aucune aide requise',
);

/** Status words, matched inside the status text ("Active – Accepted", "Closed – Won"). */
export const STATUS = new Map<'new' | 'active' | 'closed', string[]>([
  ['closed', ['closed', 'クローズ', '終了', 'fermé', 'clôturé']],
  ['active', ['active', 'アクティブ', 'actif', 'active']],
  ['new', ['new', '新規', 'nouveau']],
]);
export const OUTCOME = new Map<'won' | 'lost' | 'declined' | 'expired' | 'error', string[]>([
  ['won', ['won', '受注', '成立', 'gagné']],
  ['lost', ['lost', '失注', '不成立', 'perdu']],
  ['declined', ['declined', '辞退', '拒否', 'refusé', 'décliné']],
  ['expired', ['expired', '期限切れ', 'expiré']],
  ['error', ['error', 'エラー', 'erreur']],
]);
