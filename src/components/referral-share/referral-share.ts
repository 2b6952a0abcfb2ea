import { referral } from '../../core/i18n/en/referral.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { Program, Referral } from '../../core/api/schemas.js';
import { numberFormat } from '../../core/i18n/format.js';
import { landingCode } from '../../core/referral/capture.js';
import { shareMessage } from '../../core/referral/message.js';
import { announce } from '../shared/announcer.js';
import { LoyaltyElement } from '../shared/loyalty-element.js';
import { safeUrl } from '../shared/safe-url.js';
import { retryFailed, StoreController } from '../shared/store-controller.js';
import { copyShortcut, writeClipboard } from '../shared/clipboard.js';
import { ReferralSharedEvent, type ReferralChannel } from './events.js';
import { drawQrCode } from './qr-code.js';
import { shareLinks, type ShareContent } from './share-links.js';
import { styles } from './referral-share.styles.js';

type Copyable = 'link' | 'code';

/**
 * The shopper's referral link and code: what both sides get, copy buttons, the native share
 * sheet where there is one, direct links (email, SMS, WhatsApp, X, Facebook, LinkedIn), a QR
 * code drawn locally, and how many friends joined. Guests see an invitation to join.
 *
 * @fires referral-shared - the shopper shared the link; `detail.channel` says how ('native', 'copy-link', 'copy-code', 'email', 'sms', 'whatsapp', 'x', 'facebook', 'linkedin', 'qr')
 * @fires loyalty-error - the referral could not be loaded; `detail.error` is a LoyaltyError
 * @slot title - the heading (default "Refer a friend")
 * @slot guest - replaces the invitation shown to guests
 * @csspart base - the outer box
 * @csspart rewards - what the friend and the shopper get
 * @csspart notice - "this is your own link", when the shopper opened it
 * @csspart link - the field holding the link
 * @csspart code - the field holding the code
 * @csspart copy-button - both Copy buttons
 * @csspart share - the share button and links
 * @csspart qr - the QR code canvas
 * @csspart stats - friends invited, friends who ordered, points earned
 * @cssprop --loyalty-referral-share-accent - share link colour (falls back to --loyalty-color-accent)
 * @cssprop --loyalty-referral-share-qr-size - the QR code's width and height (default 12rem)
 * @cssprop --loyalty-referral-accent - the former name of --loyalty-referral-share-accent, still read
 * @cssprop --loyalty-referral-qr-size - the former name of --loyalty-referral-share-qr-size, still read
 * @tagname referral-share
 */
export class ReferralShare extends LoyaltyElement {
  static override messages = referral;
  static override styles = styles;
  // Plain `static properties` rather than decorators: no decorator helper calls in the bundle.
  static override properties = {
    message: {},
    qr: { type: Boolean },
    hideStats: { type: Boolean, attribute: 'hide-stats' },
    joinUrl: { attribute: 'join-url' },
    copied: { state: true },
    manual: { state: true },
    qrOpen: { state: true },
    qrFailed: { state: true },
  };

  /** The share message, overriding `configure({referral: {message}})`: `{url}`, `{code}`, `{reward}` are filled in. */
  message = '';
  /** Shows the QR code at once (a counter screen in store). */
  qr = false;
  /** Hides the results (friends invited, who ordered, points earned). */
  hideStats = false;
  /** Overrides the program's join link for guests. */
  joinUrl = '';

  /** "Copied" shows on this button for a moment. */
  private copied?: Copyable;
  /** The Clipboard API was refused: this field is selected, with the shortcut to press. */
  private manual?: Copyable;
  /** The shopper's choice; undefined follows the `qr` attribute. */
  private qrOpen: boolean | undefined;
  private qrFailed?: boolean;

  readonly #referral = new StoreController(this, 'referral', this.reportError);
  readonly #program = new StoreController(this, 'program');
  readonly #retry = retryFailed(this.#referral, this.#program);
  #copiedTimer: ReturnType<typeof setTimeout> | undefined;
  #offCaptured: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // A code captured after the first render (an SPA's captureReferral()) may be the shopper's own.
    this.#offCaptured = this.sdk.on('referral-captured', () => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#offCaptured?.();
    clearTimeout(this.#copiedTimer);
  }

  protected override updated(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    const value = canvas?.dataset.value;
    if (!canvas || !value || canvas.dataset.drawn === value) return;
    canvas.dataset.drawn = value;
    drawQrCode(canvas, value).catch(() => {
      delete canvas.dataset.drawn;
      this.qrFailed = true;
    });
  }

  #shared(channel: ReferralChannel): void {
    this.emit(new ReferralSharedEvent(channel), { global: true });
  }

  async #copy(what: Copyable, text: string): Promise<void> {
    if (await writeClipboard(text)) return this.#confirmCopy(what);
    // Refused: select the text and say which keys copy it; the field's copy event confirms.
    this.manual = what;
    await this.updateComplete;
    const field = this.renderRoot.querySelector<HTMLInputElement>(`#${what}`);
    field?.focus();
    field?.select();
    announce(this, this.t('common.copyManually', { shortcut: copyShortcut() }));
  }

  #confirmCopy(what: Copyable): void {
    this.manual = undefined;
    this.copied = what;
    announce(this, this.t(`referral.${what}Copied`));
    this.#shared(`copy-${what}`);
    clearTimeout(this.#copiedTimer);
    this.#copiedTimer = setTimeout(() => (this.copied = undefined), 2000);
  }

  async #shareNatively({ message, url }: ShareContent): Promise<void> {
    try {
      // The link goes as `url` (apps that take only a link get it) and not twice in the text.
      await navigator.share({ text: message.replace(url, '').replace(/ {2,}/g, ' ').trim(), url });
      this.#shared('native');
    } catch {
      // Cancelled, or refused: the direct links below still work.
    }
  }

  #renderField(what: Copyable, value: string): TemplateResult {
    const manual = this.manual === what;
    return html`<div>
      <label class="small" for=${what}>${this.t(`referral.${what}`)}</label>
      <div class="row">
        <input
          id=${what}
          part=${what}
          readonly
          .value=${value}
          aria-describedby=${manual ? `${what}-hint` : nothing}
          @copy=${() => this.#confirmCopy(what)}
        />
        <button part="copy-button" class="secondary" @click=${() => this.#copy(what, value)}>
          ${this.t(this.copied === what ? 'common.copied' : what === 'link' ? 'referral.copyLink' : 'referral.copyCode')}
        </button>
      </div>
      ${
        manual
          ? html`<p class="hint" id=${`${what}-hint`}>
              ${this.t('common.copyManually', { shortcut: copyShortcut() })}
            </p>`
          : nothing
      }
    </div>`;
  }

  #renderShare(content: ShareContent): TemplateResult {
    return html`<div part="share" role="group" aria-labelledby="share-label">
      <p id="share-label" class="small">${this.t('referral.shareVia')}</p>
      ${
        'share' in navigator
          ? html`<button @click=${() => this.#shareNatively(content)}>${this.t('referral.share')}</button>`
          : nothing
      }
      <ul class="channels">
        ${shareLinks(content).map(([channel, href]) => {
          const web = href.startsWith('https:');
          // noopener noreferrer on every link: harmless on mailto: and sms:, one binding fewer.
          return html`<li>
            <a
              class="button"
              href=${href}
              data-channel=${channel}
              target=${web ? '_blank' : nothing}
              rel="noopener noreferrer"
              @click=${() => this.#shared(channel)}
              >${this.t(`referral.channel.${channel}`)}${
                web ? html`<span class="visually-hidden"> ${this.t('referral.newTab')}</span>` : nothing
              }</a
            >
          </li>`;
        })}
      </ul>
    </div>`;
  }

  #renderQr(url: string): TemplateResult {
    const shown = this.qrOpen ?? this.qr;
    const toggle = () => {
      this.qrOpen = !shown;
      this.qrFailed = false;
      if (!shown) this.#shared('qr');
    };
    return html`<div class="qr">
      <button class="secondary" aria-expanded=${String(shown)} @click=${toggle}>
        ${this.t(shown ? 'referral.hideQr' : 'referral.showQr')}
      </button>
      ${
        !shown
          ? nothing
          : this.qrFailed
            ? html`<p role="alert">${this.t('referral.qrFailed')}</p>`
            : html`<canvas part="qr" role="img" aria-label=${this.t('referral.qrLabel')} data-value=${url}></canvas>`
      }
    </div>`;
  }

  #renderData(data: Referral, program: Program | undefined): TemplateResult {
    // Only an http(s) link is shown, shared or encoded; the code alone still works.
    const url = safeUrl(data.url);
    const reward = data.friendReward.description;
    const template = this.message || this.sdk.options?.referral?.message || this.t('referral.message');
    const stats = data.stats;
    // A reward the API does not describe gets no sentence with a hole in it.
    return html`<div part="rewards">
        ${reward ? html`<p>${this.t('referral.friendGets', { reward })}</p>` : nothing}
        ${
          data.advocateReward.description
            ? html`<p>${this.t('referral.youGet', { reward: data.advocateReward.description })}</p>`
            : nothing
        }
      </div>
      ${
        landingCode(this.sdk) === data.code
          ? html`<p part="notice" class="notice">${this.t('referral.self')}</p>`
          : nothing
      }
      ${url ? this.#renderField('link', url) : nothing} ${this.#renderField('code', data.code)}
      ${
        url
          ? html`${this.#renderShare({
              url,
              message: shareMessage(template, { url, code: data.code, reward }),
              subject: this.t('referral.emailSubject', { reward }),
            })}
            ${this.#renderQr(url)}`
          : nothing
      }
      ${
        this.hideStats
          ? nothing
          : html`<dl part="stats" class="stats">
              ${(['invited', 'converted', 'pointsEarned'] as const).map(
                (name) =>
                  html`<div>
                    <dt class="small">${this.t(`referral.${name}`)}</dt>
                    <dd>
                      ${
                        name === 'pointsEarned'
                          ? this.points(stats[name], program)
                          : numberFormat(this.locale).format(stats[name])
                      }
                    </dd>
                  </div>`,
              )}
            </dl>`
      }`;
  }

  override render(): TemplateResult {
    const { guest, status, error, data } = this.#referral.value;
    const program = this.#program.value.data;
    const failed = !guest && status === 'error';
    // Both slots are always rendered, hidden when not in use, so slotted content keeps its place;
    // the skeleton and the data share the box and the title.
    return html`<div part="base" class="base" aria-busy=${data || guest || failed ? nothing : 'true'}>
      <slot name="guest" ?hidden=${!guest}
        >${
          guest
            ? html`<p>
                  ${
                    program?.name && program.referral.friendReward && program.referral.advocateReward
                      ? this.t('referral.guest', {
                          program: program.name,
                          friend: program.referral.friendReward,
                          advocate: program.referral.advocateReward,
                        })
                      : this.t('referral.guestGeneric')
                  }
                </p>
                ${this.joinActions(this.joinUrl, program)}`
            : nothing
        }</slot
      >
      <p class="title" ?hidden=${guest}><slot name="title">${guest ? nothing : this.t('referral.title')}</slot></p>
      ${
        guest
          ? nothing
          : failed
            ? html`<div class="error" role="alert">${this.failure(error, this.#retry)}</div>`
            : data
              ? this.#renderData(data, program)
              : html`<span class="skeleton"></span>
                  <span class="skeleton wide"></span>
                  <span class="visually-hidden">${this.t('common.loading')}</span>`
      }
    </div>`;
  }
}
