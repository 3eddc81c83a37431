// The word cloud's minimum font size probe that the build puts in place of echarts-wordcloud's
// own (tools/wordcloud-probe.mjs) gives the same size as the original, on canvases that draw text
// at any size and on canvases with a minimum font size from 1px to above 20px.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { patch, probeRange } from '../tools/wordcloud-probe.mjs';

const layout = readFileSync(createRequire(import.meta.url).resolve('echarts-wordcloud/src/layout.js'), 'utf8');

/** Runs a probe's text against a canvas whose text is never smaller than `minimum` px (0: no
 * minimum); returns its answer and the font sizes it measured. */
function run(source, minimum) {
  const [start, end] = probeRange(source);
  const probe = `${source.slice(start, end)}\n})();\nreturn minFontSize;`;
  const sizes = new Set();
  const ctx = {
    font: '',
    measureText(text) {
      const px = Number(/^(\d+)px/.exec(this.font)[1]);
      sizes.add(px);
      // widths as a canvas gives them: proportional to the size drawn, which a minimum raises
      return { width: Math.max(px, minimum) * (text === 'm' ? 0.833 : 1) };
    },
  };
  const document = { createElement: () => ({ getContext: () => ctx }) };
  const answer = new Function('document', 'isSupported', probe)(document, true);
  return { answer, sizes: sizes.size };
}

test('the patched probe answers as the original does, measuring fewer sizes', () => {
  const patched = patch(layout);
  assert.notEqual(patched, layout);
  for (const minimum of [0, 1, 2, 3, 9, 12, 13, 19, 20, 21, 36]) {
    const original = run(layout, minimum);
    const ours = run(patched, minimum);
    assert.equal(ours.answer, original.answer, `minimum ${minimum}px`);
    assert.ok(ours.sizes <= 8, `minimum ${minimum}px: ${ours.sizes} sizes measured`);
  }
  // the answers themselves: none, or the minimum (20 at most: the probe starts at 20px)
  assert.equal(run(patched, 0).answer, 0);
  assert.equal(run(patched, 12).answer, 12);
  assert.equal(run(patched, 36).answer, 20);
  // without a minimum, the original measures all 20 sizes; ours 2
  assert.equal(run(layout, 0).sizes, 20);
  assert.equal(run(patched, 0).sizes, 2);
});

test('a changed probe in the package fails the build instead of shipping a stale patch', () => {
  assert.throws(() => patch(layout.replaceAll("measureText('\\uFF37')", "measureText('W')")), /changed/);
  assert.throws(() => patch('var x = 1;'), /changed/);
});
