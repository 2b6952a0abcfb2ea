import { launcher } from '../../core/i18n/en/launcher.js';
import { html, nothing, type TemplateResult } from 'lit';
import { asLoyaltyError } from '../../core/errors.js';
import { numberFormat } from '../../core/i18n/format.js';
import { isPanelSection, takePanelRequest, type PanelRequest, type PanelSection } from '../../core/panel.js';
import type { LoyaltyPanel } from '../loyalty-panel/loyalty-panel.js';
import { LoyaltyElement } from '../shared/loyalty-element.js';
import { LoyaltyErrorEvent } from '../shared/loyalty-error-event.js';
import { StoreController } from '../shared/store-controller.js';
import { LoyaltyPanelClosedEvent, LoyaltyPanelOpenedEvent } from './events.js';
import { styles } from './loyalty-launcher.styles.js';

/** What this launcher keeps in `history.state` beside the page's own state. */
interface PanelHistory {
  loyaltyPanel?: PanelSection;
  /** How many entries the panel has pushed up to and including this one. */
  loyaltyDepth?: number;
}

/** How many panel entries lie in the history up to the current one. */
const depth = (): number => (history.state as PanelHistory | null)?.loyaltyDepth ?? 0;

/**
 * Inside a frame the history is the host page's too (one joint session history), and its Back
 * belongs to the host: there the panel adds no entries and takes none off. Firefox showed why:
 * the frame's `history.go(-n)` after its own pushes took the host page back.
 */
const ownsHistory = (): boolean => window.parent === window;

/** Deep links already followed on this page (address and parameter). */
const followedLinks = new Set<string>();

/** The panel's code: requested on first open, hover, focus or idle time, once. */
let panelCode: Promise<unknown> | undefined;
const loadPanel = (): Promise<unknown> =>
  (panelCode ??= import('../loyalty-panel/define.js').catch((error: unknown) => {
    panelCode = undefined;
    throw error;
  }));

/**
 * A floating button with the program's icon and the shopper's points that opens
 * `<loyalty-panel>` in a modal dialog (a full-height sheet on narrow screens). The panel's
 * code loads on first open, hover, focus or when the browser is idle. `?loyalty=<section>` in
 * the page URL opens it on that section; the browser's Back closes a section, then the panel
 * (in the top-level page: inside a frame, Back stays the host page's).
 *
 * @tagname loyalty-launcher
 * @fires loyalty-panel-opened - the panel opened; `detail.section` is the section shown
 * @fires loyalty-panel-closed - the panel closed; `detail.section` is the section it showed last
 * @slot icon - replaces the gift icon on the button
 * @csspart launcher - the floating button
 * @csspart points - the shopper's points on the button
 * @csspart dialog - the dialog (or sheet) around the panel
 * @csspart close-button - the dialog's close button
 * @csspart panel - the `<loyalty-panel>` inside the dialog
 * @cssprop --loyalty-launcher-offset - distance of the button from the viewport's edges (default 1.25rem)
 * @cssprop --loyalty-launcher-z-index - stacking order of the floating button
 * @cssprop --loyalty-launcher-accent - the button's colour (falls back to --loyalty-color-accent)
 */
export class LoyaltyLauncher extends LoyaltyElement {
  static override messages = launcher;
  static override styles = styles;
  static override properties = {
    position: { reflect: true },
    deepLinkParam: { attribute: 'deep-link-param' },
    joinUrl: { attribute: 'join-url' },
  };

  /** `bottom-end` (default), `bottom-start`, or `inline` to sit in the page's flow. */
  position: 'bottom-end' | 'bottom-start' | 'inline' = 'bottom-end';
  /** The page-URL parameter that opens the panel on a section (`?loyalty=rewards`). */
  deepLinkParam = 'loyalty';
  /** Overrides the program's join link for guests. */
  joinUrl = '';

  readonly #me = new StoreController(this, 'me');
  readonly #program = new StoreController(this, 'program');
  /** The panel is rendered from the first open on, so it keeps its state between opens. */
  #rendered = false;
  /**
   * The Back this launcher made itself when the panel closed (taking its entries off the
   * history), until its popstate arrives: not the shopper's, and no new entry goes in before it.
   */
  #ownPop: { done: Promise<void>; resolve: () => void } | undefined;
  #idle: number | undefined;
  #offRequest: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#offRequest = this.sdk.on('panel-request', (request) => {
      takePanelRequest(this.sdk);
      this.#carryOut(request);
    });
    addEventListener('popstate', this.#onPopState);
    const pending = takePanelRequest(this.sdk);
    if (pending) this.#carryOut(pending);
    else this.#followDeepLink();
    // The panel's code while nothing else happens, so the first open paints at once.
    const idle = globalThis.requestIdleCallback as typeof requestIdleCallback | undefined;
    this.#idle = idle ? idle(this.#preload) : window.setTimeout(this.#preload, 3000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#offRequest?.();
    removeEventListener('popstate', this.#onPopState);
    // Taken out of the page while open (an SPA's route change): closed, its history entries too.
    this.close();
    if (this.#idle !== undefined) (globalThis.cancelIdleCallback ?? clearTimeout)(this.#idle);
  }

  protected override firstUpdated(): void {
    // A click on the backdrop; from the keyboard, Escape is the same (the dialog's cancel).
    this.#dialog?.addEventListener('click', this.#onDialogClick);
  }

  /**
   * Opens on `?loyalty=<section>` once per address: a launcher an SPA renders again, or moves, on
   * the same page does not reopen what the shopper closed.
   */
  #followDeepLink(): void {
    const wanted = new URL(location.href).searchParams.get(this.deepLinkParam);
    const link = `${location.href}#${this.deepLinkParam}`;
    if (!isPanelSection(wanted) || followedLinks.has(link)) return;
    followedLinks.add(link);
    void this.open(wanted);
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  get #panel(): LoyaltyPanel | null {
    return this.renderRoot.querySelector('loyalty-panel');
  }

  readonly #preload = (): void => void loadPanel().catch(() => undefined);

  #carryOut(request: PanelRequest): void {
    if (request.open) void this.open(request.section);
    else this.close();
  }

  /** Opens the panel on `section` (default: home, or the section it showed last while open). */
  async open(section?: PanelSection): Promise<void> {
    try {
      await loadPanel();
    } catch (error) {
      console.error('[loyalty-widgets] could not load <loyalty-panel>', error);
      this.emit(new LoyaltyErrorEvent(asLoyaltyError(error)));
      return;
    }
    await this.#ownPop?.done;
    this.#rendered = true;
    this.requestUpdate();
    await this.updateComplete;
    const dialog = this.#dialog;
    const panel = this.#panel;
    // Out of the page (an SPA's route change while the code loaded): a panel never connected
    // never renders, and a dialog out of the page cannot open.
    if (!dialog || !panel || !this.isConnected) return;
    panel.section = section ?? (dialog.open ? panel.section : 'home');
    await panel.updateComplete;
    // Read after the wait: the launcher may be out of the page by now, and a second open() (a
    // quick double click) may have opened the panel already.
    if (!this.isConnected) return;
    const shown = panel.section;
    if (!dialog.open) {
      dialog.showModal();
      this.#push(shown);
      panel.focusHeading();
      this.emit(new LoyaltyPanelOpenedEvent({ section: shown }), { global: true });
    } else if ((history.state as PanelHistory | null)?.loyaltyPanel !== shown) this.#push(shown);
  }

  /** Closes the panel; focus returns to the button. */
  close(): void {
    if (this.#dialog?.open) this.#dialog.close();
  }

  #push(section: PanelSection): void {
    if (!ownsHistory()) return;
    const state: unknown = history.state;
    const own: PanelHistory = { loyaltyPanel: section, loyaltyDepth: depth() + 1 };
    history.pushState(state && typeof state === 'object' ? { ...state, ...own } : own, '');
  }

  /** The shopper moved to a section inside the panel: a history entry, so Back returns. */
  readonly #onNavigate = (): void => {
    const section = this.#panel?.section;
    if (section) this.#push(section);
  };

  readonly #onPopState = (event: PopStateEvent): void => {
    if (this.#ownPop) {
      this.#ownPop.resolve();
      this.#ownPop = undefined;
      return;
    }
    const dialog = this.#dialog;
    if (!dialog?.open) return;
    const section = (event.state as PanelHistory | null)?.loyaltyPanel;
    if (isPanelSection(section) && this.#panel) this.#panel.section = section;
    else dialog.close();
  };

  /** After Escape, the close button, a click outside, close() or Back. */
  readonly #onClose = (): void => {
    // Closed by other means than Back: take the panel's entries off the history too. The count
    // is read from the entry itself, so a Back never goes past the page's own entries.
    const entries = depth();
    if (entries > 0) {
      let resolve = () => {};
      const done = new Promise<void>((settle) => (resolve = settle));
      this.#ownPop = { done, resolve };
      history.go(-entries);
    }
    this.renderRoot.querySelector<HTMLElement>('.launcher')?.focus();
    this.emit(new LoyaltyPanelClosedEvent({ section: this.#panel?.section ?? 'home' }), { global: true });
  };

  /** A click on the dialog element itself is a click on its backdrop: the content fills the box. */
  readonly #onDialogClick = (event: MouseEvent): void => {
    if (event.target === event.currentTarget) this.close();
  };

  #label(): string {
    const program = this.#program.value.data;
    const { guest, data: me } = this.#me.value;
    if (!program) return this.t('launcher.label');
    return !guest && me
      ? this.t('launcher.openWithPoints', { program: program.name, points: this.points(me.points.balance, program) })
      : this.t('launcher.open', { program: program.name });
  }

  override render(): TemplateResult {
    const { guest, data: me } = this.#me.value;
    const balance = !guest && me ? numberFormat(this.locale).format(me.points.balance) : undefined;
    return html`<button
        part="launcher"
        class="launcher"
        aria-haspopup="dialog"
        aria-label=${this.#label()}
        @click=${() => void this.open()}
        @pointerenter=${this.#preload}
        @focus=${this.#preload}
      >
        <slot name="icon"
          ><svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
            <path
              fill="currentColor"
              d="M20 7h-2.2A3 3 0 0 0 12 3.8 3 3 0 0 0 6.2 7H4a1 1 0 0 0-1 1v3a1 1 0 0 0 1 1v8a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1Zm-6-2a1 1 0 1 1 1 1h-2a1 1 0 0 1 1-1ZM8 6a1 1 0 1 1 2 0v1H9a1 1 0 0 1-1-1Zm3 14H6v-8h5Zm0-10H5V9h6Zm7 10h-5v-8h5Zm1-10h-6V9h6Z"
            /></svg
        ></slot>
        ${balance === undefined ? nothing : html`<span part="points" class="points">${balance}</span>`}
      </button>
      <dialog
        part="dialog"
        aria-label=${this.#program.value.data?.name ?? this.t('launcher.label')}
        @close=${this.#onClose}
      >
        <div class="body">
          <button
            part="close-button"
            class="secondary close"
            aria-label=${this.t('common.close')}
            @click=${() => this.close()}
          >
            <span aria-hidden="true">×</span>
          </button>
          ${
            this.#rendered
              ? html`<loyalty-panel
                  part="panel"
                  join-url=${this.joinUrl}
                  theme=${this.theme ?? nothing}
                  @loyalty-panel-navigate=${this.#onNavigate}
                ></loyalty-panel>`
              : nothing
          }
        </div>
      </dialog>`;
  }
}
