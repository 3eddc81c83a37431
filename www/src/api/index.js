// The package's entry: `import { analyze, concordance } from 'report-lens'`. The analysis runs
// in the page's one worker (shared with any <report-lens> element); the wasm is fetched on the
// first call, or at preload().
import { engine } from '../engine/engine.js';

/**
 * Analyses a report: a File, Blob, ArrayBuffer or Uint8Array of a file's raw bytes (.txt, .md,
 * .html, .docx in UTF-8, UTF-16 or GB18030), or a string of text. Resolves to the Analysis
 * (the same object as the CLI's JSON); rejects with an Error carrying the core's message.
 */
export async function analyze(input, options = {}) {
  return (await engine().analyze(input, options)).analysis;
}

/** KWIC lines and collocates of `term` in `text` (the `text` field of an Analysis). */
export function concordance(text, term, options = {}) {
  return engine().concordance(text, term, options);
}

/** Starts loading the engine now; resolves to { ms } when it is ready. */
export function preload() {
  return engine().start();
}
