// A build plugin that strips the indentation and comments Lit templates carry into the bundle:
// css`` and html`` literals keep their source formatting otherwise (minifiers leave string
// contents alone). Only the literal parts between `${…}` change; expressions are untouched.
import type { Plugin } from 'vite';

/**
 * CSS: drop comments, collapse whitespace, and the spaces around braces, semicolons, colons and
 * child combinators, around `*` between numbers in calc(), and the zero of `0.5`.
 */
export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};>])\s*/g, '$1')
    .replace(/([,:])\s+/g, '$1')
    .replace(/;}/g, '}')
    .replace(/([\d)%]) \* (?=[\d.(]|var\()/g, '$1*')
    .replace(/(^|[^\w.#-])0\.(\d)/g, '$1.$2');
}

/** HTML: whitespace runs that hold a line break become one space (rendering is unchanged). */
export function minifyHtml(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/**
 * Rewrites the static parts of every css`…` and html`…` literal in `source`. A small scanner
 * rather than a regular expression, because templates nest inside `${…}` expressions.
 */
export function minifyTemplates(source: string): string {
  let out = '';
  let i = 0;
  const n = source.length;

  // Copies one template literal starting at the backtick at `i`; returns the index after it.
  function template(start: number, minify: ((text: string) => string) | null): number {
    let j = start + 1;
    let chunk = '';
    out += '`';
    while (j < n) {
      const c = source[j]!;
      if (c === '\\') {
        chunk += source.slice(j, j + 2);
        j += 2;
      } else if (c === '`') {
        out += minify ? minify(chunk) : chunk;
        out += '`';
        return j + 1;
      } else if (c === '$' && source[j + 1] === '{') {
        out += (minify ? minify(chunk) : chunk) + '${';
        chunk = '';
        j = code(j + 2, '}');
      } else {
        chunk += c;
        j++;
      }
    }
    out += chunk;
    return j;
  }

  // Copies code up to the closing `end` (at depth 0); returns the index after it.
  function code(start: number, end: string | null): number {
    let j = start;
    let depth = 0;
    while (j < n) {
      const c = source[j]!;
      if (end && c === end && depth === 0) {
        out += c;
        return j + 1;
      }
      if (c === '{') depth++;
      if (c === '}') depth--;
      if (c === '"' || c === "'") {
        const close = stringEnd(j);
        out += source.slice(j, close);
        j = close;
      } else if (c === '/' && source[j + 1] === '/') {
        const close = source.indexOf('\n', j);
        const stop = close === -1 ? n : close;
        out += source.slice(j, stop);
        j = stop;
      } else if (c === '/' && source[j + 1] === '*') {
        const close = source.indexOf('*/', j + 2);
        const stop = close === -1 ? n : close + 2;
        out += source.slice(j, stop);
        j = stop;
      } else if (c === '`') {
        const tag = /(?:^|[^\w$.])(css|html|svg)\s*$/.exec(source.slice(Math.max(0, j - 12), j))?.[1];
        j = template(j, tag === 'css' ? minifyCss : tag ? minifyHtml : null);
      } else {
        out += c;
        j++;
      }
    }
    return j;
  }

  function stringEnd(start: number): number {
    const quote = source[start];
    let j = start + 1;
    while (j < n && source[j] !== quote) j += source[j] === '\\' ? 2 : 1;
    return j + 1;
  }

  i = code(0, null);
  return i >= n ? out : out + source.slice(i);
}

export function minifyTemplatesPlugin(): Plugin {
  return {
    name: 'loyalty-minify-templates',
    apply: 'build',
    transform(source, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/(css|html)`/.test(source)) return null;
      return { code: minifyTemplates(source), map: null };
    },
  };
}
