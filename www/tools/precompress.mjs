// Precompressed copies of a site's files: NAME.br (brotli) and NAME.gz (gzip -9) beside each
// compressible file, for servers that send them by Accept-Encoding (serve.mjs does; nginx
// `gzip_static`/`brotli_static` and most static hosts do too). Brotli at quality 11 takes about
// a minute for the 4.5 MB wasm, so outputs are cached by content hash in node_modules/.cache:
// a rebuild recompresses only what changed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { brotliCompress, gzip, constants } from 'node:zlib';
import { promisify } from 'node:util';
import { dirname, join, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.map', '.txt', '.md', '.svg']);
const cacheDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.cache', 'report-lens-precompress');
const br = promisify(brotliCompress);
const gz = promisify(gzip);

// quality 11 costs ~1 s per 100 KB; above 1 MB (the wasm, mostly an already-deflated
// dictionary) quality 9 is 2.5 % larger and 50 times faster
const brotliOptions = (size) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: size > 1 << 20 ? 9 : 11,
    [constants.BROTLI_PARAM_LGWIN]: 24,
    [constants.BROTLI_PARAM_SIZE_HINT]: size,
  },
});

function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (COMPRESSIBLE.has(extname(e.name))) yield p;
  }
}

async function cached(body, kind, make) {
  const key = `${createHash('sha256').update(body).digest('hex')}.${kind}`;
  const hit = join(cacheDir, key);
  if (existsSync(hit)) return hit;
  const out = await make(body);
  writeFileSync(hit, out);
  return hit;
}

/** Writes FILE.br and FILE.gz beside every compressible file under `dir`; returns their count. */
export async function precompress(dir) {
  mkdirSync(cacheDir, { recursive: true });
  const jobs = [...files(dir)].map(async (file) => {
    const body = readFileSync(file);
    const [b, g] = await Promise.all([
      cached(body, 'br', (x) => br(x, brotliOptions(x.length))),
      cached(body, 'gz', (x) => gz(x, { level: 9 })),
    ]);
    copyFileSync(b, `${file}.br`);
    copyFileSync(g, `${file}.gz`);
  });
  await Promise.all(jobs);
  return jobs.length;
}
