import type { NextFunction, Request, Response } from 'express';

// Writing to stdout is synchronous for files and pipes, so one write per request would block the server once per
// request. Lines are collected and written together instead: at most FLUSH_MS late, and at once when many are
// waiting or the process exits (process.exit included, which the SIGTERM handler uses).
const FLUSH_MS = 100;
const MAX_PENDING = 256;
let pending: string[] = [];
let timer: NodeJS.Timeout | null = null;

export function flushRequestLog(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  if (pending.length === 0) return;
  const text = pending.join('');
  pending = [];
  process.stdout.write(text);
}
process.on('exit', flushRequestLog);

/** One JSON line per request: machine-readable, and without query strings, which may carry names. */
export function requestLog(req: Request, res: Response, next: NextFunction) {
  const start = process.hrtime.bigint();
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    pending.push(
      `${JSON.stringify({ t: new Date().toISOString(), level: res.statusCode >= 500 ? 'error' : 'info', method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10, user: req.ctx?.user?.id ?? null })}\n`,
    );
    if (pending.length >= MAX_PENDING) flushRequestLog();
    else if (!timer) timer = setTimeout(flushRequestLog, FLUSH_MS).unref();
  });
  next();
}
