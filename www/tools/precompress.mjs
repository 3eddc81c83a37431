// Precompressed copies of a site's files: NAME.br (brotli) and NAME.gz (gzip -9) beside each
// compressible file, for servers that send them by Accept-Encoding (serve.mjs does; nginx
// `gzip_static`/`brotli_static` and most static hosts do too). Brotli at quality 11 takes
// seconds for the wasm, so outputs are cached by content hash and settings in
// node_modules/.cache: a rebuild recompresses only what changed.
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

// Quality 11 everywhere a page waits for the file: the 3.0 MB wasm took 8.3 s at 11 against
// 0.6 s at 9 (once per build: cached), for 1219 KiB instead of 1377 (-11%). Quality 9 only
// for the other large files, which no page loads to start (source maps, the offline page).
const brotliQuality = (size, file) => (file.endsWith('.wasm') || size <= 1 << 20 ? 11 : 9);
const brotliOptions = (size, quality) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: quality,
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
    const quality = brotliQuality(body.length, file);
    const [b, g] = await Promise.all([
      cached(body, `br${quality}`, (x) => br(x, brotliOptions(x.length, quality))),
      cached(body, 'gz', (x) => gz(x, { level: 9 })),
    ]);
    copyFileSync(b, `${file}.br`);
    copyFileSync(g, `${file}.gz`);
  });
  await Promise.all(jobs);
  return jobs.length;
}
