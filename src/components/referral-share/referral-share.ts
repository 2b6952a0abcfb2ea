import { referral } from '../../core/i18n/en/referral.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Program, Referral } from '../../core/api/schemas.js';
import { numberFormat } from '../../core/i18n/format.js';
import { landingCode } from '../../core/referral/capture.js';
import { shareMessage } from '../../core/referral/message.js';
import { announce } from '../shared/announcer.js';
import { LoyaltyElement } from '../shared/loyalty-element.js';
import { safeUrl } from '../shared/safe-url.js';
import { StoreController } from '../shared/store-controller.js';
import { copyShortcut, writeClipboard } from '../shared/clipboard.js';
import { ReferralSharedEvent, type ReferralChannel } from './events.js';
import { drawQrCode } from './qr-code.js';
import { shareLinks, type LinkChannel, type ShareContent } from './share-links.js';
import { styles } from './referral-share.styles.js';

type Copyable = 'link' | 'code';
const channels = Object.keys(shareLinks) as LinkChannel[];

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
 * @cssprop --loyalty-referral-accent - share link colour (falls back to --loyalty-color-accent)
 * @cssprop --loyalty-referral-qr-size - the QR code's width and height (default 12rem)
 * @tagname referral-share
 */
export class ReferralShare extends LoyaltyElement {
  static override messages = referral;
  static override styles = styles;

  /** The share message, overriding `configure({referral: {message}})`: `{url}`, `{code}`, `{reward}` are filled in. */
  @property() message = '';
  /** Shows the QR code at once (a counter screen in store). */
  @property({ type: Boolean }) qr = false;
  @property({ type: Boolean, attribute: 'hide-stats' }) hideStats = false;
  /** Overrides the program's join link for guests. */
  @property({ attribute: 'join-url' }) joinUrl = '';

  /** "Copied" shows on this button for a moment. */
  @state() private copied: Copyable | null = null;
  /** The Clipboard API was refused: this field is selected, with the shortcut to press. */
  @state() private manual: Copyable | null = null;
  /** The shopper's choice; undefined follows the `qr` attribute. */
  @state() private qrOpen: boolean | undefined;
  @state() private qrFailed = false;

  readonly #referral = new StoreController(this, 'referral', this.reportError);
  readonly #program = new StoreController(this, 'program');
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

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const canvas = this.renderRoot.querySelector('canvas');
    const value = canvas?.dataset.value;
    if (!canvas || !value || canvas.dataset.drawn === value) return;
    canvas.dataset.drawn = value;
    drawQrCode(canvas, value).catch(() => {
      delete canvas.dataset.drawn;
      this.qrFailed = true;
    });
  }

  get #qrShown(): boolean {
    return this.qrOpen ?? this.qr;
  }

  #shared(channel: ReferralChannel): void {
    this.emit(new ReferralSharedEvent(channel), { global: true });
  }

  #field(what: Copyable): HTMLInputElement | null {
    return this.renderRoot.querySelector(`#${what}`);
  }

  async #copy(what: Copyable, text: string): Promise<void> {
    if (await writeClipboard(text)) {
      this.#confirmCopy(what);
      return;
    }
    // Refused: select the text and say which keys copy it; the field's copy event confirms.
    this.manual = what;
    await this.updateComplete;
    this.#field(what)?.focus();
    this.#field(what)?.select();
    announce(this.t('common.copyManually', { shortcut: copyShortcut() }));
  }

  #confirmCopy(what: Copyable): void {
    this.manual = null;
    this.copied = what;
    announce(this.t(what === 'link' ? 'referral.linkCopied' : 'referral.codeCopied'));
    this.#shared(what === 'link' ? 'copy-link' : 'copy-code');
    clearTimeout(this.#copiedTimer);
    this.#copiedTimer = setTimeout(() => (this.copied = null), 2000);
  }

  async #shareNatively(content: ShareContent): Promise<void> {
    try {
      // The link goes as `url` (apps that take only a link get it) and not twice in the text.
      const text = content.message.replace(content.url, '').replace(/ {2,}/g, ' ').trim();
      await navigator.share({ text, url: content.url });
      this.#shared('native');
    } catch {
      // Cancelled, or refused: the direct links below still work.
    }
  }

  #toggleQr(): void {
    this.qrOpen = !this.#qrShown;
    this.qrFailed = false;
    if (this.qrOpen) this.#shared('qr');
  }

  #retry(): void {
    void this.#referral.refresh();
  }

  #content(data: Referral, url: string): ShareContent {
    const template = this.message || this.sdk.options?.referral?.message || this.t('referral.message');
    const reward = data.friendReward.description;
    return {
      url,
      message: shareMessage(template, { url, code: data.code, reward }),
      subject: this.t('referral.emailSubject', { reward }),
    };
  }

  #renderGuest(program: Program | undefined): TemplateResult {
    return html`<div part="base" class="base guest">
      <slot name="guest">
        <p>
          ${
            program
              ? this.t('referral.guest', {
                  program: program.name,
                  friend: program.referral.friendReward,
                  advocate: program.referral.advocateReward,
                })
              : this.t('referral.guestGeneric')
          }
        </p>
        ${this.joinActions(this.joinUrl, program)}
      </slot>
    </div>`;
  }

  #renderField(what: Copyable, value: string): TemplateResult {
    const manual = this.manual === what;
    return html`<div class="field">
      <label for=${what}>${this.t(what === 'link' ? 'referral.link' : 'referral.code')}</label>
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
          ${
            this.copied === what
              ? this.t('common.copied')
              : this.t(what === 'link' ? 'referral.copyLink' : 'referral.copyCode')
          }
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
    return html`<div part="share" class="share" role="group" aria-labelledby="share-label">
      <p id="share-label" class="small">${this.t('referral.shareVia')}</p>
      ${
        'share' in navigator
          ? html`<button @click=${() => this.#shareNatively(content)}>${this.t('referral.share')}</button>`
          : nothing
      }
      <ul class="channels">
        ${channels.map((channel) => {
          const href = shareLinks[channel](content);
          const web = href.startsWith('https:');
          return html`<li>
            <a
              href=${href}
              data-channel=${channel}
              target=${web ? '_blank' : nothing}
              rel=${web ? 'noopener noreferrer' : nothing}
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
    const shown = this.#qrShown;
    return html`<div class="qr">
      <button class="secondary" aria-expanded=${shown ? 'true' : 'false'} @click=${this.#toggleQr}>
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

  #renderStats(data: Referral, program: Program | undefined): TemplateResult | typeof nothing {
    if (this.hideStats) return nothing;
    const count = (value: number) => numberFormat(this.locale).format(value);
    return html`<dl part="stats" class="stats">
      <div>
        <dt class="small">${this.t('referral.invited')}</dt>
        <dd>${count(data.stats.invited)}</dd>
      </div>
      <div>
        <dt class="small">${this.t('referral.converted')}</dt>
        <dd>${count(data.stats.converted)}</dd>
      </div>
      <div>
        <dt class="small">${this.t('referral.pointsEarned')}</dt>
        <dd>${this.points(data.stats.pointsEarned, program)}</dd>
      </div>
    </dl>`;
  }

  #renderSkeleton(): TemplateResult {
    return html`<div part="base" class="base" aria-busy="true">
      <p class="title"><slot name="title">${this.t('referral.title')}</slot></p>
      <span class="skeleton"></span>
      <span class="skeleton wide"></span>
      <span class="visually-hidden">${this.t('common.loading')}</span>
    </div>`;
  }

  #renderError(): TemplateResult {
    return html`<div part="base" class="base error" role="alert">
      <p>${this.#referral.value.error?.code === 'network' ? this.t('common.offline') : this.t('common.error')}</p>
      <p><button class="secondary" @click=${this.#retry}>${this.t('common.retry')}</button></p>
    </div>`;
  }

  override render(): TemplateResult {
    const referral = this.#referral.value;
    const program = this.#program.value.data;
    if (referral.guest) return this.#renderGuest(program);
    if (referral.status === 'error') return this.#renderError();
    const data = referral.data;
    if (!data) return this.#renderSkeleton();
    // Only an http(s) link is shown, shared or encoded; the code alone still works.
    const url = safeUrl(data.url);
    const content = url ? this.#content(data, url) : undefined;
    return html`<div part="base" class="base">
      <p class="title"><slot name="title">${this.t('referral.title')}</slot></p>
      <div part="rewards" class="rewards">
        <p>${this.t('referral.friendGets', { reward: data.friendReward.description })}</p>
        <p>${this.t('referral.youGet', { reward: data.advocateReward.description })}</p>
      </div>
      ${
        landingCode(this.sdk) === data.code
          ? html`<p part="notice" class="notice">${this.t('referral.self')}</p>`
          : nothing
      }
      ${url ? this.#renderField('link', url) : nothing} ${this.#renderField('code', data.code)}
      ${content ? this.#renderShare(content) : nothing} ${url ? this.#renderQr(url) : nothing}
      ${this.#renderStats(data, program)}
    </div>`;
  }
}
