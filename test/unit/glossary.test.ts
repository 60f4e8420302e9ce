import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, messages } from './helpers';

// Names the apps show in English in every language: flow, connector, solution and field names.
const PRODUCT_NAMES =
  /Partner Center (?:to (?:Dynamics 365|Salesforce|CRM)|Referrals?|Events|Webhook Registration|Microsoft Co-sell|Solutions|We\w*)|Sync with Partner Center|(?:Dynamics 365|Salesforce|CRM) to Partner Center|Microsoft Partner Center/g;
/** The text a user reads as ours: quoted page labels and product names taken out. */
const ours = (s: string) => s.replace(/「[^」]*」|«[^»]*»|"[^"]*"/g, ' ').replace(PRODUCT_NAMES, ' ');

/** Forbidden variants, from docs/glossary.md: [pattern, the glossary's term]. */
const FORBIDDEN: Record<'ja' | 'fr', [RegExp, string][]> = {
  ja: [
    [/商機/, '営業案件 (Dynamics 365) / 商談 (Salesforce)'],
    [/(?<!営業)案件/, '営業案件 (CRM) / 紹介 (パートナー センター)'],
    [/推定終了日|(?<![見積予定完了])終了日|(?<![見積])完了日(?!予定)/, '見積完了日 / 完了予定日'],
    [/本番環境/, '運用環境'],
    [/コネクター/, 'コネクタ'],
    [/ログイン/, 'サインイン'],
    [/調整/, 'スロットリング'],
    [/すべてが登録されていません/, '登録されていないものがある'],
    [/オプション/, '設定 (the Settings tab)'],
    [/「設定」タブ/, '「セットアップ」タブ'],
    [/Partner Center/, 'パートナー センター'],
  ],
  fr: [
    [/Partner Center/, 'Espace partenaires'],
    [/Prévoir/, 'Capacité (the Plan tab)'],
    [/connexion d['’]un compte a expiré/, 'identifiants expirés'],
    [/connexion est requise pour la connexion/, 'se connecter'],
    [/politique de données/, 'stratégie de données'],
    [/\bworkflows?\b/, 'flux'],
  ],
};

describe('glossary (docs/glossary.md)', () => {
  it('exists and lists every forbidden variant the test enforces', () => {
    const doc = readFileSync(join(ROOT, 'docs/glossary.md'), 'utf8');
    for (const term of [
      '商機',
      '推定終了日',
      '本番環境',
      'コネクター',
      'ログイン',
      '調整',
      'オプション',
      'Prévoir',
      'politique de données',
    ])
      expect(doc, term).toContain(term);
  });

  it.each(['ja', 'fr'] as const)('%s messages use the glossary term, never a forbidden variant', (locale) => {
    const bad: string[] = [];
    for (const [key, { message }] of Object.entries(messages(locale)))
      for (const [re, term] of FORBIDDEN[locale]) if (re.test(ours(message))) bad.push(`${key}: ${re} → ${term}`);
    expect(bad).toEqual([]);
  });

  it('Japanese says 商談 only about Salesforce (Dynamics 365 says 営業案件)', () => {
    // The on-hold stage exists only in the Salesforce solution (rule crm.on-hold-stage).
    const bad = Object.entries(messages('ja')).filter(
      ([k, { message }]) => message.includes('商談') && !/salesforce|_sf|on_hold/i.test(k) && !message.includes('Salesforce'),
    );
    expect(bad.map(([k]) => k)).toEqual([]);
  });

  it('French calls a Partner Center deal a référence, never an affaire', () => {
    const fr = messages('fr');
    const about = Object.keys(fr).filter((k) => k.startsWith('pc_') || ['popup_reads_partnerCenter', 'settings_family_pc'].includes(k));
    expect(about.filter((k) => /\baffaires?\b/i.test(fr[k]!.message))).toEqual([]);
    expect(about.filter((k) => /référence/.test(fr[k]!.message)).length).toBeGreaterThan(10);
  });

  it('the tabs are named as the glossary says', () => {
    const tabs = (l: 'ja' | 'fr') => ['setup', 'settings', 'plan'].map((t) => messages(l)[`popup_tab_${t}`]!.message);
    expect(tabs('ja')).toEqual(['セットアップ', '設定', 'プラン']);
    expect(tabs('fr')).toEqual(['Configuration', 'Paramètres', 'Capacité']);
  });
});
