import ejs from 'ejs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ejsViewEngine, escapeHtml } from '../../src/web/view-engine.js';

let dir: string;

const files: Record<string, string> = {
  'page.ejs': '<h1><%= title %></h1><% for (const r of rows) { %><%- include("partials/row", { r }) %><% } %>',
  'partials/row.ejs': '<li data-t="<%= title %>"><%= r.name %><% if (typeof note !== "undefined") { %> (<%= note %>)<% } %></li>',
  // A template that declares a name the data also carries, as views do with `const err = …`.
  'shadow.ejs': '<% const title = "local"; %><%= title %>|<%= locals.title %>',
  'raw.ejs': '<%- html %>|<%= html %>',
  'broken.ejs': 'line one\nline two <%= missing.deeper %>\nline three',
  'outer.ejs': 'before\n<%- include("broken") %>',
};

function render(name: string, data: Record<string, unknown>, cache = true): Promise<string> {
  const engine = ejsViewEngine();
  return new Promise((resolve, reject) =>
    engine(join(dir, name), { ...data, cache }, (e, html) => (e ? reject(e as Error) : resolve(html!))),
  );
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kam-views-'));
  mkdirSync(join(dir, 'partials'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('escapeHtml', () => {
  it('escapes exactly as ejs does', () => {
    for (const v of [
      'plain',
      'a & b < c > d "e" \'f\'',
      '<script>alert(1)</script>',
      '',
      0,
      12.5,
      null,
      undefined,
      true,
      { toString: () => '<x>' },
    ]) {
      expect(escapeHtml(v)).toBe(ejs.escapeXML(v as string));
    }
  });
});

describe('ejsViewEngine', () => {
  it('renders like ejs, includes get the includer data plus their own, and optional names work with typeof', async () => {
    const data = { title: 'Кандидаты & <вакансии>', rows: [{ name: 'Анна' }, { name: '<b>Борис</b>' }] };
    const html = await render('page.ejs', data);
    expect(html).toBe(
      '<h1>Кандидаты &amp; &lt;вакансии&gt;</h1>' +
        '<li data-t="Кандидаты &amp; &lt;вакансии&gt;">Анна</li>' +
        '<li data-t="Кандидаты &amp; &lt;вакансии&gt;">&lt;b&gt;Борис&lt;/b&gt;</li>',
    );
    expect(await render('partials/row.ejs', { title: 't', r: { name: 'n' }, note: 'примечание' })).toBe(
      '<li data-t="t">n (примечание)</li>',
    );
  });

  it('gives the same output with and without the template cache', async () => {
    const data = { title: 'T', rows: [{ name: 'x' }] };
    expect(await render('page.ejs', data, false)).toBe(await render('page.ejs', data, true));
  });

  it('lets a template declare a name the data carries, and still reads the data through locals', async () => {
    expect(await render('shadow.ejs', { title: 'from data' })).toBe('local|from data');
  });

  it('outputs <%- %> unescaped and <%= %> escaped', async () => {
    expect(await render('raw.ejs', { html: '<em>ok</em>' })).toBe('<em>ok</em>|&lt;em&gt;ok&lt;/em&gt;');
  });

  it('names file and line of a template error, at every include level', async () => {
    const error = await render('outer.ejs', {}).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(ReferenceError);
    expect(error!.message).toContain(`${join(dir, 'broken.ejs')}:2`);
    expect(error!.message).toContain(' >> 2| line two <%= missing.deeper %>');
    expect(error!.message).toContain(`${join(dir, 'outer.ejs')}:2`);
    expect(error!.message).toContain('missing is not defined');
  });

  it('treats a missing name as an error, as ejs does, instead of printing nothing', async () => {
    await expect(render('partials/row.ejs', { title: 't' })).rejects.toThrow(/r is not defined/);
  });
});
