// Reading what an element shows: its shadow root's text, a part, and waiting for words.
import { waitUntil } from '@open-wc/testing';

/** The element's shadow text with whitespace collapsed, as a shopper reads it. */
export const text = (element: Element): string => element.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The first piece of the element carrying `part="name"`. */
export const part = (element: Element, name: string) =>
  element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Resolves once the element shows `words`; the failure message says what it showed instead. */
export const shows = (element: Element, words: string) =>
  waitUntil(() => text(element).includes(words), `never showed "${words}": ${text(element)}`);
