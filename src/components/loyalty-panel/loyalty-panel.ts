import { panel } from '../../core/i18n/en/panel.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { setBirthday } from '../../core/birthday.js';
import { isLoyaltyError } from '../../core/errors.js';
import { isPanelSection, type PanelSection } from '../../core/panel.js';
import { announce } from '../shared/announcer.js';
import { LoyaltyElement } from '../shared/loyalty-element.js';
import { LoyaltyErrorEvent } from '../shared/loyalty-error-event.js';
import { retryFailed, StoreController } from '../shared/store-controller.js';
import { earnView } from './earn-view.js';
import { guestView } from './guest-view.js';
import { homeView } from './home-view.js';
import { tiersView } from './tiers-view.js';
import type { BirthdayStatus } from './birthday-form.js';
import type { ViewContext } from './view.js';
import { styles } from './loyalty-panel.styles.js';

/**
 * The whole loyalty program in one place: a home view (balance, tier progress, a card per
 * section) and the sections Ways to earn, Rewards, VIP tiers, Refer a friend and Activity,
 * composed from the other elements. Guests see the program and an invitation to join. Use it
 * inline (an account page) or through `<loyalty-launcher>`.
 *
 * @tagname loyalty-panel
 * @fires loyalty-error - the program could not be loaded; `detail.error` is a LoyaltyError
 * @csspart panel - the outer box
 * @csspart header - the back button and the section heading
 * @csspart heading - the section heading (focused when the section changes)
 * @csspart back - the back button
 * @csspart section - the body of the section shown
 * @csspart card - a card on the home view leading to a section
 * @csspart way - one way to earn
 * @csspart tier - one VIP tier
 * @csspart birthday-form - the date form of the birthday way to earn
 * @csspart progress - the tier progress bar (from the inner `<loyalty-balance>`)
 * @cssprop --loyalty-panel-accent - cards and the own tier's mark (falls back to --loyalty-color-accent)
 */
export class LoyaltyPanel extends LoyaltyElement {
  static override messages = panel;
  static override styles = styles;
  static override properties = {
    section: { reflect: true },
    joinUrl: { attribute: 'join-url' },
    birthdayStatus: { state: true },
  };

  /** The section shown: `home`, `earn`, `rewards`, `tiers`, `referral` or `activity`. */
  section: PanelSection = 'home';
  /** Overrides the program's join link for guests. */
  joinUrl = '';

  readonly #me = new StoreController(this, 'me');
  readonly #program = new StoreController(this, 'program', this.reportError);
  readonly #retry = retryFailed(this.#program);
  private birthdayStatus: BirthdayStatus = 'idle';
  /** Whose birthday `birthdayStatus` is about. */
  #birthdayOf: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // An unknown section (a typo in an attribute or link) shows the home view.
    if (changed.has('section') && !isPanelSection(this.section)) this.section = 'home';
    // Another shopper does not see the one before's "already on file" or error.
    const shopper = this.#me.value.guest ? undefined : this.#me.value.data?.customer.id;
    if (shopper !== this.#birthdayOf) {
      this.#birthdayOf = shopper;
      this.birthdayStatus = 'idle';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A section the shopper moved to gets the focus and is announced; the first one is not.
    if (changed.has('section') && changed.get('section') !== undefined) {
      this.focusHeading();
      announce(this, this.t('panel.shown', { section: this.t(`panel.section.${this.section}`) }));
    }
  }

  /** Moves focus to the heading of the section shown (the launcher does on open). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  readonly #saveBirthday = (date: string): void => {
    this.birthdayStatus = 'saving';
    setBirthday(this.sdk, date).then(
      () => {
        this.birthdayStatus = 'idle';
        announce(this, this.t('panel.birthday.saved'));
      },
      (error: unknown) => {
        this.birthdayStatus = isLoyaltyError(error) && error.status === 409 ? 'conflict' : 'error';
        if (isLoyaltyError(error)) this.emit(new LoyaltyErrorEvent(error));
      },
    );
  };

  /** A section the shopper chose: shown, and told to the launcher (its browser history). */
  readonly #go = (section: PanelSection): void => {
    if (section === this.section) return;
    this.section = section;
    this.dispatchEvent(new Event('loyalty-panel-navigate'));
  };

  #view(): TemplateResult {
    const program = this.#program.value.data;
    const { guest } = this.#me.value;
    if (!program) {
      return this.#program.value.status === 'error'
        ? html`<div role="alert">${this.failure(this.#program.value.error, this.#retry)}</div>`
        : html`<span class="skeleton wide"></span><span class="visually-hidden">${this.t('common.loading')}</span>`;
    }
    const view: ViewContext = {
      t: (key, vars) => this.t(key, vars),
      points: (count, of) => this.points(count, of),
      locale: this.locale,
      program,
      me: guest ? undefined : this.#me.value.data,
      joinUrl: this.joinUrl,
      theme: this.theme ?? nothing,
      go: this.#go,
      birthday: { status: this.birthdayStatus, save: this.#saveBirthday },
    };
    const { joinUrl } = this;
    // Each inner element has its own colours: the panel's theme is theirs too.
    const { theme } = view;
    switch (this.section) {
      case 'earn':
        return earnView(view);
      case 'tiers':
        return tiersView(view);
      case 'rewards':
        return html`<reward-catalog join-url=${joinUrl} theme=${theme}></reward-catalog>`;
      case 'referral':
        return html`<referral-share join-url=${joinUrl} theme=${theme}></referral-share>`;
      case 'activity':
        return html`<loyalty-activity join-url=${joinUrl} theme=${theme}></loyalty-activity>`;
      default:
        return guest ? guestView(view, this.joinActions(joinUrl, program)) : homeView(view);
    }
  }

  override render(): TemplateResult {
    const home = this.section === 'home';
    const program = this.#program.value.data;
    const title = home && program ? program.name : this.t(`panel.section.${this.section}`);
    return html`<div part="panel" class="panel">
      <div part="header" class="header">
        ${
          home
            ? nothing
            : html`<button part="back" class="secondary back" @click=${() => this.#go('home')}>
                <span aria-hidden="true" class="arrow">←</span> ${this.t('panel.back')}
              </button>`
        }
        <h2 part="heading" tabindex="-1">${title}</h2>
      </div>
      <div part="section" class="section" data-section=${this.section}>${this.#view()}</div>
    </div>`;
  }
}
