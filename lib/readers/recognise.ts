/**
 * Pages a reader is made for, by URL alone: a deal, an opportunity or account record, a solution
 * or flow page. When one of them gives no reading, the popup says the page was not recognised
 * and offers its structure for a bug report (./structure.ts).
 */

/** A Partner Center co-sell deal (unverified: nothing public describes the deal page). */
const PC_DEAL = /^\/(?:[a-z]{2}-[a-z]{2}\/)?dashboard\/(?:v2\/)?referrals\/.*\bdeals?\/[\w-]+/i;
const SF_RECORD = /\/lightning\/r\/(?:Opportunity|Account)\/[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?\/view/;
const PA_PAGE = /\/environments\/[^/]+\/(?:solutions|flows)\/[^/]+/;

export function readerPage(url: URL): boolean {
  if (PC_DEAL.test(url.pathname) || SF_RECORD.test(url.pathname) || PA_PAGE.test(url.pathname)) return true;
  const q = url.searchParams;
  return q.get('pagetype') === 'entityrecord' && ['opportunity', 'account'].includes(q.get('etn') ?? '');
}
