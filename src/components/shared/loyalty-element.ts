// The base of every element: safe registration, typed events, locale and messages.
import { LitElement, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Program } from '../../core/api/schemas.js';
import { now } from '../../core/clock.js';
import type { LoyaltyError } from '../../core/errors.js';
import type { SdkEventName } from '../../core/events.js';
import { getSdk } from '../../core/global.js';
import type { Snapshot } from '../../core/store/resource.js';
import { safeUrl } from './safe-url.js';
import { LoyaltyErrorEvent } from './loyalty-error-event.js';
import { formatRelative, numberFormat, pluralRules, validLocale } from '../../core/i18n/format.js';
import type { MessageKey, Messages } from '../../core/i18n/messages.js';
import { loadLanguage, translator, type Translate, type Vars } from '../../core/i18n/translate.js';
import { version } from '../../core/version.js';

const versionKey = Symbol.for('loyalty-widgets.version');

export class LoyaltyElement extends LitElement {
  /**
   * Registers the element unless the tag is taken: a script tag and an npm build on one page
   * (or a second load) must not throw. Warns when another version holds the tag.
   */
  static define(tag: string): void {
    const registry = globalThis.customElements;
    if (!registry) return;
    const existing = registry.get(tag) as { [versionKey]?: string } | undefined;
    if (existing) {
      const theirs = existing[versionKey];
      if (theirs !== version) {
        console.warn(
          `[loyalty-widgets] <${tag}> is already defined by version ${theirs ?? 'unknown'}; this is ${version}.`,
        );
      }
      return;
    }
    Object.defineProperty(this, versionKey, { value: version });
    registry.define(tag, this);
  }

  /** The element's English strings (its catalog section); `common` is always there. */
  static messages: Partial<Messages> = {};

  // Declared without decorators: Lit's decorator code would cost every page about 0.5 KB gzip.
  static override properties: PropertyDeclarations = { theme: { reflect: true } };

  /** `light`, `dark`, or `auto` (the default: follows `prefers-color-scheme`). */
  theme?: 'light' | 'dark' | 'auto';

  protected readonly sdk = getSdk();
  private unsubscribe: (() => void) | undefined;

  /** A StoreController `onChange` for the data an element shows: a new error fires `loyalty-error`. */
  protected readonly reportError = (next: Snapshot<unknown>, previous: Snapshot<unknown>): void => {
    if (next.error && next.error !== previous.error) this.emit(new LoyaltyErrorEvent(next.error));
  };

  override connectedCallback(): void {
    super.connectedCallback();
    // Settings, identity and consent changes re-render (locale, overrides, signed-in state).
    const offs = (['configured', 'identified', 'logged-out'] as const).map((name) =>
      this.sdk.on(name, () => this.requestUpdate()),
    );
    this.unsubscribe = () => offs.forEach((off) => off());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  /** Worked out once per update, not per string: the locale walks up the tree to find a `lang`. */
  #locale: string | undefined;
  #translate: Translate | undefined;

  /** Waits for the catalog of the element's language before rendering, so no English flashes. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    // An update may follow a new locale or new message overrides (configure() asks for one).
    this.#locale = this.#translate = undefined;
    const loading = loadLanguage(this.locale);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** The element's `lang`, the nearest `[lang]` ancestor, `configure({locale})`, then `<html lang>`. */
  get locale(): string {
    if (this.#locale === undefined) {
      const own = this.closest('[lang]')?.getAttribute('lang');
      this.#locale = own ? validLocale(own) : this.sdk.locale();
    }
    return this.#locale;
  }

  /** Looks up a message in the element's locale, with the merchant's overrides. */
  protected t(key: MessageKey, vars?: Vars): string {
    const english = (this.constructor as typeof LoyaltyElement).messages;
    return (this.#translate ??= translator(this.locale, this.sdk.options?.messages, english))(key, vars);
  }

  /** "1,250 points" with the program's own label ("1 star", "2 stars") when it is known. */
  protected points(count: number, program?: Program): string {
    const category = pluralRules(this.locale).select(count);
    const label = program?.pointsLabel
      ? category === 'one'
        ? program.pointsLabel.one
        : program.pointsLabel.other
      : this.t('common.pointsFallback', { count });
    return `${numberFormat(this.locale).format(count)} ${label}`;
  }

  /**
   * Join and sign-in links for guests: the element's `join-url` when it is a usable URL, else
   * the program's own links. Only http(s) URLs render.
   */
  protected joinActions(joinUrl: string, program: Program | undefined): TemplateResult {
    const join = safeUrl(joinUrl) ?? safeUrl(program?.joinUrl);
    const signIn = safeUrl(program?.signInUrl);
    return html`<p class="actions">
      ${join ? html`<a class="button" href=${join}>${this.t('common.join')}</a>` : nothing}
      ${signIn ? html`<a href=${signIn}>${this.t('common.signIn')}</a>` : nothing}
    </p>`;
  }

  /** What a failed load says, and its Retry button; "offline" when the network failed. */
  protected failure(
    error: LoyaltyError | undefined,
    retry: () => void,
    words: MessageKey = 'common.error',
  ): TemplateResult {
    return html`<p>${this.t(error?.code === 'network' ? 'common.offline' : words)}</p>
      <button class="secondary" @click=${retry}>${this.t('common.retry')}</button>`;
  }

  /** "Last updated 5 minutes ago" and a link-style Retry, under data a refresh failed to renew. */
  protected lastUpdated(updatedAt: number, retry: () => void): TemplateResult {
    return html`${this.t('common.lastUpdated', { time: formatRelative(this.locale, updatedAt, now()) })}
      <button class="link" @click=${retry}>${this.t('common.retry')}</button>`;
  }

  /** Dispatches a public event from this element; `global` events also reach `on()` handlers. */
  protected emit<E extends Event & { detail: unknown }>(event: E, { global = false } = {}): boolean {
    // Global events are the ones named in SdkEventMap, with the detail it gives them.
    if (global) this.sdk.bus.emit(event.type as SdkEventName, event.detail as never);
    return this.dispatchEvent(event);
  }
}
