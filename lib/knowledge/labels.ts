/**
 * Labels of the connector solution's custom fields, per locale. These fields have no published
 * logical (Dynamics) or API (Salesforce) names, so readers find them by label and the settings
 * name them by their English label.
 */
import type { CustomFieldKey } from '../model/settings';

export const CUSTOM_FIELD_LABELS: Record<CustomFieldKey, { en: string[]; ja: string[]; fr: string[] }> = {
  syncWithPartnerCenter: {
    en: ['Sync with Partner Center'],
    ja: ['パートナー センターと同期', 'パートナーセンターと同期', 'Partner Center と同期'],
    fr: ['Synchroniser avec l’Espace partenaires', 'Synchroniser avec Partner Center', 'Synchronisation avec l’Espace partenaires'],
  },
  referralIdentifier: {
    en: ['Referral Identifier', 'Referral ID', 'Referral'],
    ja: ['紹介 ID', '紹介識別子'],
    fr: ['Identificateur de référence', 'Identifiant de référence', 'ID de référence'],
  },
  referralLink: { en: ['Referral Link'], ja: ['紹介リンク'], fr: ['Lien de référence'] },
  helpRequested: {
    en: ['How can Microsoft help?', 'How can Microsoft help'],
    ja: ['Microsoft がどのように支援できるか', 'Microsoft のサポート内容'],
    fr: ['Comment Microsoft peut-il vous aider ?', 'Comment Microsoft peut-il aider ?'],
  },
  referralVisibility: {
    en: ['Microsoft Partner Center Referral Visibility', 'Referral Visibility'],
    ja: ['Microsoft パートナー センターの紹介の表示', '紹介の表示'],
    fr: ['Visibilité de la référence Microsoft Partner Center', 'Visibilité de la référence'],
  },
  crmIdentifier: { en: ['Microsoft CRM Identifier'], ja: ['Microsoft CRM 識別子'], fr: ['Identificateur CRM Microsoft'] },
  audit: { en: ['Audit'], ja: ['監査'], fr: ['Audit'] },
  productsObsolete: { en: ['Products: Obsolete', 'Products (Obsolete)'], ja: ['製品: 廃止'], fr: ['Produits : obsolète'] },
  solutions: {
    en: ['Microsoft Partner Center Solutions', 'Microsoft Solutions'],
    ja: ['Microsoft パートナー センター ソリューション', 'Microsoft ソリューション'],
    fr: ['Solutions Microsoft Partner Center', 'Solutions Microsoft'],
  },
};
