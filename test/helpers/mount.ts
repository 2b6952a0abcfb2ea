// Mounts a template inside a plain container without waiting for an animation frame: open-wc's
// fixture() does wait for one when the root is not a Lit element, and a page the browser runs
// in the background (several test files at once) may never get one.
import { render, type TemplateResult } from 'lit';

const mounted: HTMLElement[] = [];

/** Renders `template` into a new `<div>` with the given attributes, appended to the body. */
export function mount(template: TemplateResult, attributes: Record<string, string> = {}): HTMLElement {
  const container = document.createElement('div');
  for (const [name, value] of Object.entries(attributes)) container.setAttribute(name, value);
  document.body.append(container);
  render(template, container);
  mounted.push(container);
  return container;
}

/** Removes everything `mount()` added (call in afterEach). */
export function unmountAll(): void {
  for (const container of mounted.splice(0)) container.remove();
}
