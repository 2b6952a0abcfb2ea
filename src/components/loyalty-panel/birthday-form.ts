// The birthday entry of Ways to earn: a date form while the shopper has not given one (the API
// says `birthday: null`), the date once given. It can be given once; the shop changes it.
import { html, nothing, type TemplateResult } from 'lit';
import type { Me } from '../../core/api/schemas.js';
import { dateFormat } from '../../core/i18n/format.js';
import type { ViewContext } from './view.js';

export type BirthdayStatus = 'idle' | 'saving' | 'error' | 'conflict';

export function birthdayEntry(view: ViewContext, me: Me | undefined): TemplateResult | typeof nothing {
  // A guest, or a server that does not know birthdays (the field is absent): nothing to offer.
  if (!me || me.birthday === undefined) return nothing;
  if (me.birthday) {
    // The schema lets only calendar dates through; an unreadable one would make Intl throw.
    const time = Date.parse(`${me.birthday}T00:00:00Z`);
    if (Number.isNaN(time)) return nothing;
    const date = dateFormat(view.locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(time);
    return html`<span class="small">${view.t('panel.birthday.given', { date })}</span>`;
  }
  const { status } = view.birthday;
  const today = new Date().toISOString().slice(0, 10);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).querySelector('input')!;
    if (input.value) view.birthday.save(input.value);
  };
  return html`<form part="birthday-form" class="birthday" @submit=${submit}>
    <label
      >${view.t('panel.birthday.label')}
      <input type="date" required max=${today} ?disabled=${status === 'saving'} />
    </label>
    <button ?disabled=${status === 'saving'}>${view.t('panel.birthday.save')}</button>
    ${
      status === 'error' || status === 'conflict'
        ? html`<p role="alert" class="error">
            ${view.t(status === 'conflict' ? 'panel.birthday.conflict' : 'panel.birthday.error')}
          </p>`
        : nothing
    }
  </form>`;
}
