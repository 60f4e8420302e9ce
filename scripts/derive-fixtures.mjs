/**
 * Writes the fixtures derived from the real apps' sources to test/fixtures/pages/real/<app>/, in
 * en, ja and fr. Designer markup follows LogicAppsUX's component snapshots and sources, with the
 * strings of its `Localize/lang/strings.{ja,fr}.json`; lists, banners, the Run flow form and the
 * Dynamics switch are rendered by the Fluent UI packages themselves (react-dom/server).
 * Sources and commits: docs/real-apps.md. Run: `node scripts/derive-fixtures.mjs`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// The CommonJS builds: the ES ones import directories, which Node's loader does not resolve.
const { createElement: h } = require('react');
const { renderToStaticMarkup } = require('react-dom/server');
const v8 = require('@fluentui/react');
const v9 = require('@fluentui/react-components');

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// DERIVE_OUT: elsewhere, for the test that checks the committed pages are what the script writes.
const OUT = process.env.DERIVE_OUT ?? join(ROOT, 'test/fixtures/pages/real');
const LANGS = ['en', 'ja', 'fr'];

/** LogicAppsUX strings by message id (Azure/LogicAppsUX@5c7453c9 Localize/lang/strings{,.ja,.fr}.json). */
const LA = {
  '4bT5AR': {
    en: 'Invalid connection. To load complete details, complete or update the connection.',
    ja: '接続が無効です。完全な詳細を読み込むには、接続を完了または更新してください。',
    fr: 'Connexion non valide. Pour charger les détails complets, terminez ou mettez à jour la connexion.',
  },
  CG772M: { en: 'Connection required', ja: '接続が必要', fr: 'Connexion obligatoire' },
  M0bbZk: { en: 'Flow Checker', ja: 'フロー チェッカー', fr: 'Vérificateur de flux' },
  '5WTRY8': { en: 'Errors', ja: 'エラー', fr: 'Erreurs' },
  hLOIwp: { en: 'Warnings', ja: '警告', fr: 'Avertissements' },
  ui3KuP: { en: 'Operation errors', ja: '操作エラー', fr: 'Erreurs d’opération' },
  PsmHyH: { en: 'Connection errors', ja: '接続エラー', fr: 'Erreurs de connexion' },
  bwlAWn: { en: 'Open operation', ja: '操作を開きます', fr: 'Ouvrir une opération' },
  WbIGAh: { en: 'Succeeded', ja: '成功', fr: 'Réussite' },
  '+FcXe9': { en: 'Faulted', ja: 'エラーが発生しました', fr: 'En échec' },
  nHIeXp: { en: 'Skipped', ja: 'スキップされました', fr: 'Ignoré' },
};
const t = (id, lang) => LA[id][lang];
/** v2 card strings (`gBKfs/` "Errors") have no ja/fr entry at that commit: the app shows the default. */
const V2_ERRORS = 'Errors';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A connector icon, inline: the fixture pages load nothing but their style sheet. */
const ICON =
  'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 16 16%22%3E%3Crect width=%2216%22 height=%2216%22 fill=%22%23474747%22/%3E%3C/svg%3E';
const under = (title) => title.replace(/\s/g, '_');

function page({ lang, title, css, body }) {
  return `<!doctype html>
<html lang="${lang}">
<head>
 <meta charset="utf-8">
 <title>${esc(title)}</title>
 <link rel="stylesheet" href="/__fixtures/${css}/_page.css">
</head>
<body>
${body}
</body>
</html>
`;
}

function write(app, name, html, meta) {
  const dir = join(OUT, app);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.html`), html);
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(meta, null, 2)}\n`);
}

const ENV = 'Default-72f988bf-86f1-41af-91ab-2d7cd011db47';
const PA = 'https://make.powerautomate.com';
const flowUrl = (n, lang, rest = '') =>
  `${PA}/environments/${ENV}/flows/0000${n}${{ en: '1', ja: '2', fr: '3' }[lang]}00-7e57-4d3e-8f4a-5b6c7d8e9f0a${rest}`;
const FLOW_NAME = { en: 'Flow name', ja: 'フロー名', fr: 'Nom du flux' };

// ---- LogicAppsUX cards (libs/designer-ui/src/lib/card) ----

/** A React Flow node around a card (xyflow NodeWrapper: class, data-id, data-testid). */
const node = (id, y, inner) =>
  `<div class="react-flow__node react-flow__node-OPERATION_NODE nopan selectable" data-id="${esc(id)}" data-testid="rf__node-${esc(id)}" role="group" style="transform: translate(0px, ${y}px)">${inner}</div>`;

/** v1 card as card.spec.tsx.snap renders it, with errorbanner and cardfooter snapshots inside. */
function v1Card(title, { error, footer = '', pill = '' } = {}) {
  const banner = error
    ? `<div class="ms-TooltipHost msla-panel-card-error-wrapper" role="none"><div class="msla-panel-card-error ${error.level ?? 'severeWarning'}"><i aria-hidden="true" class="msla-panel-card-error-icon" data-icon-name="Warning"></i><div class="msla-panel-card-error-text">${esc(error.text)}</div></div><div hidden id="tooltip-${under(title)}">${esc(error.text)}</div></div>`
    : '';
  return `<div aria-label="${esc(title)} operation" class="msla-panel-card-container" data-automation-id="card-${esc(under(title))}" data-testid="card-${esc(title)}" id="msla-node-${esc(under(title))}" role="button" tabindex="0" style="border-left: 4px solid #474747; border-radius: 2px">${pill}<div class="msla-selection-box"></div><div class="panel-card-main"><div class="panel-card-header" role="button"><div class="panel-card-content-container"><div class="panel-card-content-gripper-section"></div><div class="panel-card-content-icon-section"><img class="panel-card-icon" src="${ICON}" alt=""></div><div class="panel-card-top-content"><div class="panel-msla-title">${esc(title)}</div></div></div>${banner}</div>${footer}</div></div>`;
}
/** cardfooter.spec.tsx.snap: "should render with an inactive connection icon". */
const inactiveBadge = (lang) =>
  `<div class="msla-card-v2-footer"><div class="msla-badges"><span aria-label="${esc(t('CG772M', lang))}" class="panel-card-v2-badge inactive" data-icon-name="LinkMultipleRegular" tabindex="0"></span></div></div>`;
/** cardfooter.spec.tsx.snap: "should render with a connection icon" (the wrapper's label names the account). */
const activeBadge = (title) =>
  `<div class="msla-card-v2-footer"><div class="msla-badges"><div aria-label="${esc(title)} Connection name: someone@contoso.com" style="display: flex"><span class="panel-card-v2-badge active" data-icon-name="LinkMultipleRegular" role="button"></span></div></div></div>`;
/** scopeCard/index.tsx: the scope's title labels `.msla-content-fit`. */
const scopeCard = (id, title) =>
  `<div class="msla-content-fit" style="cursor: default"><div class="msla-content-fit" aria-label="${esc(title)}"><div data-automation-id="card-${esc(under(title))}" class="msla-scope-v2--header msla-scope-card-wrapper"><div class="msla-scope-card-content"><div class="msla-selection-box white-outline"></div><button id="msla-node-${esc(id)}" name="${esc(title)}" class="msla-scope-card-title-button" aria-label="${esc(title)} operation"><div class="msla-scope-card-title-box"><div class="gripper-section"></div><div class="panel-card-content-icon-section"></div><div class="msla-scope-title">${esc(title)}</div></div></button></div></div></div></div>`;
/** collapsedCard.spec.tsx.snap: a collapsed scope shows one card; its actions are not rendered. */
const collapsedCard = (id, n) =>
  `<div aria-label="Collapsed card with ${n} actions" class="msla-collapsed-card" data-automation-id="msla-collapsed-card-${esc(id)}" id="msla-collapsed-card-${esc(id)}"><span class="fui-Text" data-automation-id="collapsed-text-${esc(id)}">+ ${n}</span></div>`;
/** monitoring/statuspill/index.tsx: `aria-label` is the status alone when the pill has no times. */
const pill = (title, status) =>
  `<div id="${esc(title)}-status" data-automation-id="msla-pill-${esc(under(title))}-status" aria-label="${esc(status)}" role="status" class="fui-pill"><div><img alt="" aria-hidden="true" src="${ICON}"></div></div>`;

/** v2 action card (designer-v2 actionCard.tsx, cardErrorBadge.tsx): hashed classes, the badge's image or count. */
function v2Card(title, errors = 0) {
  const badge =
    errors === 0
      ? ''
      : errors === 1
        ? `<div class="r1badge r1failure"><img alt="${V2_ERRORS}" src="${ICON}"></div>`
        : `<div class="r1badge r1failure"><span class="fui-Text r1text" aria-label="${V2_ERRORS}: ${errors}">${errors}</span></div>`;
  return `<div role="button" id="msla-node-${esc(under(title))}" aria-label="${esc(title)} operation" class="r1card ___a1b2c3" data-testid="card-${esc(title)}" data-automation-id="card-${esc(under(title))}" tabindex="0"><div class="r1icon"><img src="${ICON}" alt=""></div><span class="fui-Text r1title">${esc(title)}</span>${badge}</div>`;
}

/**
 * The errors panel (Flow Checker): designer ui/panel/errorsPanel with designer-ui's NodeErrorCard.
 * It lists every step's errors, rendered or not.
 */
function errorsPanel(lang, cards) {
  const body = cards
    .map(
      ({ title, messages }) =>
        `<div class="msla-error-card" tabindex="0"><div class="msla-error-card-header"><img class="panel-card-icon" src="${ICON}" alt=""><span class="msla-error-card-title">${esc(title)}</span><span class="msla-error-card-button-hint">${esc(t('bwlAWn', lang))}<i data-icon-name="ChevronRight"></i></span></div><div class="msla-error-card-body"><div class="msla-error-card-subsection"><span class="msla-error-card-subtitle">${esc(t('PsmHyH', lang))}</span>${messages.map((m) => `<div><div class="msla-error-dot"></div><span class="fui-Text">${esc(m)}</span></div>`).join('')}</div></div></div>`,
    )
    .join('');
  const n = cards.reduce((a, c) => a + c.messages.length, 0);
  return `<div class="msla-panel-container" role="complementary"><div class="msla-app-action-header"><span class="fui-Text">${esc(t('M0bbZk', lang))}</span><button aria-label="Close panel" class="fui-Button"></button></div><div role="tablist" class="fui-TabList"><button role="tab" aria-selected="true" class="fui-Tab">${esc(t('5WTRY8', lang))} (${n})</button><button role="tab" aria-selected="false" class="fui-Tab">${esc(t('hLOIwp', lang))} (0)</button></div><div class="msla-error-panel-body"><div class="msla-error-category-container"><button class="fui-Button msla-error-category-header" aria-expanded="true"><span class="msla-error-number-dot">${n}</span><span class="msla-error-category-title">${esc(t('ui3KuP', lang))}</span></button><div class="msla-error-category-body">${body}</div></div></div></div>`;
}

const canvas = (nodes) =>
  `<div class="msla-designer-canvas msla-panel-mode" style="height: 520px"><div class="react-flow"><div class="react-flow__renderer"><div class="react-flow__viewport"><div class="react-flow__nodes">${nodes.join('\n')}</div></div></div></div></div>`;
const header = (lang, name) =>
  `<header role="banner" class="app-bar">Power Automate</header>\n <div class="designer-header"><input aria-label="${esc(FLOW_NAME[lang])}" value="${esc(name)}"></div>`;

for (const lang of LANGS) {
  const name = 'Contoso referral sync';
  // v1 designer: a card with an invalid connection, a healthy one, a scope titled "Error handling",
  // a collapsed scope, and a step off screen (not rendered) that only the errors panel lists.
  const scopeTitle = { en: 'Error handling', ja: 'エラー処理', fr: 'Gestion des erreurs' }[lang];
  const v1 = canvas([
    node('When_a_HTTP_request_is_received', 0, v1Card('When a HTTP request is received')),
    node('Get_referral', 110, v1Card('Get referral', { error: { text: t('4bT5AR', lang) }, footer: inactiveBadge(lang) })),
    node('Update_record', 220, v1Card('Update record', { footer: activeBadge('Update record') })),
    node('Error_handling', 330, scopeCard('Error_handling', scopeTitle)),
    node('Apply_to_each-#scope', 440, collapsedCard('Apply_to_each', 4)),
  ]);
  const panel = errorsPanel(lang, [
    { title: 'Get referral', messages: [t('4bT5AR', lang)] },
    { title: 'Create opportunity', messages: [t('4bT5AR', lang)] },
  ]);
  write(
    'power-automate',
    `designer-v1-${lang}`,
    page({
      lang,
      title: `${name} | Power Automate`,
      css: 'power-automate',
      body: ` ${header(lang, name)}\n <main role="main">${v1}\n${panel}</main>`,
    }),
    {
      url: flowUrl(1, lang, '?v3=true'),
      title: `LogicAppsUX v1 cards (${lang}): invalid connection and inactive badge; scope "Error handling"; collapsed scope; an off-screen step in the errors panel`,
      observations: [
        {
          kind: 'flowDesigner',
          generation: 'v1',
          steps: [
            {
              id: 'Get_referral',
              title: 'Get referral',
              connectionProblem: true,
              errorText: `${t('4bT5AR', lang)} · ${t('CG772M', lang)}`,
            },
            { id: 'Create_opportunity', title: 'Create opportunity', connectionProblem: true, errorText: t('4bT5AR', lang) },
          ],
          flowName: name,
        },
      ],
      rules: ['flow.connection-missing'],
    },
  );

  // v2 designer: error badges (one image, one count) whose messages are only in a tooltip and the errors panel.
  const v2 = canvas([
    node('When_a_HTTP_request_is_received', 0, v2Card('When a HTTP request is received')),
    node('Get_referral', 110, v2Card('Get referral', 1)),
    node('Create_opportunity', 220, v2Card('Create opportunity', 2)),
  ]);
  write(
    'power-automate',
    `designer-v2-${lang}`,
    page({
      lang,
      title: `${name} | Power Automate`,
      css: 'power-automate',
      body: ` ${header(lang, name)}\n <main role="main">${v2}\n${errorsPanel(lang, [{ title: 'Get referral', messages: [t('4bT5AR', lang)] }])}</main>`,
    }),
    {
      url: flowUrl(2, lang, '?v3=true'),
      title: `LogicAppsUX v2 cards (${lang}): error badges, the connection problem told by the errors panel only`,
      observations: [
        {
          kind: 'flowDesigner',
          generation: 'v2',
          steps: [
            { id: 'Get_referral', title: 'Get referral', connectionProblem: true, errorText: `${V2_ERRORS} · ${t('4bT5AR', lang)}` },
            { id: 'Create_opportunity', title: 'Create opportunity', connectionProblem: false, errorText: `${V2_ERRORS}: 2` },
          ],
          flowName: name,
        },
      ],
      rules: ['flow.connection-missing'],
    },
  );

  // Run details (v1 monitoring): status pills; one step faulted with its error on the card.
  const run = canvas([
    node(
      'When_a_HTTP_request_is_received',
      0,
      v1Card('When a HTTP request is received', { pill: pill('When a HTTP request is received', t('WbIGAh', lang)) }),
    ),
    node(
      'Create_or_update_solution',
      110,
      v1Card('Create or update solution', {
        pill: pill('Create or update solution', t('+FcXe9', lang)),
        error: { level: 'error', text: 'BadRequest. Solution ID is required.' },
      }),
    ),
    node('Send_notification', 220, v1Card('Send notification', { pill: pill('Send notification', t('nHIeXp', lang)) })),
  ]);
  write(
    'power-automate',
    `run-details-${lang}`,
    page({
      lang,
      title: `Run details | Power Automate`,
      css: 'power-automate',
      body: ` <header role="banner" class="app-bar">Power Automate</header>\n <main role="main">${run}</main>`,
    }),
    {
      url: flowUrl(3, lang, '/runs/08584729183311111111111111CU11'),
      title: `Run details (${lang}): status pills in the UI language, a faulted step`,
      observations: [
        {
          kind: 'flowRun',
          errors: [{ action: 'Create_or_update_solution', code: 'BadRequest', message: 'Solution ID is required.' }],
          status: 'failed',
        },
      ],
      rules: ['error.solution-id-required'],
    },
  );
  // Every rendered step succeeded; the others are off screen: the run's outcome is not on the page.
  const ok = canvas([
    node(
      'When_a_HTTP_request_is_received',
      0,
      v1Card('When a HTTP request is received', { pill: pill('When a HTTP request is received', t('WbIGAh', lang)) }),
    ),
    node('Get_referral', 110, v1Card('Get referral', { pill: pill('Get referral', t('WbIGAh', lang)) })),
  ]);
  write(
    'power-automate',
    `run-details-partial-${lang}`,
    page({
      lang,
      title: `Run details | Power Automate`,
      css: 'power-automate',
      body: ` <header role="banner" class="app-bar">Power Automate</header>\n <main role="main">${ok}</main>`,
    }),
    {
      url: flowUrl(4, lang, '/runs/08584729183322222222222222CU22'),
      title: `Run details (${lang}): the rendered steps succeeded; the run's status stays unknown`,
      observations: [{ kind: 'flowRun', errors: [], status: 'unknown' }],
      rules: [],
    },
  );
}

// ---- Fluent UI, rendered by its own packages ----

const v8html = (el) => renderToStaticMarkup(el);
/**
 * A v8 DetailsList: its header and frame from DetailsList, its rows from DetailsRow. Rendered on a
 * server, List draws no page until it has measured the viewport; the rows go where it puts them.
 */
function detailsList(columns, items) {
  const list = v8html(h(v8.DetailsList, { items, columns, selectionMode: v8.SelectionMode.none, onShouldVirtualize: () => false }));
  const rows = items
    .map(
      (item, i) =>
        `<div class="ms-List-cell" data-list-index="${i}">${v8html(h(v8.DetailsRow, { item, itemIndex: i, columns, selectionMode: v8.SelectionMode.none }))}</div>`,
    )
    .join('');
  return list.replace(
    '<div role="presentation" class="ms-List-surface"></div>',
    `<div role="presentation" class="ms-List-surface"><div class="ms-List-page" role="presentation">${rows}</div></div>`,
  );
}
const link = (href, text) => h('a', { href, className: 'ms-Link' }, text);

const WORDS = {
  on: { en: 'On', ja: 'オン', fr: 'Activé' },
  off: { en: 'Off', ja: 'オフ', fr: 'Désactivé' },
  name: { en: 'Name', ja: '名前', fr: 'Nom' },
  status: { en: 'Status', ja: '状態', fr: 'Statut' },
  start: { en: 'Start', ja: '開始', fr: 'Début' },
  failed: { en: 'Failed', ja: '失敗', fr: 'Échec' },
  succeeded: { en: 'Succeeded', ja: '成功', fr: 'Réussi' },
  runFlow: { en: 'Run flow', ja: 'フローの実行', fr: 'Exécuter le flux' },
};
/** Flows of the Dynamics 365 solution (lib/knowledge/flows.ts), in the list's own order. */
const FLOWS = [
  ['Partner Center Webhook Registration (Insider Preview)', 'on'],
  ['[Customize] Create or Get Details from Dynamics 365 flow', 'on'],
  ['Partner Center to Dynamics 365 - Helper (Insider Preview)', 'off'],
  ['Partner Center Microsoft Co-sell Referral Updates to Dynamics 365 (Insider Preview)', 'off'],
  ['Partner Center to Dynamics 365 (Insider Preview)', 'on'],
];

for (const lang of LANGS) {
  const sol = `${PA}/environments/${ENV}/solutions/7f0c8d3e-2b1a-4c5d-9e8f-7a6b5c4d3e${{ en: '01', ja: '02', fr: '03' }[lang]}`;
  const flowId = (i) => `7e570000-0000-4000-8000-00000000000${i}`;
  const grid = detailsList(
    [
      { key: 'displayName', name: WORDS.name[lang], minWidth: 300, onRender: (it) => link(`/environments/${ENV}/flows/${it.id}`, it.name) },
      { key: 'statecode', name: WORDS.status[lang], minWidth: 80, onRender: (it) => WORDS[it.state][lang] },
    ],
    FLOWS.map(([name, state], i) => ({ key: String(i), id: flowId(i + 1), name, state })),
  );
  write(
    'power-automate',
    `solution-flows-fluent-${lang}`,
    page({
      lang,
      title: 'Partner Center Dynamics 365 connector | Power Automate',
      css: 'power-automate',
      body: ` <header role="banner" class="app-bar">Power Automate</header>\n <main role="main"><h1>Partner Center Dynamics 365 connector</h1>${grid}</main>`,
    }),
    {
      url: sol,
      title: `Solution cloud flows in a Fluent v8 DetailsList (${lang}): the Partner Center to Dynamics 365 flow on before its children`,
      observations: [
        {
          kind: 'solutionFlows',
          environment: ENV,
          solution: 'dynamics',
          flows: FLOWS.map(([name, state], i) => ({ name, state, flowId: flowId(i + 1) })),
        },
      ],
      rules: ['flow.activation-order', 'flow.child-flows-first'],
    },
  );

  // Run history: the status column's key is the app's own; its header names it.
  const runs = [
    ['08584700000000000000000000CU01', 'failed'],
    ['08584700000000000000000000CU02', 'succeeded'],
    ['08584700000000000000000000CU03', 'failed'],
  ];
  const history = detailsList(
    [
      {
        key: 'startTime',
        name: WORDS.start[lang],
        minWidth: 160,
        onRender: (it) => link(`/environments/${ENV}/flows/${flowId(5)}/runs/${it.id}`, 'Dec 1, 10:0' + it.key),
      },
      { key: 'runDuration', name: 'Duration', minWidth: 60, onRender: () => '00:00:02' },
      { key: 'runState', name: WORDS.status[lang], minWidth: 80, onRender: (it) => WORDS[it.status][lang] },
    ],
    runs.map(([id, status], i) => ({ key: String(i), id, status })),
  );
  // Banners: a v8 warning bar (role=status on its text) and a v9 bar (role=group), as the packages render them.
  const v8bar = v8html(
    h(v8.MessageBar, { messageBarType: v8.MessageBarType.warning }, 'Flow suspended: {"code": "WorkflowTriggerIsNotEnabled"}'),
  );
  const v9bar = renderToStaticMarkup(
    h(
      v9.MessageBar,
      { intent: 'error' },
      h(
        v9.MessageBarBody,
        null,
        h(v9.MessageBarTitle, null, 'Error'),
        ' The request failed with error: 0x80040216 An unexpected error occurred.',
      ),
    ),
  );
  // The Run flow panel of Webhook Registration, opened from the flow's details page (Fluent v9
  // fields, rendered as one tree so their generated ids are unique).
  const events = ['referral-created', 'referral-updated', 'related-referral-created', 'related-referral-updated'];
  const form = renderToStaticMarkup(
    h(
      'div',
      null,
      h(v9.Field, { label: 'Http Trigger Endpoint' }, h(v9.Input, { defaultValue: `${PA}/environments/${ENV}/flows/${flowId(5)}` })),
      h(
        'div',
        { className: 'fui-Field' },
        h('span', { id: `wh-events-${lang}` }, 'Events to Register'),
        h(
          'div',
          { role: 'group', 'aria-labelledby': `wh-events-${lang}` },
          events.map((e, i) => h(v9.Checkbox, { key: e, label: e, defaultChecked: i < 2 })),
        ),
      ),
      h(
        v9.Field,
        { label: 'Overwrite existing trigger endpoints if present?' },
        h(
          v9.Select,
          { defaultValue: 'No' },
          h('option', { value: '' }, ''),
          h('option', { value: 'Yes' }, 'Yes'),
          h('option', { value: 'No' }, 'No'),
        ),
      ),
    ),
  );
  const runPanel = `<div role="dialog" aria-label="${esc(WORDS.runFlow[lang])}" class="fui-DrawerBody"><h2>${esc(WORDS.runFlow[lang])}</h2>${form}<button type="button" class="fui-Button">${esc(WORDS.runFlow[lang])}</button></div>`;
  write(
    'power-automate',
    `flow-details-fluent-${lang}`,
    page({
      lang,
      title: 'Partner Center Webhook Registration (Insider Preview) | Power Automate',
      css: 'power-automate',
      body: ` <header role="banner" class="app-bar">Power Automate</header>\n <main role="main">${v8bar}${v9bar}<section role="region"><h2>28-day run history</h2>${history}</section>${runPanel}</main>`,
    }),
    {
      url: `${PA}/environments/${ENV}/flows/${flowId(5)}${{ en: '', ja: '0', fr: '00' }[lang]}/details`,
      title: `Flow details (${lang}): Fluent v8/v9 banners, a DetailsList run history, the Run flow panel of Webhook Registration`,
      observations: [
        { kind: 'runHistory', runs: runs.map(([runId, status]) => ({ status, runId })) },
        {
          kind: 'webhookRegistration',
          endpoint: `${PA}/environments/${ENV}/flows/${flowId(5)}`,
          events: ['referral-created', 'referral-updated'],
          overwrite: false,
        },
        {
          kind: 'errorMessages',
          messages: [
            { source: 'banner', code: 'WorkflowTriggerIsNotEnabled', text: 'Flow suspended: {"code": "WorkflowTriggerIsNotEnabled"}' },
            { source: 'banner', code: null, text: 'Error The request failed with error: 0x80040216 An unexpected error occurred.' },
          ],
        },
      ],
      rules: ['flow.failed-runs', 'flow.webhook-registration', 'error.xrm-0x80040216'],
    },
  );
}

// ---- Dynamics 365: current controls ----

const D365 =
  'https://contoso.crm.dynamics.com/main.aspx?appid=5a3b9c1e-2f4d-4e8a-9b7c-1d2e3f4a5b6c&pagetype=entityrecord&etn=opportunity&id=';
const DL = {
  topic: { en: 'Topic', ja: 'トピック', fr: 'Sujet' },
  revenue: { en: 'Est. Revenue', ja: '予想収益', fr: 'Revenu estimé' },
  close: { en: 'Est. Close Date', ja: '完了予定日', fr: 'Date de clôture prévue' },
  sync: { en: 'Sync with Partner Center', ja: 'パートナー センターと同期', fr: 'Synchroniser avec l’Espace partenaires' },
  help: { en: 'How can Microsoft help?', ja: 'Microsoft がどのように支援できるか', fr: 'Comment Microsoft peut-il vous aider ?' },
  solutions: {
    en: 'Microsoft Partner Center Solutions',
    ja: 'Microsoft パートナー センター ソリューション',
    fr: 'Solutions Microsoft Partner Center',
  },
  yes: { en: 'Yes', ja: 'はい', fr: 'Oui' },
  readOnly: {
    en: 'Read-only This record’s status: Won',
    ja: '読み取り専用 このレコードの状態: 受注',
    fr: 'Lecture seule Statut de cet enregistrement : gagné',
  },
};
/** One AG Grid row, rendered once per column block (pinned left, then centre), as AG Grid does. */
const agRow = (i, cells) => `<div role="row" row-index="${i}" aria-rowindex="${i + 2}" class="ag-row">${cells}</div>`;

for (const lang of LANGS) {
  for (const closed of [false, true]) {
    const id = `${closed ? 'C' : 'A'}1B2C3D4-5F60-4718-9A0B-C1D2E3F4A5${{ en: 'B1', ja: 'B2', fr: 'B3' }[lang]}`;
    const L = (k) => DL[k][lang];
    // Fluent v9 Switch (two options) inside its PCF container; no aria-checked, the input's checked state.
    const sw = renderToStaticMarkup(h(v9.Switch, { defaultChecked: true, label: L('yes'), disabled: closed }));
    const dateText = '03/04/2031'; // the user's personal format (day first); the UI language does not say which
    const ro = closed ? ' readonly aria-readonly="true"' : '';
    const body = `<div id="ApplicationShell"><div class="app-bar">Dynamics 365 · Sales Hub</div>
  ${closed ? `<div id="message-formReadOnlyNotification" role="alert" data-id="notificationWrapper">${esc(L('readOnly'))}</div>` : ''}
  <div data-id="editFormRoot">
   <div data-id="form-header"><h1 data-id="header_title" title="Fabrikam – Azure migration">Fabrikam – Azure migration</h1>
    <div data-id="header_estimatedvalue-FieldSectionItemContainer"><div title="$1,517,000.00" class="r1hdr">$1,517,…</div><label id="id-h-estimatedvalue-field-label">${esc(L('revenue'))}</label></div>
   </div>
   <section aria-label="Summary">
    <div data-id="name-FieldSectionItemContainer"><label id="id-1-name-field-label">${esc(L('topic'))}</label><input data-id="name.fieldControl-text-box-text" aria-label="${esc(L('topic'))}" value="Fabrikam – Azure migration"${ro}></div>
    <div data-id="estimatedclosedate-FieldSectionItemContainer"><label id="id-2-estimatedclosedate-field-label">${esc(L('close'))}</label><input data-id="estimatedclosedate.fieldControl-date-time-input" aria-label="${esc(L('close'))}" value="${dateText}"${ro}></div>
   </section>
   <section aria-label="Microsoft Partner Center">
    <div data-id="msp_syncwithpartnercenter-FieldSectionItemContainer"><label id="id-3-msp_syncwithpartnercenter-field-label">${esc(L('sync'))}</label><div data-id="msp_syncwithpartnercenter.fieldControl-pcf-container-id"><div id="msp_syncwithpartnercenter.fieldControl_container" class="pa-b r1toggle">${sw}</div></div></div>
    <div data-id="msp_howcanmicrosofthelp-FieldSectionItemContainer"><label id="id-4-msp_howcanmicrosofthelp-field-label">${esc(L('help'))}</label><div data-id="msp_howcanmicrosofthelp.fieldControl-option-set-container"><button type="button" role="combobox" data-id="msp_howcanmicrosofthelp.fieldControl-option-set-select" aria-expanded="false" title="---"${closed ? ' aria-disabled="true"' : ''}>---</button></div></div>
    <div data-id="MicrosoftPartnerCenterSolutions-subgrid" data-control-name="MicrosoftPartnerCenterSolutions"><h2>${esc(L('solutions'))}</h2>
     <div data-id="MicrosoftPartnerCenterSolutions-pcf_grid_control_container"><div role="grid" class="ag-root" aria-rowcount="2" aria-colcount="2">
      <div class="ag-header" role="presentation"><div role="row" aria-rowindex="1"><div role="columnheader">Name</div><div role="columnheader">Solution ID</div></div></div>
      <div class="ag-body" role="presentation"><div class="ag-pinned-left-cols-container" role="rowgroup">${agRow(0, '<div role="gridcell">Azure Migrate</div>')}</div><div class="ag-center-cols-container" role="rowgroup">${agRow(0, '<div role="gridcell">Azure Migrate</div><div role="gridcell">00000000-0000-0000-0000-000000000001</div>')}</div></div>
     </div></div>
    </div>
   </section>
  </div></div>`;
    write(
      'dynamics',
      `opportunity-current-${closed ? 'closed-' : ''}${lang}`,
      page({ lang, title: 'Fabrikam – Azure migration - Dynamics 365', css: 'dynamics', body }),
      {
        url: `${D365}%7B${id}%7D`,
        title: `Current Dynamics controls (${lang}${closed ? ', closed' : ''}): Fluent v9 switch in a PCF container, \`---\` option set, AG Grid subgrid, truncated header value, day-first date`,
        observations: [
          {
            kind: 'opportunity',
            app: 'dynamics',
            recordId: id.toLowerCase(),
            name: 'Fabrikam – Azure migration',
            ...(closed ? { state: 'won' } : { state: 'open' }),
            syncWithPartnerCenter: true,
            helpRequested: null,
            solutionsCount: 1,
          },
        ],
        rules: [],
      },
    );
  }
}

// ---- Salesforce: truncated highlights, a stage the org named, related lists in ja/fr ----

const SF = {
  amount: { en: 'Amount', ja: '金額', fr: 'Montant' },
  stage: { en: 'Stage', ja: 'フェーズ', fr: 'Étape' },
  orgStage: { en: 'Partner review', ja: 'パートナー確認', fr: 'Revue partenaire' },
  solutions: { en: 'Microsoft Solutions', ja: 'Microsoft ソリューション', fr: 'Solutions Microsoft' },
  sync: { en: 'Sync with Partner Center', ja: 'パートナー センターと同期', fr: 'Synchroniser avec l’Espace partenaires' },
};
for (const lang of LANGS) {
  const id = `006Dn00000ReAl${{ en: '1', ja: '2', fr: '3' }[lang]}AAA`;
  const L = (k) => SF[k][lang];
  const body = `<div class="oneContent"><one-record-home-flexipage2><records-record-home data-record-id="${id}">
  <records-lwc-highlights-panel><records-highlights2>
   <lightning-formatted-text slot="primaryField">Fabrikam – Azure migration</lightning-formatted-text>
   <records-highlights-details-item><p title="${esc(L('amount'))}" class="slds-text-title">${esc(L('amount'))}</p><p class="fieldComponent"><lightning-formatted-text>EUR 1,517,...</lightning-formatted-text></p></records-highlights-details-item>
   <records-highlights-details-item><p title="${esc(L('stage'))}" class="slds-text-title">${esc(L('stage'))}</p><p class="fieldComponent"><lightning-formatted-text>${esc(L('orgStage'))}</lightning-formatted-text></p></records-highlights-details-item>
  </records-highlights2></records-lwc-highlights-panel>
  <article aria-label="${esc(L('solutions'))}" class="slds-card"><h2><span title="${esc(L('solutions'))}">${esc(L('solutions'))}</span><span title="(1)">(1)</span></h2><table><tbody><tr><td>Azure Migrate</td></tr></tbody></table></article>
 </records-record-home></one-record-home-flexipage2></div>`;
  write(
    'salesforce',
    `opportunity-highlights-${lang}`,
    page({ lang, title: 'Fabrikam – Azure migration | Salesforce', css: 'salesforce', body }),
    {
      url: `https://contoso.lightning.force.com/lightning/r/Opportunity/${id}/view`,
      title: `Salesforce (${lang}): a truncated amount in the highlights panel, a stage the org named, the solutions related list`,
      observations: [
        {
          kind: 'opportunity',
          app: 'salesforce',
          recordId: id,
          name: 'Fabrikam – Azure migration',
          solutionsCount: 1,
          stage: L('orgStage'),
        },
      ],
      rules: [],
    },
  );
}
