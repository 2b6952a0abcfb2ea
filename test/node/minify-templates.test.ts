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
