/**
 * A hint names the choice it asks for as the page shows it (はい, Oui), read by the reader from the
 * control's options; where the page shows none (a toggle), the catalogue's "Yes" in the user's language.
 */
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import type { Finding } from '@/lib/model/finding';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { readDynamics } from '@/lib/readers/dynamics';
import { twoOptionYesText } from '@/lib/readers/dynamics/controls';
import { HintLayer } from '@/lib/ui/layer';
import { HintCard } from '@/lib/ui/Hint';
import { render } from '@testing-library/preact';
import { h } from 'preact';
import { loadFixture, translator } from './helpers';

const finding: Finding = {
  rule: 'crm.sync-disabled',
  severity: 'warning',
  field: 'syncWithPartnerCenter',
  messageKey: 'crm_sync_disabled_intent',
  params: {},
  fixSteps: ['crm_sync_disabled_fix1'],
  source: 'test',
};

function container(html: string) {
  const window = new Window();
  const doc = new window.DOMParser().parseFromString(`<body><div id="c">${html}</div></body>`, 'text/html') as unknown as Document;
  return { doc, el: doc.getElementById('c')! };
}

describe("the page's own text of a choice", () => {
  it('reads the "yes" option of a select and of a radio group; a toggle shows none', () => {
    const select = container(
      '<select data-id="x.fieldControl-checkbox-select"><option value="0">Non</option><option value="1">Oui</option></select>',
    );
    expect(twoOptionYesText(select.el)).toBe('Oui');
    const radios = container(
      '<div data-id="x.fieldControl-checkbox-container" role="radiogroup"><div role="radio" data-id="x-inner-first">いいえ</div><div role="radio" data-id="x-inner-second">はい</div></div>',
    );
    expect(twoOptionYesText(radios.el)).toBe('はい');
    const toggle = container('<div data-id="x.fieldControl-toggle-container"><button role="switch" aria-checked="false">No</button></div>');
    expect(twoOptionYesText(toggle.el)).toBeUndefined();
  });

  it('the Dynamics reader passes it for Sync with Partner Center (Japanese page)', () => {
    const fx = loadFixture('dynamics', 'opportunity-sync-off-ja');
    const reading = readDynamics(fx.doc, new URL(fx.meta.url), DEFAULT_SETTINGS)!;
    expect(reading.options).toEqual({ syncWithPartnerCenter: 'はい' });
  });

  it.each([
    ['ja', 'はい'],
    ['fr', 'Oui'],
  ] as const)("the hint quotes the page's option text (%s), else the catalogue's", (locale, yes) => {
    const t = translator(locale);
    const { doc, el } = container('<span>field</span>');
    const layer = new HintLayer(doc, t);
    layer.update([finding], { syncWithPartnerCenter: el }, 'k', [], { syncWithPartnerCenter: 'P' }, { syncWithPartnerCenter: `«${yes}»` });
    const text = () => doc.querySelector('cosell-hint')!.shadowRoot!.textContent!;
    expect(text()).toContain(t('crm_sync_disabled_fix1', { label: 'P', option: `«${yes}»` }));
    layer.update([finding], { syncWithPartnerCenter: el }, 'k2', [], { syncWithPartnerCenter: 'P' });
    expect(text()).toContain(t('crm_sync_disabled_fix1', { label: 'P', option: yes }));
    expect(t('hint_yes')).toBe(yes);
  });

  it('in the popup, without a page, the catalogue\'s field name and "Yes" fill the step', () => {
    const t = translator('fr');
    const { container: c } = render(h(HintCard, { finding, t, brand: false }));
    expect(c.textContent).toContain(t('crm_sync_disabled_fix1', { label: t('field_syncWithPartnerCenter'), option: 'Oui' }));
    expect(c.textContent).not.toContain('{');
  });
});
