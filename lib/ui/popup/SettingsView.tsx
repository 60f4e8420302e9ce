import { useState } from 'preact/hooks';
import type { Translator } from '../../i18n';
import { CUSTOM_FIELD_LABELS } from '../../knowledge/labels';
import { RULES } from '../../rules';
import { CUSTOM_FIELD_KEYS, SETTINGS_KEY, Settings, effectiveSettings, type CustomFieldKey, type LockedPath } from '../../model/settings';
import type { PopupApi } from './api';
import type { Patch, Stored } from './types';
import { CustomDomains } from './CustomDomains';
import { ClearData } from './ClearData';
import { TEXT_SETTINGS } from './settings-fields';
import { ruleTitleKey, severityLabel } from './rule-names';

const FAMILIES = ['crm', 'pc', 'flow', 'error'] as const;

import { FIELD_NAME } from '../../model/settings';

export { FIELD_NAME };
const STAGE_MAX = 120;
const LABELS_MAX = 1000;

/** Drops undefined keys so the stored object stays valid and small. */
const clean = (s: Settings): Settings => JSON.parse(JSON.stringify(s)) as Settings;

export function SettingsView({ api, t, stored, patch }: { api: PopupApi; t: Translator; stored: Stored; patch: Patch }) {
  const { settings, locked } = stored.settings;
  const [saved, setSaved] = useState(false);
  /** Field names typed that are not names: shown with the field, and not stored. */
  const [invalid, setInvalid] = useState<Partial<Record<LockedPath, string>>>({});
  // The user's own settings are what we store; administrator values are shown, locked, and never written.
  const own = (): Settings => {
    const s = clean(settings);
    s.disabledRules = s.disabledRules.filter((id) => !locked.has(`rule:${id}`));
    for (const f of TEXT_SETTINGS) if (locked.has(f.path)) Object.assign(s, f.set(s, undefined));
    for (const k of CUSTOM_FIELD_KEYS) if (locked.has(`labelOverrides.${k}`)) delete s.labelOverrides[k];
    return clean(s);
  };
  const write = async (next: Settings) => {
    const parsed = Settings.safeParse(clean(next));
    if (!parsed.success) return;
    patch((s) => ({ ...s, settings: effectiveSettings(parsed.data, s.managed) }));
    setSaved((await api.save(SETTINGS_KEY, parsed.data)) !== false);
  };
  const adminNote = <span class="admin">{t('settings_locked')}</span>;

  return (
    <form class="settings" data-view="settings" onSubmit={(e) => e.preventDefault()}>
      {saved && (
        <p role="status" class="note">
          {t('settings_saved')}
        </p>
      )}
      <fieldset>
        <legend>{t('settings_fields')}</legend>
        <p class="note">{t('settings_fields_help')}</p>
        {TEXT_SETTINGS.map((f) => {
          const id = `set-${f.path.replace('.', '-')}`;
          const isLocked = locked.has(f.path);
          const current = f.get(settings);
          // What was typed and refused; or a name the administrator set that is not one (said, not fixable here).
          const wrong = invalid[f.path] ?? (isLocked ? stored.settings.refused?.get(f.path) : undefined);
          const described = [isLocked && `${id}-admin`, wrong !== undefined && `${id}-error`].filter(Boolean).join(' ');
          return (
            <div class="field" key={f.path} data-setting={f.path} data-locked={isLocked ? 'admin' : undefined}>
              <label for={id}>{t(f.label)}</label>
              <input
                id={id}
                value={invalid[f.path] ?? current ?? ''}
                placeholder={f.placeholder}
                readOnly={isLocked}
                maxLength={f.kind === 'name' ? 100 : STAGE_MAX}
                spellcheck={false}
                autocomplete="off"
                aria-invalid={wrong !== undefined ? true : undefined}
                aria-describedby={described || undefined}
                onChange={(e) => {
                  const v = (e.target as HTMLInputElement).value.trim();
                  if (f.kind === 'name' && v !== '' && !FIELD_NAME.test(v)) {
                    setSaved(false);
                    setInvalid((all) => ({ ...all, [f.path]: v }));
                    return;
                  }
                  setInvalid(({ [f.path]: _, ...rest }) => rest);
                  void write(f.set(own(), v === '' ? undefined : v));
                }}
              />
              {wrong !== undefined && (
                <p id={`${id}-error`} class="note error" role={isLocked ? undefined : 'alert'} data-invalid-setting={f.path}>
                  {t(isLocked ? 'settings_error_fieldName_admin' : 'settings_error_fieldName', { value: wrong })}
                </p>
              )}
              {isLocked && <span id={`${id}-admin`}>{adminNote}</span>}
            </div>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>{t('settings_labels')}</legend>
        <p class="note">{t('settings_labels_help')}</p>
        {CUSTOM_FIELD_KEYS.map((k: CustomFieldKey) => {
          const id = `set-label-${k}`;
          const isLocked = locked.has(`labelOverrides.${k}`);
          return (
            <div class="field" key={k} data-setting={`labelOverrides.${k}`} data-locked={isLocked ? 'admin' : undefined}>
              <label for={id}>{CUSTOM_FIELD_LABELS[k].en[0]}</label>
              <input
                id={id}
                value={(settings.labelOverrides[k] ?? []).join('; ')}
                readOnly={isLocked}
                maxLength={LABELS_MAX}
                aria-describedby={isLocked ? `${id}-admin` : undefined}
                onChange={(e) => {
                  const labels = (e.target as HTMLInputElement).value
                    .split(/[;；]/)
                    .map((s) => s.trim())
                    .filter(Boolean);
                  const next = own();
                  if (labels.length) next.labelOverrides[k] = labels;
                  else delete next.labelOverrides[k];
                  void write(next);
                }}
              />
              {isLocked && <span id={`${id}-admin`}>{adminNote}</span>}
            </div>
          );
        })}
      </fieldset>
      <CustomDomains api={api} t={t} hosts={stored.customHosts.hosts} managed={stored.managed} patch={patch} />
      <ClearData api={api} t={t} stored={stored} patch={patch} />
      {FAMILIES.map((family) => (
        <fieldset key={family} class="rules">
          <legend>{t(`settings_family_${family}`)}</legend>
          {RULES.filter((r) => r.id.startsWith(`${family}.`)).map((r) => {
            const id = `rule-${r.id}`;
            const isLocked = locked.has(`rule:${r.id}`);
            const on = !settings.disabledRules.includes(r.id);
            return (
              <div class="item" key={r.id} data-rule-setting={r.id} data-locked={isLocked ? 'admin' : undefined}>
                <input
                  type="checkbox"
                  id={id}
                  checked={on}
                  disabled={isLocked}
                  aria-describedby={`${id}-desc`}
                  onChange={(e) => {
                    const next = own();
                    const enable = (e.target as HTMLInputElement).checked;
                    next.disabledRules = enable
                      ? next.disabledRules.filter((x) => x !== r.id)
                      : [...new Set([...next.disabledRules, r.id])];
                    void write(next);
                  }}
                />
                <label for={id}>
                  {t(ruleTitleKey(r.id))} <span class={`sev sev-${r.severity}`}>{severityLabel(t, r)}</span>
                </label>
                <span class="desc" id={`${id}-desc`}>
                  <code>{r.id}</code>
                  {isLocked && <> {adminNote}</>}
                </span>
              </div>
            );
          })}
        </fieldset>
      ))}
    </form>
  );
}
