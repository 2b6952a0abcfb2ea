// The suite every element passes: axe in each state, `loyalty-error` on failure, nothing thrown
// into the host page, and no Lit dev-mode warnings.
import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { TestApi } from './api.js';
import { configureFor } from './sdk.js';

export interface ElementSuiteOptions {
  tag: string;
  template: () => TemplateResult;
  /** API paths the element loads; failing them must give a readable error. */
  paths: string[];
  /** True once the element shows data (not a skeleton). */
  isReady: (element: HTMLElement) => boolean;
  /** True once the element shows its guest view; omit when it has none. */
  isGuest?: (element: HTMLElement) => boolean;
  /** True once the element shows its error state. */
  isError: (element: HTMLElement) => boolean;
}

const ignoredWarnings = [/Lit is in dev mode/, /Multiple versions of Lit/];

export function elementSuite(options: ElementSuiteOptions): void {
  describe(`<${options.tag}>: shared element suite`, () => {
    let thrown: unknown[];
    let warnings: unknown[][];
    const originalWarn = console.warn;
    const onError = (event: ErrorEvent | PromiseRejectionEvent) =>
      thrown.push('reason' in event ? event.reason : event.error);

    beforeEach(() => {
      thrown = [];
      warnings = [];
      console.warn = (...args: unknown[]) => {
        if (!ignoredWarnings.some((pattern) => pattern.test(String(args[0])))) warnings.push(args);
        originalWarn(...args);
      };
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onError);
    });

    afterEach(() => {
      console.warn = originalWarn;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
      expect(thrown, 'errors thrown into the page').to.deep.equal([]);
      expect(warnings, 'Lit or element warnings').to.deep.equal([]);
    });

    it('is accessible while loading', async () => {
      const api = new TestApi();
      const customer = await api.customer();
      for (const path of options.paths) await api.fault({ path, times: 1, delayMs: 1500 });
      configureFor(api, customer);
      const element = await fixture<HTMLElement>(options.template());
      expect(options.isReady(element)).to.equal(false);
      await expect(element).to.be.accessible();
    });

    it('is accessible with data', async () => {
      const api = new TestApi();
      configureFor(api, await api.customer({ balance: 1200 }));
      const element = await fixture<HTMLElement>(options.template());
      await waitUntil(() => options.isReady(element), 'element never showed data');
      await expect(element).to.be.accessible();
    });

    if (options.isGuest) {
      it('is accessible for a guest', async () => {
        const api = new TestApi();
        configureFor(api);
        const element = await fixture<HTMLElement>(options.template());
        await waitUntil(() => options.isGuest!(element), 'element never showed the guest view');
        await expect(element).to.be.accessible();
      });
    }

    it('shows a readable error, fires loyalty-error and stays accessible when the API fails', async () => {
      const api = new TestApi();
      const customer = await api.customer();
      for (const path of options.paths) await api.fault({ path, times: 20, status: 503 });
      configureFor(api, customer);
      const element = await fixture<HTMLElement>(options.template());
      const event = await oneEvent<CustomEvent<{ error: { code: string } }>>(element, 'loyalty-error');
      expect(event.detail.error.code).to.equal('http');
      await waitUntil(() => options.isError(element), 'element never showed its error state');
      await expect(element).to.be.accessible();
    });

    it('treats a malformed response as an error, not an exception', async () => {
      const api = new TestApi();
      const customer = await api.customer();
      for (const path of options.paths) await api.fault({ path, times: 20, body: { unexpected: true } });
      configureFor(api, customer);
      const element = await fixture<HTMLElement>(options.template());
      const event = await oneEvent<CustomEvent<{ error: { code: string } }>>(element, 'loyalty-error');
      expect(event.detail.error.code).to.equal('invalid-response');
      await waitUntil(() => options.isError(element), 'element never showed its error state');
    });
  });
}
