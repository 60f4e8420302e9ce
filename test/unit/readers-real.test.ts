/** Reader vocabulary and anchors taken from the real apps' sources (docs/real-apps.md). */
import { describe, expect, it } from 'vitest';
import { readDesigner } from '@/lib/readers/power-automate/designer';
import { readErrorBanners } from '@/lib/readers/power-automate/errors';
import { readRunOnlyUsers } from '@/lib/readers/power-automate/panels';
import { readFlowRun } from '@/lib/readers/power-automate/runs';

const page = (body: string) => new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
/** A LogicAppsUX v1 card as its sources render it: React Flow node, `msla-node-` card, footer badges. */
const card = (id: string, inner: string) =>
  `<div class="react-flow__nodes"><div class="react-flow__node" data-id="${id}" data-testid="rf__node-${id}"><div id="msla-node-${id}" class="msla-panel-card-container" data-automation-id="card-${id}"><div class="panel-msla-title">${id.replace(/_/g, ' ')}</div>${inner}</div></div></div>`;
const steps = (html: string) => readDesigner(page(html))?.observation.steps ?? [];

describe('designer, with LogicAppsUX strings and markup', () => {
  it.each([
    ['ja', '接続が無効です。完全な詳細を読み込むには、接続を完了または更新してください。'],
    ['fr', 'Connexion non valide. Pour charger les détails complets, terminez ou mettez à jour la connexion.'],
  ])('reads the real %s connection error text as a connection problem', (_l, text) => {
    expect(
      steps(card('Get_deal', `<div class="msla-panel-card-error"><div class="msla-panel-card-error-text">${text}</div></div>`))[0]
        ?.connectionProblem,
    ).toBe(true);
  });

  it.each(['接続が必要', 'Connexion obligatoire', 'Verbindung erforderlich', ''])(
    'reads the inactive footer badge (label "%s") as a connection problem',
    (label) => {
      const badge = `<div class="msla-card-v2-footer"><div class="msla-badges"><svg class="panel-card-v2-badge inactive" ${label ? `aria-label="${label}"` : ''}></svg></div></div>`;
      const s = steps(card('Create_record', badge));
      expect(s).toHaveLength(1);
      expect(s[0]?.connectionProblem).toBe(true);
    },
  );

  it('does not read an active badge as a problem', () => {
    expect(
      steps(
        card(
          'Create_record',
          '<div class="msla-card-v2-footer"><div class="msla-badges"><svg class="panel-card-v2-badge active" aria-label="Connected"></svg></div></div>',
        ),
      ),
    ).toEqual([]);
  });

  it.each(['Error handling', 'エラー処理', 'Erreurs et reprises'])('does not read a scope titled "%s" as an error', (title) => {
    expect(steps(card('Scope_1', `<div class="msla-content-fit" aria-label="${title}"></div>`))).toEqual([]);
  });

  it.each(['Errors', 'Errors: 2', 'エラー: 1', 'Erreurs : 3'])('reads the v2 error badge "%s"', (label) => {
    expect(steps(card('Step_2', `<img alt="x" aria-label="${label}">`))).toHaveLength(1);
  });
});

describe('run details', () => {
  it('says unknown, not succeeded, when no failure is shown (off-screen steps are not in the DOM)', () => {
    const pill = '<div role="status" aria-label="0.2 s. Succeeded"></div>';
    expect(readFlowRun(page(card('Get_deal', pill)))?.observation.status).toBe('unknown');
  });
});

describe('banners', () => {
  it('reads a Fluent v8 warning bar (role=status) and a v9 bar (role=group)', () => {
    const doc = page(
      '<div class="ms-MessageBar ms-MessageBar--warning"><div class="ms-MessageBar-text" role="status">Flow suspended: "code": "InvalidTemplate"</div></div>' +
        '<div class="fui-MessageBar" role="group" aria-labelledby="t"><div id="t" class="fui-MessageBarTitle">Error</div><div class="fui-MessageBarBody">"code": "WorkflowTriggerIsNotEnabled"</div></div>',
    );
    expect(readErrorBanners(doc)?.observation.messages.map((m) => m.code)).toEqual(['InvalidTemplate', 'WorkflowTriggerIsNotEnabled']);
  });

  it('ignores status pills on cards', () => {
    expect(readErrorBanners(page(card('A', '<div role="status" aria-label="1 s. Failed">Failed</div>')))).toBeNull();
  });
});

describe('run-only users in Japanese', () => {
  it('reads 実行専用ユーザー panels and choices', () => {
    const doc = page(
      '<div role="dialog" aria-label="実行専用ユーザー"><h2>実行専用ユーザー</h2><label id="c1">Dynamics 365</label><div role="combobox" aria-labelledby="c1">実行専用ユーザーによって提供される</div></div>',
    );
    expect(readRunOnlyUsers(doc)?.observation.connections).toEqual([{ connector: 'Dynamics 365', mode: 'run-only-user' }]);
  });
});

describe('Dynamics current controls', () => {
  it('reads `---` in a text field as empty and counts AG Grid rows once', async () => {
    const { readText, subgridByLabel } = await import('@/lib/readers/dynamics/controls');
    const field = page(
      '<div data-id="estimatedvalue-FieldSectionItemContainer"><input data-id="estimatedvalue.fieldControl-currency-text-input" value="---"></div>',
    ).body.firstElementChild!;
    expect(readText(field)).toBeNull();
    const rows = (n: number) => Array.from({ length: n }, () => '<div role="row"><div role="gridcell">x</div></div>').join('');
    const grid = page(
      `<div data-id="solutions-subgrid"><h2>Microsoft Partner Center Solutions</h2><div role="grid"><div class="ag-header"><div role="row"><div role="columnheader">Name</div></div></div><div class="ag-pinned-left-cols-container">${rows(2)}</div><div class="ag-center-cols-container">${rows(2)}</div></div></div>`,
    );
    expect(subgridByLabel(grid.body, 'solutions')?.count).toBe(2);
    // Still loading (no header row yet), or fewer rows than the grid's own count: not a count.
    grid.querySelector('.ag-header')!.remove();
    expect(subgridByLabel(grid.body, 'solutions')).toBeUndefined();
  });
});
