import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyCss, minifyHtml, minifyTemplates } from '../../scripts/minify-templates.ts';

test('CSS loses comments and formatting, not meaning', () => {
  assert.equal(
    minifyCss(`
    /* why */
    :host {
      inline-size: calc(100% - 2px);
      font: 1em / 1.4 system-ui, sans-serif;
    }
    a :hover { color: red; }`).trim(),
    ':host{inline-size:calc(100% - 2px);font:1em / 1.4 system-ui,sans-serif}a :hover{color:red}',
  );
});

test('CSS child combinators, calc() products and leading zeros lose their spare characters', () => {
  assert.equal(
    minifyCss('.card > :last-child { gap: calc(var(--s) * 0.5); opacity: 0.45; inline-size: 10.5rem; }'),
    '.card>:last-child{gap:calc(var(--s)*.5);opacity:.45;inline-size:10.5rem}',
  );
  // A descendant universal selector keeps its space; so do sums and negative numbers.
  assert.equal(minifyCss('.a * .b { margin: calc(1rem + 2px) -0.5em; }'), '.a * .b{margin:calc(1rem + 2px) -0.5em}');
});

test('HTML whitespace with line breaks becomes one space', () => {
  assert.equal(minifyHtml('<p>\n    a\n    <b>b</b>\n  </p>'), '<p> a <b>b</b> </p>');
  assert.equal(minifyHtml('<p>a  b</p>'), '<p>a  b</p>');
});

test('only tagged css/html literals change; expressions and other strings stay', () => {
  const source = [
    "const a = 'keep\\n   this';",
    'const b = html`<div>\n   ${c ? html`<i>\n  x</i>` : `plain\n   text`}\n</div>`;',
    'const s = css`\n  :host { color: red; }\n`;',
    '// html`\n  in a comment`',
    'const t = `untagged\n   `;',
  ].join('\n');
  const result = minifyTemplates(source);
  assert.ok(result.includes("'keep\\n   this'"));
  assert.ok(result.includes('html`<div> ${c ? html`<i> x</i>` : `plain\n   text`} </div>`'), result);
  assert.ok(result.includes('css` :host{color:red}`'), result);
  assert.ok(result.includes('// html`\n  in a comment`'));
  assert.ok(result.includes('`untagged\n   `'));
});
