// Sets inline style properties through CSSOM only. Lit's styleMap writes a `style` attribute on
// its first render, which a strict CSP (no 'unsafe-inline' for styles) blocks.
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class StyleProps extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('styleProps() goes on an element: <div ${styleProps({...})}>');
  }

  render(_properties: Record<string, string>) {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [Record<string, string>]) {
    const { style } = part.element as HTMLElement;
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    return noChange;
  }
}

/** `<div ${styleProps({'inline-size': '40%', '--x': '1'})}>`: CSP-safe inline styles. */
export const styleProps = directive(StyleProps);
