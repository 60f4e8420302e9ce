/** Standard Salesforce field and list labels per locale (the API names are tried first). */
import { labelKeys } from '../dom';

export type SfStandardField =
  'Amount' | 'CloseDate' | 'StageName' | 'CurrencyIsoCode' | 'ContactId' | 'BillingAddress' | 'BillingCountry' | 'ContactRoles';

export const SF_LABELS: Record<SfStandardField, { en: string[]; ja: string[]; fr: string[] }> = {
  Amount: { en: ['Amount'], ja: ['金額'], fr: ['Montant'] },
  CloseDate: { en: ['Close Date'], ja: ['完了予定日'], fr: ['Date de clôture'] },
  StageName: { en: ['Stage'], ja: ['フェーズ'], fr: ['Étape'] },
  CurrencyIsoCode: {
    en: ['Opportunity Currency'],
    ja: ['商談 通貨', '商談通貨'],
    fr: ['Devise de l’opportunité', "Devise de l'opportunité"],
  },
  ContactId: { en: ['Contact'], ja: ['取引先責任者'], fr: ['Contact'] },
  BillingAddress: { en: ['Billing Address'], ja: ['請求先住所'], fr: ['Adresse de facturation'] },
  BillingCountry: { en: ['Billing Country'], ja: ['請求先国'], fr: ['Pays de facturation'] },
  ContactRoles: { en: ['Contact Roles'], ja: ['取引先責任者の役割'], fr: ['Rôles des contacts', 'Rôles de contact'] },
};

export const CLOSED_WON = labelKeys(
  ['Closed Won'],
  ['成立', '完了 (成立)', 'クローズ (成立)'],
  ['Fermée gagnée', 'Conclue gagnée', 'Gagnée'],
);
export const CLOSED_LOST = labelKeys(
  ['Closed Lost'],
  ['不成立', '完了 (不成立)', 'クローズ (不成立)'],
  ['Fermée perdue', 'Conclue perdue', 'Perdue'],
);
/** The standard open stages of a new org, en/ja/fr. */
export const OPEN_STAGES = labelKeys(
  [
    'Prospecting',
    'Qualification',
    'Needs Analysis',
    'Value Proposition',
    'Id. Decision Makers',
    'Perception Analysis',
    'Proposal/Price Quote',
    'Negotiation/Review',
  ],
  ['見込み客', '評価', 'ニーズ分析', '価値提案', '意思決定者の特定', '認識分析', '提案/見積', '交渉/レビュー'],
  [
    'Prospection',
    'Qualification',
    'Analyse des besoins',
    'Proposition de valeur',
    'Identification des décideurs',
    'Analyse de perception',
    'Proposition/Devis',
    'Négociation/Révision',
  ],
);
