// A small static server for www/dist (no dependencies). Usage: node serve.mjs [port]
// serve(port, host, root) serves another directory (the tests serve a Vite build with it).
// Port 0 picks a free port. Prints the URL on stdout once listening. The CSP header lets the
// page load only its own assets, so a report can never leave the browser.
// Files built with a .br or .gz beside them (www/build.mjs writes both) are sent compressed
// when the browser accepts it: brotli first, then gzip, else as they are.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, normalize, extname } from 'node:path';

const distRoot = join(dirname(fileURLToPath(import.meta.url)), 'dist');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.mjs': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
};
const csp = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
].join('; ');

/** The encodings a request accepts (q=0 refuses), from its Accept-Encoding header. */
export function acceptedEncodings(header = '') {
  const ok = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
    if (name && (!q || Number(q[1]) > 0)) ok.add(name);
  }
  return ok;
}

/** The file to send for `file`: its .br or .gz copy if accepted and present, else itself. */
async function variant(file, accepted) {
  for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!accepted.has(encoding) && !accepted.has('*')) continue;
    try {
      const s = await stat(file + ext);
      if (s.isFile()) return { path: file + ext, encoding, stat: s };
    } catch {}
  }
  return { path: file, encoding: null, stat: await stat(file) };
}

export function serve(port = 0, host = '127.0.0.1', root = distRoot) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path.endsWith('/')) path += 'index.html';
    const file = join(root, path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const v = await variant(file, acceptedEncodings(req.headers['accept-encoding']));
      if (!v.stat.isFile()) throw new Error('not a file');
      // revalidated on every load (no-cache), answered 304 while the file is unchanged
      const etag = `"${v.stat.size.toString(36)}-${Math.round(v.stat.mtimeMs).toString(36)}${v.encoding ? `-${v.encoding}` : ''}"`;
      const headers = {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': csp,
        'cache-control': 'no-cache',
        etag,
        vary: 'Accept-Encoding',
        ...(v.encoding && { 'content-encoding': v.encoding }),
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      const body = await readFile(v.path);
      res.writeHead(200, { ...headers, 'content-length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  const server = await serve(port);
  console.log(`report-lens demo: http://127.0.0.1:${server.address().port}/`);
}
