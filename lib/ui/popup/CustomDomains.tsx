/**
 * Settings → Custom domains: the user adds a proxy or vanity domain, picks the app it serves, and
 * the browser asks for access to that domain alone (`permissions.request`, inside the click). The
 * list is stored first, so nothing is lost if the popup closes while the browser asks; the
 * background registers the content script once access is granted, and drops it when it is not.
 * Domains an administrator's policy lists (`customDomains`) are shown first, locked: the user can
 * only allow them (a policy cannot grant access), not remove them.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Translator } from '../../i18n';
import { customPattern, parseCustomHost, type AppId } from '../../knowledge/hosts';
import { CUSTOM_HOSTS_KEY, type CustomHosts } from '../../model/custom-hosts';
import { listedCustomHosts, managedCustomHosts, managedListMissing } from '../../knowledge/custom-hosts';
import type { PopupApi } from './api';
import type { Patch } from './types';

const APPS: AppId[] = ['dynamics', 'salesforce', 'power-automate', 'partner-center'];
const appName = (t: Translator, app: AppId) => t(`app_${app.replace('-', '_')}`);
const nameOf = (host: string) => (host.startsWith('*.') ? host.slice(2) : host);

export function CustomDomains({
  api,
  t,
  hosts,
  managed,
  patch,
}: {
  api: PopupApi;
  t: Translator;
  hosts: CustomHosts['hosts'];
  managed?: unknown;
  patch: Patch;
}) {
  const [text, setText] = useState('');
  const [app, setApp] = useState<AppId>('dynamics');
  const [message, setMessage] = useState<{ kind: 'error' | 'status'; text: string } | null>(null);
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  // The Public Suffix List stays in the background: the popup asks it about the policy's domains
  // (until it answers, or when it does not, only the built-in checks apply to them).
  const [suffixes, setSuffixes] = useState<ReadonlySet<string>>(new Set());
  const policyNames = useMemo(() => managedCustomHosts(managed).hosts.map((h) => nameOf(h.host)), [managed]);
  useEffect(() => {
    let live = true;
    if (policyNames.length > 0)
      void api.publicSuffixes(policyNames).then(
        (found) => live && setSuffixes(found),
        () => undefined,
      );
    return () => void (live = false);
  }, [api, policyNames.join(' ')]);
  const isSuffix = (name: string) => suffixes.has(name);
  const policy = useMemo(() => managedCustomHosts(managed, isSuffix), [managed, suffixes]);
  /** The administrator's domains, then the user's own (one row per domain). */
  const shown = listedCustomHosts(hosts, managed, isSuffix);
  const hostList = shown.map((h) => h.host).join(' ');

  useEffect(() => {
    let live = true;
    void Promise.all(shown.map((h) => api.hasHost(customPattern(h.host)).catch(() => false))).then((states) => {
      if (live) setGranted(Object.fromEntries(shown.map((h, i) => [h.host, states[i]!])));
    });
    return () => void (live = false);
  }, [api, hostList]);

  const save = (next: CustomHosts['hosts']) => {
    const value: CustomHosts = { version: 1, hosts: next };
    patch((s) => ({ ...s, customHosts: value }));
    return api.save(CUSTOM_HOSTS_KEY, value);
  };

  /** Must run inside the click: browsers only show their permission prompt during a user gesture. */
  const request = (host: string) => api.requestHost(customPattern(host)).catch(() => null);
  const answered = (host: string, ok: boolean | null) => {
    if (ok !== null) setGranted((g) => ({ ...g, [host]: ok }));
    setMessage(
      ok === null
        ? { kind: 'error', text: t('custom_error_unavailable') }
        : ok
          ? { kind: 'status', text: t('custom_granted', { host }) }
          : { kind: 'error', text: t('custom_refused', { host }) },
    );
  };
  const ask = (host: string) => request(host).then((ok) => answered(host, ok));

  const add = async () => {
    const typed = text;
    const refuse = (reason: string) => setMessage({ kind: 'error', text: t(`custom_error_${reason.replace('-', '_')}`) });
    const check = parseCustomHost(typed);
    if (!check.ok) return refuse(check.reason);
    // Asked before the browser's prompt, which still counts as inside the click (a brief round trip).
    const found = await api.publicSuffixes([nameOf(check.host)]).catch(() => null);
    if (!found) return refuse('no_check');
    if (found.has(nameOf(check.host))) return refuse('too-broad');
    const asking = request(check.host);
    // Listed already (by the user, or by the administrator): its access stays whatever the save does.
    const known = shown.some((h) => h.host === check.host);
    const saving = save([...hosts.filter((h) => h.host !== check.host), { host: check.host, app, addedAt: Date.now() }]).then(
      (ok) => ok !== false,
    );
    setText('');
    return await Promise.all([asking, saving]).then(([ok, stored]) => {
      if (stored || known) return answered(check.host, ok);
      // Not stored (the popup says why): what was typed comes back, to try again, and access the
      // browser gave meanwhile is given back, so that no domain is allowed that is not in the list.
      setText(typed);
      setMessage(null);
      if (ok) void api.releaseHost(customPattern(check.host)).catch(() => false);
    });
  };

  const remove = (host: string) => {
    // Access is given back once the list without the domain is stored: when it cannot be, the
    // domain stays as it was, listed and allowed. A domain the manifest grants anyway cannot be
    // given back; the stored list still decides.
    setMessage({ kind: 'status', text: t('custom_removed', { host }) });
    return save(hosts.filter((h) => h.host !== host)).then((ok) => {
      if (ok === false) return setMessage(null);
      void api.releaseHost(customPattern(host)).catch(() => false);
    });
  };

  return (
    <fieldset class="custom-domains" data-setting="customHosts">
      <legend>{t('custom_title')}</legend>
      <p class="note" id="custom-help">
        {t('custom_help')}
      </p>
      <div class="field">
        <label for="custom-host">{t('custom_domain')}</label>
        <input
          id="custom-host"
          value={text}
          placeholder="contoso.crm.dynamics.com.mcas.ms"
          autocomplete="off"
          spellcheck={false}
          maxLength={300}
          aria-describedby="custom-help"
          aria-invalid={message?.kind === 'error' && text !== '' ? true : undefined}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            void add();
          }}
        />
      </div>
      <div class="field">
        <label for="custom-app">{t('custom_app')}</label>
        <select id="custom-app" value={app} onChange={(e) => setApp((e.target as HTMLSelectElement).value as AppId)}>
          {APPS.map((a) => (
            <option key={a} value={a}>
              {appName(t, a)}
            </option>
          ))}
        </select>
      </div>
      <button type="button" class="primary" onClick={() => void add()}>
        {t('custom_add')}
      </button>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          class={message.kind === 'error' ? 'error note' : 'note'}
          data-custom-message={message.kind}
        >
          {message.text}
        </p>
      )}
      {managedListMissing(managed) && (
        <p class="note" data-custom-unlisted="">
          {t('custom_managed_unlisted')}
        </p>
      )}
      {policy.refused.map((r) => (
        <p key={`${r.reason}|${r.host}`} class="note error" data-custom-refused={r.host}>
          {t(`custom_managed_${r.reason.replace('-', '_')}`, { host: r.host })}
        </p>
      ))}
      {shown.length === 0 ? (
        <p class="note">{t('custom_none')}</p>
      ) : (
        <ul class="custom-list" aria-label={t('custom_list')}>
          {shown.map((h) => (
            <li
              key={h.host}
              data-custom-host={h.host}
              data-granted={granted[h.host] ? 'yes' : 'no'}
              data-locked={h.managed ? 'admin' : undefined}
            >
              <code>{h.host}</code> <span>{appName(t, h.app)}</span>{' '}
              <span class={granted[h.host] ? 'state ok' : 'state missing'}>
                {granted[h.host] ? t('custom_state_granted') : t('custom_state_missing')}
              </span>
              {!granted[h.host] && (
                <button type="button" aria-label={t('custom_allow', { host: h.host })} onClick={() => void ask(h.host)}>
                  {t('custom_allow_short')}
                </button>
              )}
              {h.managed ? (
                <span class="admin">{t('settings_locked')}</span>
              ) : (
                <button type="button" aria-label={t('custom_remove', { host: h.host })} onClick={() => void remove(h.host)}>
                  {t('custom_remove_short')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
