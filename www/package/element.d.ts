// import 'report-lens/element' — defines <report-lens>.
import type { Analysis } from './analysis.js';
import type { AnalyzeInput, AnalyzeOptions } from './index.js';

export { analyze, concordance, preload } from './index.js';
export type * from './index.js';

/** Panels the `panels` attribute can list (space- or comma-separated), in page order. */
export type PanelName =
  | 'intake'
  | 'compare'
  | 'overview'
  | 'outline'
  | 'articles'
  | 'warnings'
  | 'achievements'
  | 'vocabulary'
  | 'formulations'
  | 'themes'
  | 'entities'
  | 'concordance'
  | 'text'
  | 'exports';

export type ReportLensState = 'idle' | 'loading' | 'ready' | 'busy' | 'done' | 'error';

export interface ReportLensEvents {
  /** The analysis engine is loaded (the element was seen or used). */
  'report-lens:ready': CustomEvent<{ ms: number }>;
  /** A report was analysed and shown; detail is its Analysis. */
  'report-lens:analysed': CustomEvent<Analysis>;
  /** A report could not be analysed, or the engine failed; detail is the message. */
  'report-lens:error': CustomEvent<string>;
}

/**
 * <report-lens lang="zh|en" panels="…" src="report.txt" compact loading="lazy|eager">
 * The events bubble and cross the shadow boundary (composed).
 */
export declare class ReportLensElement extends HTMLElement {
  /** The Analysis shown now; null before the first. */
  readonly analysis: Analysis | null;
  /** Every Analysis of this element, in the order analysed. */
  readonly reports: Analysis[];
  readonly state: ReportLensState;
  /** Load and analysis times in milliseconds (diagnostics). */
  readonly timings: { engineMs: number | null; analyses: { name: string; ms: number; bytes: number }[] };
  /** Analyses a report, shows it, and resolves to its Analysis (rejects with the message). */
  analyze(input: AnalyzeInput, options?: AnalyzeOptions): Promise<Analysis>;
  /** Forgets every report. */
  clear(): void;
  addEventListener<K extends keyof ReportLensEvents>(type: K, listener: (this: ReportLensElement, ev: ReportLensEvents[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: ReportLensElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ReportLensEvents>(type: K, listener: (this: ReportLensElement, ev: ReportLensEvents[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: ReportLensElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'report-lens': ReportLensElement;
  }
  // the events bubble: a host may listen on any ancestor or the document
  interface HTMLElementEventMap extends ReportLensEvents {}
  interface DocumentEventMap extends ReportLensEvents {}
}
