// The iframe alternative: this page holds one <report-lens>; the embedding page sends reports
// in and gets Analyses out with postMessage.
//   in:  { type: 'report-lens:analyze', id, input, name?, options? }
//        input: a string, ArrayBuffer, Uint8Array, Blob or File
//   out: { type: 'report-lens:ready' } once, to the parent (no data)
//        { type: 'report-lens:analysed', id, analysis } | { type: 'report-lens:error', id, message },
//        only to the window that asked, at its origin.
import '../element/report-lens.js';

const lens = document.getElementById('lens');
const query = new URLSearchParams(location.search);
for (const attr of ['lang', 'panels']) if (query.has(attr)) lens.setAttribute(attr, query.get(attr));
if (query.has('compact')) lens.setAttribute('compact', '');

lens.addEventListener('report-lens:ready', () => parent !== window && parent.postMessage({ type: 'report-lens:ready' }, '*'), { once: true });

window.addEventListener('message', async (e) => {
  const msg = e.data;
  if (!msg || msg.type !== 'report-lens:analyze' || !e.source) return;
  const reply = (data) => e.source.postMessage({ id: msg.id, ...data }, e.origin === 'null' ? '*' : e.origin);
  try {
    const analysis = await lens.analyze(msg.input, { ...(msg.options ?? {}), name: msg.name ?? msg.input?.name ?? '' });
    reply({ type: 'report-lens:analysed', analysis });
  } catch (err) {
    reply({ type: 'report-lens:error', message: String(err?.message ?? err) });
  }
});
