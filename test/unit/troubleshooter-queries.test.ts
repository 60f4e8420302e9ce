import { afterAll, describe, expect, it } from 'vitest';
import { searchSymptoms } from '@/lib/knowledge/symptoms';
import { translator } from './helpers';

/** Realistic queries, from the FAQ's questions and users' own words, with the symptom expected first. */
const QUERIES: Record<'en' | 'ja' | 'fr', [string, string][]> = {
  en: [
    ['flows wont activate', 'flows-dont-turn-on'],
    ["flows won't turn on", 'flows-dont-turn-on'],
    ['cannot enable the flows of the solution', 'flows-dont-turn-on'],
    ['flow will not switch on', 'flows-dont-turn-on'],
    ['429 throttled', 'throttled'],
    ['too many requests', 'throttled'],
    ['runs are throttled', 'throttled'],
    ['add connections dialog does not open', 'cant-add-connections'],
    ['cant add connection when editing flow', 'cant-add-connections'],
    ['referral not synchronized to partner center', 'not-synchronized'],
    ['changes dont sync both ways', 'no-bidirectional-sync'],
    ['connector disconnected, change missed', 'sync-missed'],
    ['deal created in partner center never reaches crm', 'created-in-pc-not-crm'],
    ['leads dont arrive in crm', 'leads-not-syncing'],
    ['leads sync as leads not opportunities', 'leads-as-leads'],
    ['duplicate opportunities', 'duplicates'],
    ['flow runs several times', 'duplicates'],
    ['flow runs fail', 'run-failures'],
    ['calculated deal value update fails', 'deal-value-zero'],
    ['salesforce opportunity on hold does not sync', 'on-hold-no-sync'],
    ['solution install failed', 'install-failed'],
    ['referral visibility cannot be turned off', 'visibility-locked'],
    ['flow suspended by DLP', 'data-policy'],
    ['blocked by data policy', 'data-policy'],
    ['qualified lead without value or close date', 'lead-qualified-incomplete'],
    ['update from partner center skipped without message', 'crm-id-unknown'],
    ['salesforce currency does not sync', 'sf-currency'],
    ['WorkflowTriggerNotFound', 'error.workflow-trigger-not-found'],
    ['sign in error adding partner center connection', 'error.sign-in-required'],
    ['requiring updates', 'error.requiring-updates'],
    ["couldn't find a dynamics 365 organization", 'error.no-dynamics-org'],
    ['403 forbidden access denied', 'error.access-denied'],
    ['solution id is required', 'error.solution-id-required'],
    ['country code missing', 'error.country-code-missing'],
    ['0x80040216', 'error.xrm-0x80040216'],
    ['connection sign-in expired, sign in again', 'error.grant-expired'],
    ['flwos dont turn on', 'flows-dont-turn-on'],
    ['duplicat opportunities', 'duplicates'],
  ],
  ja: [
    ['フローがオンにならない', 'flows-dont-turn-on'],
    ['フローを有効にできない', 'flows-dont-turn-on'],
    ['ソリューションのフローをオンにできません', 'flows-dont-turn-on'],
    ['429 スロットリング', 'throttled'],
    ['要求が多すぎます', 'throttled'],
    ['接続の追加が開かない', 'cant-add-connections'],
    ['接続を追加するダイアログが開かない', 'cant-add-connections'],
    ['紹介がパートナー センターに同期されない', 'not-synchronized'],
    ['変更が双方向に同期されない', 'no-bidirectional-sync'],
    ['コネクタが切断されて変更を取りこぼした', 'sync-missed'],
    ['パートナー センターで作成した紹介が CRM に届かない', 'created-in-pc-not-crm'],
    ['リードが届かない', 'leads-not-syncing'],
    ['リードが営業案件ではなくリードとして同期される', 'leads-as-leads'],
    ['営業案件が重複する', 'duplicates'],
    ['フローが何度も実行される', 'duplicates'],
    ['フローの実行が失敗する', 'run-failures'],
    ['計算された取引金額で更新が失敗する', 'deal-value-zero'],
    ['保留中の商談が同期されない', 'on-hold-no-sync'],
    ['ソリューションのインストールに失敗した', 'install-failed'],
    ['Referral Visibility をオフにできない', 'visibility-locked'],
    ['データ ポリシーでブロックされた', 'data-policy'],
    ['DLP でフローが中断された', 'data-policy'],
    ['認定したリードに金額や見積完了日がない', 'lead-qualified-incomplete'],
    ['パートナー センターからの更新が無視される', 'crm-id-unknown'],
    ['Salesforce の通貨が同期されない', 'sf-currency'],
    ['WorkflowTriggerNotFound', 'error.workflow-trigger-not-found'],
    ['接続を追加するとサインイン エラー', 'error.sign-in-required'],
    ['requiring updates と表示される', 'error.requiring-updates'],
    ['アクセスが拒否されました 403', 'error.access-denied'],
    ['Solution ID is required', 'error.solution-id-required'],
    ['国コードがない', 'error.country-code-missing'],
    ['0x80040216', 'error.xrm-0x80040216'],
    ['サインインの有効期限切れ', 'error.grant-expired'],
  ],
  fr: [
    ["impossible d'activer les flux", 'flows-dont-turn-on'],
    ['les flux ne s’activent pas', 'flows-dont-turn-on'],
    ["les flux ne s'activent pas", 'flows-dont-turn-on'],
    ['les flux ne démarrent pas', 'flows-dont-turn-on'],
    ['erreur 429 limitation', 'throttled'],
    ['trop de requêtes', 'throttled'],
    ['la fenêtre d’ajout de connexions ne s’ouvre pas', 'cant-add-connections'],
    ["impossible d'ajouter les connexions", 'cant-add-connections'],
    ["la référence n'est pas synchronisée", 'not-synchronized'],
    ['les modifications ne se synchronisent pas dans les deux sens', 'no-bidirectional-sync'],
    ['connecteur déconnecté, modification manquée', 'sync-missed'],
    ["référence créée dans l'Espace partenaires absente du CRM", 'created-in-pc-not-crm'],
    ["les prospects n'arrivent pas dans le CRM", 'leads-not-syncing'],
    ['les prospects arrivent comme prospects, pas comme opportunités', 'leads-as-leads'],
    ['opportunités en double', 'duplicates'],
    ['doublons', 'duplicates'],
    ['les exécutions de flux échouent', 'run-failures'],
    ['valeur calculée, la mise à jour échoue', 'deal-value-zero'],
    ['opportunité Salesforce en attente non synchronisée', 'on-hold-no-sync'],
    ["l'installation de la solution a échoué", 'install-failed'],
    ['impossible de désactiver Referral Visibility', 'visibility-locked'],
    ['flux suspendu par une stratégie de données', 'data-policy'],
    ['bloqué par DLP', 'data-policy'],
    ['prospect qualifié sans valeur ni date de clôture', 'lead-qualified-incomplete'],
    ["mise à jour de l'Espace partenaires ignorée", 'crm-id-unknown'],
    ['la devise ne se synchronise pas dans Salesforce', 'sf-currency'],
    ['WorkflowTriggerNotFound', 'error.workflow-trigger-not-found'],
    ['erreur se connecter en ajoutant la connexion', 'error.sign-in-required'],
    ['requiring updates', 'error.requiring-updates'],
    ['accès refusé 403', 'error.access-denied'],
    ['Solution ID is required', 'error.solution-id-required'],
    ['code pays manquant', 'error.country-code-missing'],
    ['0x80040216', 'error.xrm-0x80040216'],
    ['identifiants expirés, reconnectez-vous', 'error.grant-expired'],
    ['les flus ne s’activent pas', 'flows-dont-turn-on'],
  ],
};

const lines: string[] = [];
afterAll(() => console.log(`Troubleshooter query set\n${lines.join('\n')}`));

describe('troubleshooter query set (top-1 ≥ 90 %, top-3 100 %)', () => {
  it.each(['en', 'ja', 'fr'] as const)('%s', (locale) => {
    const t = translator(locale);
    const ranks = QUERIES[locale].map(([q, id]) => ({ q, id, got: searchSymptoms(q, (k) => t(k)).results.map((s) => s.id) }));
    const top1 = ranks.filter((r) => r.got[0] === r.id).length / ranks.length;
    const top3 = ranks.filter((r) => r.got.slice(0, 3).includes(r.id)).length / ranks.length;
    lines.push(`  ${locale}: ${ranks.length} queries, top-1 ${(top1 * 100).toFixed(1)} %, top-3 ${(top3 * 100).toFixed(1)} %`);
    const missed = ranks.filter((r) => r.got[0] !== r.id).map((r) => `${r.q} → ${r.got.slice(0, 3).join(', ')} (want ${r.id})`);
    expect(QUERIES[locale].length).toBeGreaterThanOrEqual(30);
    expect(top3, missed.join('\n')).toBe(1);
    expect(top1, missed.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('never answers with nothing: unknown words get the error catalogue', () => {
    const t = translator('en');
    const found = searchSymptoms('zebra giraffe', (k) => t(k));
    expect(found.fallback).toBe(true);
    expect(found.results.length).toBeGreaterThan(0);
    expect(found.results.every((s) => s.id.startsWith('error.'))).toBe(true);
  });
});
