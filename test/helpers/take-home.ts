/**
 * A take-home link on a running server, reached over HTTP like a browser would: HR logs in with the
 * demo password, adds a candidate and assigns a task; the candidate submits files through the link.
 * Every request uses a fresh connection (agent: false): a pooled keep-alive socket can be closed
 * by the server's idle timer just as the client reuses it, which would fail a test for nothing.
 */
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

function send(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: Buffer; timeoutMs?: number } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: opts.method ?? 'GET', headers: opts.headers, agent: false, timeout: opts.timeoutMs ?? 60_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${opts.method ?? 'GET'} ${url} did not answer in time`)));
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** A client with one cookie jar. */
export function browser(base: string) {
  const jar = new Map<string, string>();
  return async (path: string, opts: { method?: string; headers?: Record<string, string>; body?: Buffer } = {}): Promise<Reply> => {
    const res = await send(`${base}${path}`, {
      ...opts,
      headers: { 'accept-language': 'en', ...opts.headers, cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    const cookies = res.headers['set-cookie'] ?? [];
    for (const c of Array.isArray(cookies) ? cookies : [cookies]) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return res;
  };
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`${what} failed`);
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

const form = (fields: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from(p.toString()) };
};

function multipart(
  fields: Record<string, string>,
  files: [name: string, data: Uint8Array][],
): { headers: Record<string, string>; body: Buffer } {
  const boundary = `----kam${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const [name, data] of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    parts.push(Buffer.from(data), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: Buffer.concat(parts) };
}

/** Logs HR in, adds a candidate to the demo vacancy, assigns the commercial-proposal task; returns the link's token. */
export async function takeHomeLink(base: string, password: string): Promise<string> {
  const hr = browser(base);
  const login = await hr('/login');
  check((await hr('/login', form({ _csrf: csrfOf(login.text), username: 'hr', password }))).status === 302, 'HR login');
  const vacancyId = /\/vacancies\/(\d+)/.exec((await hr('/vacancies')).text)![1]!;
  const csrf = csrfOf((await hr('/')).text);
  const today = new Date().toISOString().slice(0, 10);
  const add = await hr(
    `/vacancies/${vacancyId}/candidates`,
    form({
      _csrf: csrf,
      full_name: 'Тестова Вера Павловна',
      email: 'vera.testova@example.ru',
      phone: '+7 916 000-11-22',
      source: 'hh',
      resume_text: 'Менеджер по работе с ключевыми клиентами, 2019–2024, ООО «Пример».',
      consent: '1',
      consent_date: today,
    }),
  );
  check(add.status === 302, 'adding the candidate');
  const candidateId = String(add.headers.location).split('/').pop()!;
  const page = (await hr(`/candidates/${candidateId}/assignments/new`)).text;
  const graders = [...page.matchAll(/name="graders" value="(\d+)"/g)].map((m) => m[1]!);
  const deadline = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);
  const created = await hr(
    `/candidates/${candidateId}/assignments`,
    form({
      _csrf: csrf,
      item: 'task:task-commercial-proposal',
      lang: 'en',
      date: deadline,
      time: '18:00',
      grace_hours: '24',
      graders,
      brief: '',
    }),
  );
  check(created.status === 200, 'assigning the task');
  return /\/t\/([A-Za-z0-9_-]+)/.exec(created.text)![1]!;
}

/** GET /health; resolves with the status. */
export async function health(base: string): Promise<number> {
  return (await send(`${base}/health`, { timeoutMs: 5000 })).status;
}

/** Opens the link (for its session and CSRF token) and submits the files, as a candidate's browser does. */
export async function submit(
  base: string,
  token: string,
  files: [name: string, data: Uint8Array][],
): Promise<{ status: number; html: string; ms: number }> {
  const candidate = browser(base);
  const page = (await candidate(`/t/${token}`)).text;
  const { headers, body } = multipart(
    { _csrf: csrfOf(page), idempotency_key: /name="idempotency_key" value="([^"]+)"/.exec(page)![1]!, body: '', link: '' },
    files,
  );
  const started = Date.now();
  const res = await candidate(`/t/${token}`, { method: 'POST', headers, body });
  return { status: res.status, html: res.text, ms: Date.now() - started };
}
