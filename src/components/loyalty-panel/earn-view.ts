// Ways to earn (`/v1/program` `waysToEarn`): each with its points ("300 stars", "2 stars per
// $1.00") and, when the program gives one, a link to where it happens.
import { html, nothing, type TemplateResult } from 'lit';
import type { Program } from '../../core/api/schemas.js';
import { formatMoney } from '../../core/i18n/format.js';
import { safeUrl } from '../shared/safe-url.js';
import { birthdayEntry } from './birthday-form.js';
import type { ViewContext } from './view.js';

type Way = Program['waysToEarn'][number];

function worth(view: ViewContext, way: Way): string {
  const points = view.points(way.points, view.program);
  const { earnRate } = view.program;
  // An API that leaves out the earn rate still gets the points, without the amount they are per.
  return way.pointsType === 'per-currency' && earnRate
    ? view.t('panel.earn.perCurrency', { points, amount: formatMoney(view.locale, earnRate.per) })
    : view.t('panel.earn.fixed', { points });
}

export function earnView(view: ViewContext): TemplateResult {
  return html`<ul class="list">
    ${view.program.waysToEarn.map((way) => {
      const href = safeUrl(way.ctaUrl);
      return html`<li part="way" class="row" data-kind=${way.kind}>
        ${href ? html`<a class="title" href=${href}>${way.title}</a>` : html`<span class="title">${way.title}</span>`}
        <span class="worth">${worth(view, way)}</span>
        ${way.kind === 'birthday' ? birthdayEntry(view, view.me) : nothing}
      </li>`;
    })}
  </ul>`;
}
