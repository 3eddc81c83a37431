// What concordance() returns (src/concordance.rs): KWIC lines and collocates of a term.
import type { Span } from './analysis.js';

export interface Concordance {
  term: string;
  lines: ConcordanceLine[];
  collocates: Collocate[];
}

export interface ConcordanceLine {
  left: string;
  term: string;
  right: string;
  span: Span;
}

export interface Collocate {
  term: string;
  count: number;
  score: number;
}
