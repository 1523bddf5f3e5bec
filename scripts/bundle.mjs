/**
 * The server's start-up bundle (used by scripts/run.mjs).
 *
 * Loading dist/ module by module costs a start most of its time: about 190 of our modules and some 400 of the
 * packages', each resolved, read, compiled and linked. So after `tsc`, the build joins dist/server.js and everything it
 * imports into one CommonJS file, dist/bundle/server.js (esbuild; better-sqlite3 stays outside, being a native
 * addon, and so do the packages the code loads only when a feature needs them: src/domain/lazy.ts, nodemailer).
 *
 * At start the file is compiled with V8's code cache (dist/bundle/server.cache): the first start writes it, later starts
 * skip most of the parsing and compiling. V8 checks the cache against the source's length and its own version and
 * flags; every build deletes dist/ (the cache with it), so a cache never outlives the bundle it was made from.
 *
 * The bundle sits two folders deep, like every compiled module, so the paths the code finds from `import.meta.url`
 * (views/, locales/, mail-templates/, src/db/migrations/, ../extract/worker.js) point where they do from dist/web/….
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

const require = createRequire(import.meta.url);

/** Writes dist/bundle/server.js from dist/server.js; false (the app then runs unbundled) when esbuild is missing. */
export function bundleServer(dist, quiet = false) {
  let esbuild;
  try {
    esbuild = require('esbuild');
  } catch {
    if (!quiet) console.error('esbuild is not installed: the server runs from dist/ unbundled (slower to start).');
    return false;
  }
  const outDir = join(dist, 'bundle');
  try {
    writeBundle(esbuild, dist, outDir);
    return true;
  } catch (e) {
    // The app still runs, from dist/ module by module: slower to start, never broken by the bundle.
    rmSync(outDir, { recursive: true, force: true });
    console.error(`Bundling the server failed, so it runs from dist/ unbundled (slower to start): ${e instanceof Error ? e.message : e}`);
    return false;
  }
}

function writeBundle(esbuild, dist, outDir) {
  mkdirSync(outDir, { recursive: true });
  // CommonJS, so V8's code cache applies (node:vm compiles scripts with a cache; ES modules have none on Node 20).
  writeFileSync(join(outDir, 'package.json'), '{ "type": "commonjs" }\n');
  const out = join(outDir, 'server.js');
  esbuild.buildSync({
    entryPoints: [join(dist, 'server.js')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // better-sqlite3 is a native addon; nodemailer is imported on the first message (services/mail-sender.ts), and the
    // packages src/domain/lazy.ts loads on first use are required at run time, so esbuild leaves them out by itself.
    external: ['better-sqlite3', 'nodemailer', 'iconv-lite'],
    define: { 'import.meta.url': '__kam_module_url' },
    banner: { js: "var __kam_module_url = require('node:url').pathToFileURL(__filename).href;" },
    minify: true,
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  // esbuild escapes non-ASCII text in strings but keeps it in regular expressions (the Cyrillic in ours). One such
  // character makes Node read the whole file as UTF-16, twice its size and several times slower to read and hash;
  // \uXXXX means the same character in a string, a template and a regular expression alike.
  const code = readFileSync(out, 'utf8');
  if (/[\u{10000}-\u{10FFFF}]/u.test(code)) throw new Error('the bundle has a character outside the BMP: cannot escape it');
  writeFileSync(
    out,
    code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

/** The bundle's path, when the build made one. */
export function bundleOf(dist) {
  const file = join(dist, 'bundle', 'server.js');
  return existsSync(file) ? file : null;
}

/**
 * Runs the bundle as Node runs a CommonJS main module, compiled with the code cache when there is a valid one; when
 * there is none (the first start after a build, or another Node version), one is written once the modules are loaded.
 */
export function runBundle(file) {
  const cacheFile = file.replace(/\.js$/, '.cache');
  const source = readFileSync(file, 'latin1'); // ASCII only (see bundleServer): read without decoding
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const mod = new Module(file);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(dirname(file));
  mod.loaded = true;
  process.mainModule = mod;
  const req = createRequire(file);
  req.main = mod;
  script.runInThisContext().call(mod.exports, mod.exports, req, mod, file, dirname(file));
  if (cachedData === undefined || script.cachedDataRejected) {
    // After the modules have run (the functions they compiled are in the cache too), before the first request.
    setImmediate(() => {
      try {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
      } catch {
        // A read-only dist/: every start compiles, as without a cache.
      }
    });
  }
}
