// `<script type="module" src=".../report-lens.js">` — defines <report-lens> (once, even if the
// script is included twice) and re-exports the package's functions for pages that want both.
import { ReportLensElement } from './element.js';

if (!customElements.get('report-lens')) customElements.define('report-lens', ReportLensElement);

export { ReportLensElement };
export { analyze, concordance, preload } from '../api/index.js';
