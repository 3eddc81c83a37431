// Saved analyses dropped on the page: a `.json` file holding one Analysis (what the CLI's
// `analyze` or the page's JSON export writes), an array of them, or JSON Lines (the CLI's
// `corpus` writes analyses.jsonl). They are shown again as they are, without the reports.

export const ANALYSIS_SCHEMA = 'report-lens/analysis@1';

const isAnalysis = (x) => x && typeof x === 'object' && x.schema === ANALYSIS_SCHEMA && typeof x.id === 'string' && typeof x.text === 'string';

/** Whether a file looks like saved JSON (by its name or type; the content decides). */
export function looksSaved(file) {
  return /\.(json|jsonl)$/i.test(file?.name ?? '') || /json/.test(file?.type ?? '');
}

/**
 * The analyses in a saved file's text; throws { key, vars } when it is JSON but not analyses
 * (or not JSON at all), so that the page says what is wrong with it.
 */
export function readSaved(text) {
  const body = text.replace(/^\uFEFF/, '').trim();
  let values;
  try {
    const v = JSON.parse(body);
    values = Array.isArray(v) ? v : [v];
  } catch {
    try {
      values = body.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
    } catch {
      throw Object.assign(new Error('not JSON'), { key: 'error.savedJson' });
    }
  }
  const schema = values.find((v) => v && typeof v === 'object' && typeof v.schema === 'string' && v.schema !== ANALYSIS_SCHEMA)?.schema;
  if (!values.length || !values.every(isAnalysis)) throw Object.assign(new Error('not analyses'), { key: 'error.savedSchema', vars: { schema: schema ?? '' } });
  return values;
}
