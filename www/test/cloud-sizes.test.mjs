// The word cloud's sizes (src/element/cloud-sizes.js): each word on a step of the ladder, the
// step nearest to where the continuous scale it replaced put it, in the order of the counts.
import test from 'node:test';
import assert from 'node:assert/strict';
import { CLOUD_SIZES, cloudSize } from '../src/element/cloud-sizes.js';

test('counts map to the nearest step of the ladder, in order, the ends to the ends', () => {
  for (const ladder of Object.values(CLOUD_SIZES)) {
    const [lo, hi] = [ladder[0], ladder.at(-1)];
    assert.equal(cloudSize(3, 3, 40, ladder), lo);
    assert.equal(cloudSize(40, 3, 40, ladder), hi);
    let last = 0;
    for (let v = 3; v <= 40; v++) {
      const px = cloudSize(v, 3, 40, ladder);
      assert.ok(ladder.includes(px), `${px} on the ladder`);
      assert.ok(px >= last, 'a larger count is never smaller');
      const continuous = lo + ((v - 3) / 37) * (hi - lo);
      assert.ok(ladder.every((s) => Math.abs(s - continuous) >= Math.abs(px - continuous)), `${px} nearest to ${continuous}`);
      last = px;
    }
  }
  // a cloud of equal counts: every word at the smallest size, as the scale gave them
  assert.equal(cloudSize(5, 5, 5, CLOUD_SIZES.wide), 12);
});
