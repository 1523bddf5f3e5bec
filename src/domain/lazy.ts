import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A CommonJS package loaded on its first use, not when the server starts: a start loads only what the first page
 * needs (sanitize-html with postcss and htmlparser2, gray-matter with js-yaml, multer, libphonenumber's metadata wait
 * until a page, a letter, an upload or a bank import needs them). The server's bundle (scripts/bundle.mjs) leaves
 * them out, and they load from node_modules on that first call.
 */
export function lazyPackage<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
