// The embedding page's side of the iframe protocol (a classic script: no modules needed).
var frame = document.getElementById('lens');
// replies are accepted from the frame's window at the frame's origin only, and reports are
// sent to that origin only
var frameOrigin = new URL(frame.src, location.href).origin;
var pending = {};
window.addEventListener('message', function (e) {
  if (e.source !== frame.contentWindow || e.origin !== frameOrigin || !e.data) return;
  if (e.data.type === 'report-lens:ready') window.lensReady = true;
  var p = pending[e.data.id];
  if (!p) return;
  delete pending[e.data.id];
  if (e.data.type === 'report-lens:analysed') p.resolve(e.data.analysis);
  else p.reject(new Error(e.data.message));
});
var next = 1;
/** Sends a report (string, ArrayBuffer, Uint8Array, Blob or File) and resolves to its Analysis. */
window.analyzeInFrame = function (input, name) {
  var id = next++;
  return new Promise(function (resolve, reject) {
    pending[id] = { resolve: resolve, reject: reject };
    frame.contentWindow.postMessage({ type: 'report-lens:analyze', id: id, input: input, name: name }, frameOrigin);
  });
};
  
