// The word cloud's font sizes, on a fixed ladder. echarts-wordcloud sizes each word on a
// continuous scale, so a cloud held 20 or more sizes. Each new size of a font costs Chromium a
// synchronous call to the browser process per font of the list, which waited up to 200 ms
// while the worker analysed (bench/README.md, eighteenth pass). On the ladder, the sizes are
// few and the type specimen (warm-type.js) lays them all out before the first report.

/** The sizes in px, small to large, about 1.19 times apart: 12-52 px, and 10-31 px in a
 * narrow chart (under 480 px). The narrow ladder reuses the wide one's steps: the specimen
 * lays out 11 sizes, not 16. */
export const CLOUD_SIZES = {
  wide: [12, 14, 16, 19, 22, 26, 31, 37, 44, 52],
  narrow: [10, 12, 14, 16, 19, 22, 26, 31],
};

/** The words' weight in the cloud (its textStyle). */
export const CLOUD_WEIGHT = 600;

/** The size of a word whose count is `value`, counts running from `min` to `max`: the step of
 * the ladder nearest to where the continuous scale would put it. */
export function cloudSize(value, min, max, ladder) {
  const [lo, hi] = [ladder[0], ladder[ladder.length - 1]];
  const px = max > min ? lo + ((value - min) / (max - min)) * (hi - lo) : lo;
  return ladder.reduce((best, s) => (Math.abs(s - px) < Math.abs(best - px) ? s : best));
}
