// import { analyze, concordance, preload } from 'report-lens'
// analysis.d.ts is generated from the Rust types (contract/analysis.d.ts in the repository).
import type { Analysis, Concordance } from './analysis.js';

export type * from './analysis.js';

/** A file's raw bytes (.txt, .md, .html, .docx in UTF-8, UTF-16 or GB18030), or text. */
export type AnalyzeInput = File | Blob | ArrayBuffer | Uint8Array | string;

export interface AnalyzeOptions {
  /** The file name recorded in Analysis.source.name (a File's own name by default). */
  name?: string;
  /** How many terms to list (all are counted in the stats). Default 300. */
  max_terms?: number;
  /** How many keywords per method. Default 20. */
  max_keywords?: number;
}

export interface ConcordanceOptions {
  /** Characters of context on each side. Default 20. */
  width?: number;
}

/**
 * Analyses a report in a Web Worker (one per page, shared with every <report-lens>). The
 * first call downloads the wasm (about 3.5 MB gzip). Rejects with an Error carrying the
 * core's message for input that is not a readable report (empty, binary, PDF, over 20 MB).
 * The caller's buffers are copied, never detached.
 */
export declare function analyze(input: AnalyzeInput, options?: AnalyzeOptions): Promise<Analysis>;

/** KWIC lines and collocates of `term` in `text` (the `text` of an Analysis). */
export declare function concordance(text: string, term: string, options?: ConcordanceOptions): Promise<Concordance>;

/** Starts loading the engine now; resolves with its load time once it is ready. */
export declare function preload(): Promise<{ ms: number }>;
