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
  if (typeof value === 'number') return String(value);
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
  // Only the names the template's code mentions are declared: a row partial included 25 times a page would
  // otherwise copy every name of the page's data (fifty or more) into variables at each call.
  const mentioned = new Set(parsed.source.match(/[A-Za-z_$][\w$]*/g));
  const declared = names
    .filter((n) => mentioned.has(n))
    .map((n) => `, ${n} = locals.${n}`)
    .join('');
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

/** A set of data names, numbered so that an include finds its compiled template without joining names into a key. */
interface Shape {
  id: number;
  names: string[];
  /** The shape of this data plus an include's own names, by those names joined. */
  extended: Map<string, Shape>;
}

export function ejsViewEngine() {
  const sources = new Map<string, string>();
  /** Compiled templates by file, then by data shape. */
  const templates = new Map<string, Map<number, Template>>();
  /** Shapes of whole pages' data, by their names joined. */
  const shapes = new Map<string, Shape>();
  let shapeCount = 0;
  const newShape = (names: string[]): Shape => ({ id: ++shapeCount, names, extended: new Map() });
  /** An include's file, by the including file and the path written in it. */
  const targets = new Map<string, Map<string, string>>();

  const template = (file: string, shape: Shape, cache: boolean): Template => {
    let byShape = templates.get(file);
    let fn = cache ? byShape?.get(shape.id) : undefined;
    if (fn === undefined) {
      let text = cache ? sources.get(file) : undefined;
      if (text === undefined) {
        text = readFileSync(file, 'utf8');
        if (cache) sources.set(file, text);
      }
      fn = compile(file, text, shape.names);
      if (cache) {
        if (byShape === undefined) templates.set(file, (byShape = new Map()));
        byShape.set(shape.id, fn);
      }
    }
    return fn;
  };

  const target = (file: string, path: string): string => {
    let byPath = targets.get(file);
    if (byPath === undefined) targets.set(file, (byPath = new Map()));
    let out = byPath.get(path);
    if (out === undefined) byPath.set(path, (out = resolve(dirname(file), path) + (extname(path) ? '' : '.ejs')));
    return out;
  };

  const extend = (shape: Shape, extra: Data): Shape => {
    // Keyed by the include's own names as written (one or two, joined): an include inside a loop finds its shape
    // again without testing each name.
    const keys = Object.keys(extra);
    const key = keys.length === 1 ? keys[0]! : keys.join(',');
    let next = shape.extended.get(key);
    if (next === undefined) {
      const names = [...shape.names];
      for (const k of keys) if (declarable(k) && !names.includes(k)) names.push(k);
      shape.extended.set(key, (next = newShape(names)));
    }
    return next;
  };

  const render = (file: string, data: Data, shape: Shape, cache: boolean): string => {
    const include: Include = (path, extra) => {
      if (extra === undefined) return render(target(file, path), data, shape, cache);
      // The includer's data with the include's own on top, without copying the page's data at every row.
      const merged = Object.assign(Object.create(data) as Data, extra);
      return render(target(file, path), merged, extend(shape, extra), cache);
    };
    return template(file, shape, cache)(data, escapeHtml, include, rethrow);
  };

  const pageShape = (data: Data): Shape => {
    const names = Object.keys(data).filter(declarable);
    const key = names.join(',');
    let shape = shapes.get(key);
    if (shape === undefined) {
      shape = newShape(names);
      if (shapes.size < 1000) shapes.set(key, shape);
    }
    return shape;
  };

  // Express passes its `view cache` setting as `cache`: templates are re-read on every render in development.
  return (file: string, options: object, callback: (e: unknown, html?: string) => void): void => {
    let html: string;
    try {
      const data = options as Data;
      html = render(file, data, pageShape(data), data.cache === true);
    } catch (e) {
      callback(e);
      return;
    }
    callback(null, html);
  };
}
