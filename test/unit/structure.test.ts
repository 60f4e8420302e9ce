/** Copy page structure leaks nothing from the page: no values, names, e-mails, numbers or ids. */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { STRUCTURE_LIMITS, pageStructure } from '@/lib/readers/structure';

const page = (body: string) => {
  const w = new Window({ url: 'https://partner.microsoft.com/en-us/dashboard/referrals/v2/deals/123' });
  const doc = w.document as unknown as Document;
  const parsed = new w.DOMParser().parseFromString(`<body>${body}</body>`, 'text/html') as unknown as Document;
  doc.body.replaceChildren(...[...parsed.body.childNodes].map((n) => doc.importNode(n, true)));
  return doc;
};

const SECRETS = [
  'Contoso Ltd',
  'jane.doe@contoso.com',
  '1517000',
  '+33 6 12',
  'a1b2c3d4-e5f6-4789-9abc-def012345678',
  'Jane Doe',
  'Top secret deal',
];

describe('pageStructure', () => {
  it('keeps tags, roles, ids, data-* names and labels', () => {
    const doc =
      page(`<main role="main" id="deal-root"><h1>Top secret deal</h1><dl><dt>Deal value</dt><dd data-value="1517000" data-field="value">EUR 1,517,000</dd></dl>
      <label for="n">Customer name</label><input id="n" value="Contoso Ltd"><div role="grid"><div role="columnheader">Email</div><div role="gridcell">jane.doe@contoso.com</div></div></main>`);
    const s = pageStructure(doc.body);
    expect(s).toContain('main role=main #deal-root');
    expect(s).toContain('dt "Deal value"');
    expect(s).toContain('dd [data-value data-field]');
    expect(s).toContain('label "Customer name"');
    expect(s).toContain('role=columnheader "Email"');
    for (const secret of ['Top secret deal', 'EUR', '1517000', 'Contoso', 'jane.doe']) expect(s).not.toContain(secret);
  });

  // A label's own text is kept (it names the field); what looks like a value in it is not.
  it('leaks nothing from a hostile page: values in labels, ids, attributes, shadow roots', () => {
    const doc = page(`
      <label>jane.doe@contoso.com</label><span>Jane Doe</span><th>1517000</th>
      <div id="record-a1b2c3d4-e5f6-4789-9abc-def012345678" data-x-jane.doe@contoso.com="1" aria-label="Contoso Ltd" title="Jane Doe" class="Contoso Ltd">+33 6 12</div>
      <div role="Jane Doe">Top secret deal</div><legend>${'Contoso Ltd '.repeat(20)}</legend>
      <script>var s = "Contoso Ltd"</script><template><label>Contoso Ltd</label></template>
      <div id="host"></div>`);
    doc
      .getElementById('host')!
      .attachShadow({ mode: 'open' })
      .append(Object.assign(doc.createElement('label'), { textContent: 'jane.doe@contoso.com' }));
    const s = pageStructure(doc.body);
    for (const secret of SECRETS) expect(s).not.toContain(secret);
    expect(s).not.toMatch(/\d/);
    expect(s).not.toContain('@');
    // Nor in an attribute's name: what is not a plain word is hidden.
    expect(s.toLowerCase()).not.toMatch(/jane|contoso/);
  });

  it('is bounded on a huge or deep page', () => {
    let deep = '';
    for (let i = 0; i < 200; i++) deep = `<div data-level>${deep}</div>`;
    const doc = page(`${deep}${'<p data-a data-b data-c><span></span></p>'.repeat(800)}`);
    const s = pageStructure(doc.body);
    expect(s.length).toBeLessThanOrEqual(STRUCTURE_LIMITS.chars);
    expect(s.split('\n').length).toBeLessThanOrEqual(STRUCTURE_LIMITS.elements + 20);
    expect(s).toContain('… (truncated)');
  });
});
