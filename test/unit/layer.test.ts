/**
 * Where the hint layer puts a hint for an anchor on a canvas of absolutely placed cards ("beside"):
 * in the top layer where the browser can anchor a popover to the card, else inside the card as for
 * any other anchor. Chromium itself is covered in test/e2e/fixtures.test.mjs; here, browsers that
 * cannot.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Window } from 'happy-dom';
import type { Finding } from '@/lib/model/finding';
import { Beside, homeOf } from '@/lib/ui/beside';
import { HintLayer } from '@/lib/ui/layer';
import { readPowerAutomate } from '@/lib/readers/power-automate';
import { ROOT, loadFixture, translator } from './helpers';

const finding: Finding = {
  rule: 'flow.connection-missing',
  severity: 'error',
  field: 'step:Get_referral',
  messageKey: 'flow_connection_missing_msg',
  params: { steps: 'Get referral', count: 1 },
  fixSteps: [],
  source: 'test',
};

function page() {
  const window = new Window({ url: 'https://make.powerautomate.com/' });
  const doc = window.document as unknown as Document;
  doc.body.innerHTML =
    '<div class="react-flow__nodes"><div class="react-flow__node" data-id="Get_referral"><div id="msla-node-Get_referral">Get referral</div></div></div>';
  return { window, doc, card: doc.getElementById('msla-node-Get_referral')! };
}

afterEach(() => vi.restoreAllMocks());

describe('hint layer: hints beside canvas cards', () => {
  it('the designer reader asks for its step cards to be shown beside, and nothing else', () => {
    const fx = loadFixture('power-automate', 'designer-v1');
    const reading = readPowerAutomate(fx.doc, new URL(fx.meta.url))!;
    expect(reading.beside).toEqual(['step:Get_referral']);
    expect(Object.keys(reading.anchors)).toEqual(expect.arrayContaining(['step:Get_referral', 'flowName']));
    const run = loadFixture('power-automate', 'run-details');
    const runReading = readPowerAutomate(run.doc, new URL(run.meta.url))!;
    expect(runReading.beside!.length).toBeGreaterThan(0);
    expect(runReading.beside!.every((k) => k.startsWith('error:') && runReading.anchors[k]!.closest('.react-flow__node'))).toBe(true);
  });

  it('without popovers, or in an app whose script does not place hints beside (all but Power Automate), the hint goes inside the card, as for any anchor', () => {
    for (const withBeside of [true, false]) {
      const { doc, card } = page();
      const layer = new HintLayer(doc, translator('en'), withBeside ? new Beside(doc) : undefined);
      layer.update([finding], { 'step:Get_referral': card }, 'k', ['step:Get_referral']);
      const host = doc.querySelector('cosell-hint')!;
      expect(host.parentElement).toBe(card);
      expect(host.hasAttribute('popover')).toBe(false);
      expect(host.getAttribute('data-field')).toBe('step:Get_referral');
      expect(host.shadowRoot!.querySelector('[data-rule="flow.connection-missing"]')).not.toBeNull();
      expect(host.shadowRoot!.querySelectorAll('style')).toHaveLength(1);
    }
  });

  it('a browser that shows popovers but ignores their anchor (before Chromium 133) gets the hint inside the card, not a popover in the middle of the screen', () => {
    const { window, doc, card } = page();
    const proto = (window as unknown as { HTMLElement: typeof HTMLElement }).HTMLElement.prototype;
    const open = new WeakSet<Element>();
    const show = vi.fn(function (this: HTMLElement) {
      open.add(this); // takes no options, so never reads `source`
    });
    const hide = vi.fn(function (this: HTMLElement) {
      open.delete(this);
    });
    Object.assign(proto, { showPopover: show, hidePopover: hide });
    const matches = proto.matches;
    vi.spyOn(proto, 'matches').mockImplementation(function (this: HTMLElement, selector: string) {
      return selector === ':popover-open' ? open.has(this) : matches.call(this, selector);
    });
    vi.spyOn(window.CSS, 'supports').mockReturnValue(true);
    const layer = new HintLayer(doc, translator('en'), new Beside(doc));
    layer.update([finding], { 'step:Get_referral': card }, 'k', ['step:Get_referral']);
    const host = doc.querySelector('cosell-hint') as HTMLElement;
    expect(show).toHaveBeenCalledTimes(1);
    expect(hide).toHaveBeenCalledTimes(1);
    expect(open.has(host)).toBe(false);
    expect(host.hasAttribute('popover')).toBe(false);
    expect(host.parentElement).toBe(card);
    // Later passes do not try again.
    layer.update([finding], { 'step:Get_referral': card }, 'k', ['step:Get_referral']);
    expect(show).toHaveBeenCalledTimes(1);
  });

  it('a click in a hint reaches neither the card nor the page; a click elsewhere in the card does', () => {
    const { doc, card } = page();
    const layer = new HintLayer(doc, translator('en'));
    layer.update([{ ...finding, fixSteps: ['flow_connection_missing_fix1'] }], { 'step:Get_referral': card }, 'k', ['step:Get_referral']);
    const seen: string[] = [];
    for (const type of ['pointerdown', 'mousedown', 'click', 'dblclick', 'wheel']) card.addEventListener(type, () => seen.push(type));
    const summary = doc.querySelector('cosell-hint')!.shadowRoot!.querySelector('summary')!;
    for (const type of ['pointerdown', 'mousedown', 'click', 'dblclick', 'wheel'])
      summary.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).Event(type, { bubbles: true, composed: true }));
    expect(seen).toEqual([]);
    card.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).Event('click', { bubbles: true }));
    expect(seen).toEqual(['click']);
  });

  it("a hint beside a card lives in the card's landmark, never in a card or control, else in the body", () => {
    const window = new Window({ url: 'https://make.powerautomate.com/' });
    const doc = window.document as unknown as Document;
    const card = (html: string) => {
      const parsed = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
      doc.body.replaceChildren(...[...parsed.body.childNodes].map((n) => doc.importNode(n, true)));
      return doc.getElementById('card')!;
    };
    const node = '<div class="react-flow__node" data-id="A"><div id="card">A</div></div>';
    expect(homeOf(card(`<header></header><main id="home"><div class="react-flow__nodes">${node}</div></main>`)).id).toBe('home');
    expect(homeOf(card(`<div role="main" id="home"><section aria-label="Canvas" id="inner"><div>${node}</div></section></div>`)).id).toBe(
      'inner',
    );
    // A landmark inside the card or a control does not count; nor does an unnamed section.
    expect(
      homeOf(
        card(
          `<main id="home"><div class="react-flow__node" data-id="A"><section aria-label="Card"><div id="card">A</div></section></div></main>`,
        ),
      ).id,
    ).toBe('home');
    expect(homeOf(card(`<main id="home"><div role="button"><nav><div id="card">A</div></nav></div></main>`)).id).toBe('home');
    expect(homeOf(card(`<section><div>${node}</div></section>`))).toBe(doc.body);
    // The card itself being a landmark: its hint goes around it, not inside.
    expect(homeOf(card('<main id="home"><div id="card" role="region" aria-label="A">A</div></main>')).id).toBe('home');
  });
});

describe('hint layer: one compact hint per place', () => {
  const f = (rule: string, field: string, severity: Finding['severity'], extra: Partial<Finding> = {}): Finding => ({
    rule,
    severity,
    field,
    messageKey: 'crm_close_date_missing_msg',
    params: {},
    fixSteps: ['crm_close_date_missing_fix1'],
    source: 's',
    ...extra,
  });
  const setup = (html: string) => {
    const window = new Window({ url: 'https://contoso.crm.dynamics.com/' });
    const doc = window.document as unknown as Document;
    const parsed = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    doc.body.replaceChildren(...[...parsed.body.childNodes].map((n) => doc.importNode(n, true)));
    return { doc, layer: new HintLayer(doc, translator('en')) };
  };

  it('merges the findings on one anchor into one host ("2 problems here"), each keeping its data-rule and data-severity', async () => {
    const { doc, layer } = setup('<div id="a"><label>Est. close date</label><input></div>');
    const a = doc.getElementById('a')!;
    layer.update(
      [f('crm.close-date-missing', 'closeDate', 'error'), f('crm.close-date-past', 'closeDateAgain', 'warning')],
      { closeDate: a, closeDateAgain: a },
      'k',
      [],
      { closeDate: 'Est. close date' },
    );
    expect(doc.querySelectorAll('cosell-hint')).toHaveLength(1);
    const root = doc.querySelector('cosell-hint')!.shadowRoot!;
    expect([...root.querySelectorAll('.item')].map((e) => [e.getAttribute('data-rule'), e.getAttribute('data-severity')])).toEqual([
      ['crm.close-date-missing', 'error'],
      ['crm.close-date-past', 'warning'],
    ]);
    expect(root.querySelector('.line')!.textContent).toMatch(/^2 problems here: "Est\. close date" is empty/);
    // Collapsed: the line alone, the summary of a disclosure that opens the hint itself.
    expect(root.querySelector('details:not([open]) > summary .line')).not.toBeNull();
    expect(root.querySelector('details > .more .item')).not.toBeNull();
    await Promise.resolve();
  });

  it('says a finding another explains once, under its cause, and not at its own field', () => {
    const { doc, layer } = setup('<div id="s">Solutions</div><div id="n">Name ✘</div>');
    const cause = f('crm.solution-missing', 'solutions', 'error', { messageKey: 'crm_solution_missing_msg' });
    const mark = f('crm.sync-failed-mark', 'name', 'error', { messageKey: 'crm_sync_failed_mark_msg', cause: 'crm.solution-missing' });
    layer.update([cause, mark], { solutions: doc.getElementById('s')!, name: doc.getElementById('n')! }, 'k');
    expect(doc.querySelectorAll('cosell-hint')).toHaveLength(1);
    const root = doc.querySelector('#s cosell-hint')!.shadowRoot!;
    expect(root.querySelector('.explains [data-rule="crm.sync-failed-mark"]')).not.toBeNull();
  });

  it('never puts a hint inside a label, link, button or summary: after it; and a click in it has no default action', () => {
    for (const wrap of ['label', 'a href="#x"', 'button type="button"', 'summary']) {
      const tag = wrap.split(' ')[0]!;
      const { doc, layer } = setup(`<details open><${wrap} id="w"><span id="a">Field</span></${tag}></details>`);
      layer.update([f('crm.close-date-missing', 'closeDate', 'error')], { closeDate: doc.getElementById('a')! }, 'k');
      const host = doc.querySelector('cosell-hint')!;
      expect(host.closest(tag), tag).toBeNull();
      expect(host.previousElementSibling?.id).toBe('w');
      const click = () =>
        new (doc.defaultView as unknown as typeof globalThis).MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
      const onText = click();
      host.shadowRoot!.querySelector('.msg')!.dispatchEvent(onText);
      expect(onText.defaultPrevented).toBe(true);
      // Its own disclosure still opens.
      const onSummary = click();
      host.shadowRoot!.querySelector('summary')!.dispatchEvent(onSummary);
      expect(onSummary.defaultPrevented).toBe(false);
    }
  });

  it('in a table, goes after the table rather than into a row as a cell of its own', () => {
    const { doc, layer } = setup('<section><table id="t"><tbody><tr id="r"><td>Aiko</td><td></td></tr></tbody></table></section>');
    layer.update([f('pc.team-incomplete', 'team:0', 'error')], { 'team:0': doc.getElementById('r')! }, 'k');
    const host = doc.querySelector('cosell-hint')!;
    expect(host.closest('table')).toBeNull();
    expect(host.previousElementSibling?.id).toBe('t');
  });

  it('shows a normal state only in the popup, and what matters while editing only while the field has focus', () => {
    const { doc, layer } = setup('<div id="v"><input id="i"></div>');
    const v = doc.getElementById('v')!;
    const popupOnly = f('crm.sync-disabled', 'sync', 'info', { display: 'popup' });
    const editing = f('crm.visibility-irreversible', 'v', 'info', { display: 'editing' });
    layer.update([popupOnly, editing], { sync: v, v }, 'k');
    expect(doc.querySelectorAll('cosell-hint')).toHaveLength(0);
    (doc.getElementById('i') as HTMLInputElement).focus();
    layer.update([popupOnly, editing], { sync: v, v }, 'k');
    expect(doc.querySelector('cosell-hint')!.shadowRoot!.querySelector('[data-rule]')!.getAttribute('data-rule')).toBe(
      'crm.visibility-irreversible',
    );
  });
});

describe('layers: who imports whom', () => {
  const files = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  /** Every module a file imports (static, dynamic, type-only), as a path from the repo root. */
  const importsOf = (file: string): string[] =>
    [...readFileSync(join(ROOT, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].flatMap(([, spec]) => {
      if (spec!.startsWith('@/')) return [spec!.slice(2)];
      if (spec!.startsWith('.')) return [relative(ROOT, resolve(ROOT, dirname(file), spec!))];
      return [];
    });
  const offences = (dirs: string[], forbidden: string[]) =>
    dirs.flatMap(files).flatMap((file) =>
      importsOf(file)
        .filter((target) => forbidden.some((f) => target === f || target.startsWith(`${f}/`)))
        .map((target) => `${file} → ${target}`),
    );

  it('finds the imports it checks (static, dynamic and from @/)', () => {
    expect(importsOf('lib/content/runner.ts')).toContain('lib/content/pass');
    expect(importsOf('entrypoints/popup/main.tsx')).toContain('lib/model/state');
  });

  it('the popup imports no background module: what both read is in lib/model (storage formats, accessors)', () => {
    expect(offences(['lib/ui/popup', 'entrypoints/popup'], ['lib/background'])).toEqual([]);
  });

  it('only the background imports the Public Suffix List: the popup asks it (public-suffix-message.ts)', () => {
    const importers = [...files('lib'), ...files('entrypoints')].filter((file) => importsOf(file).includes('lib/knowledge/public-suffix'));
    expect(importers).toEqual(['entrypoints/background.ts']);
  });

  it('the UI imports no reader helper: DOM helpers both need are in lib/dom.ts, label data in lib/knowledge', () => {
    expect(offences(['lib/ui'], ['lib/readers'])).toEqual([]);
  });

  it('the model imports only itself and the message keys: no knowledge, rules, readers, UI or pipeline', () => {
    expect(
      offences(['lib/model'], ['lib/knowledge', 'lib/rules', 'lib/readers', 'lib/ui', 'lib/content', 'lib/background', 'entrypoints']),
    ).toEqual([]);
  });

  it('rules and knowledge import no reader, UI or pipeline module', () => {
    expect(offences(['lib/rules', 'lib/knowledge'], ['lib/readers', 'lib/ui', 'lib/content', 'lib/background', 'entrypoints'])).toEqual([]);
  });
});
