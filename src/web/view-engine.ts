import ejs from 'ejs';
import { readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';

/**
 * The express view engine for views/*.ejs.
 *
 * Why not ejs's own `renderFile`: by default ejs wraps every template in `with (locals) { … }`, and V8 resolves
 * each name inside a `with` block through a slow runtime lookup. The candidate list does several hundred such
 * lookups per page, which made templating the largest single cost of a page view. Here each template is compiled
 * without `with`; the names the data actually carries are declared as plain variables instead (one compiled
 * function per template and set of names). Templates read exactly as before: a missing name is still a
 * ReferenceError, `typeof x` still works for optional ones, and includes receive the includer's data plus their own.
 * The template body sits in a block of its own, so its `const` declarations may reuse a data name.
 */

type Data = Record<string, unknown>;
type Include = (path: string, extra?: Data) => string;
type Template = (locals: Data, escapeFn: (v: unknown) => string, include: Include, rethrow: (...a: never[]) => never) => string;

// Names the compiled function itself uses, or that cannot be declared as variables.
const NOT_DECLARABLE = new Set([
  'locals',
  '__unused',
  '__output',
  '__append',
  '__line',
  '__lines',
  '__filename',
  'escapeFn',
  'include',
  'rethrow',
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'yield',
  'let',
  'static',
  'implements',
  'interface',
  'package',
  'private',
  'protected',
  'public',
  'await',
  'arguments',
  'eval',
]);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const declarable = (name: string) => IDENTIFIER.test(name) && !NOT_DECLARABLE.has(name);

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };
const NEEDS_ESCAPE = /[&<>"']/;

/** The same output as ejs's escapeXML, but most values (numbers, plain words) skip the replace entirely. */
export function escapeHtml(value: unknown): string {
  if (value === undefined || value === null) return '';
  const s = typeof value === 'string' ? value : String(value);
  return NEEDS_ESCAPE.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : s;
}

// ejs's parser, used for the template body only; the function around it is built below.
const EjsTemplate = (ejs as unknown as { Template: new (text: string, opts: object) => { generateSource(): void; source: string } })
  .Template;

/** Adds the template's file, line and surrounding lines to an error thrown while rendering it, at each include level (as ejs does). */
function rethrow(err: unknown, lines: string, file: string, line: number): never {
  if (!(err instanceof Error)) throw err;
  const all = lines.split('\n');
  const from = Math.max(line - 3, 0);
  const context = all
    .slice(from, Math.min(all.length, line + 3))
    .map((l, i) => `${i + from + 1 === line ? ' >> ' : '    '}${i + from + 1}| ${l}`)
    .join('\n');
  err.message = `${file}:${line}\n${context}\n\n${err.message}`;
  throw err;
}

function compile(file: string, text: string, names: string[]): Template {
  const parsed = new EjsTemplate(text, { filename: file, escape: escapeHtml, compileDebug: true });
  parsed.generateSource();
  const declared = names.map((n) => `, ${n} = locals.${n}`).join('');
  const src = `var __line = 1, __lines = ${JSON.stringify(text)}, __filename = ${JSON.stringify(file)};
try {
  var __output = '';
  function __append(s) { if (s !== undefined && s !== null) __output += s; }
  var __unused = 0${declared};
  {
${parsed.source}
  }
  return __output;
} catch (e) {
  rethrow(e, __lines, __filename, __line);
}
//# sourceURL=${file}
`;
  // The template text is the app's own views/ file, never user input.
  return new Function('locals, escapeFn, include, rethrow', src).bind(null) as Template;
}

export function ejsViewEngine() {
  const sources = new Map<string, string>();
  const templates = new Map<string, Template>();

  const template = (file: string, names: string[], cache: boolean): Template => {
    const key = `${file}\0${names.join(',')}`;
    let fn = cache ? templates.get(key) : undefined;
    if (fn === undefined) {
      let text = cache ? sources.get(file) : undefined;
      if (text === undefined) {
        text = readFileSync(file, 'utf8');
        if (cache) sources.set(file, text);
      }
      fn = compile(file, text, names);
      if (cache) templates.set(key, fn);
    }
    return fn;
  };

  const render = (file: string, data: Data, cache: boolean): string => {
    const include: Include = (path, extra) => {
      const target = resolve(dirname(file), path) + (extname(path) ? '' : '.ejs');
      return render(target, extra ? { ...data, ...extra } : data, cache);
    };
    return template(file, Object.keys(data).filter(declarable), cache)(data, escapeHtml, include, rethrow);
  };

  // Express passes its `view cache` setting as `cache`: templates are re-read on every render in development.
  return (file: string, options: object, callback: (e: unknown, html?: string) => void): void => {
    let html: string;
    try {
      const data = options as Data;
      html = render(file, data, data.cache === true);
    } catch (e) {
      callback(e);
      return;
    }
    callback(null, html);
  };
}
