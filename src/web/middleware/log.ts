import type { NextFunction, Request, Response } from 'express';

/** One JSON line per request: machine-readable, and without query strings, which may carry names. */
export function requestLog(req: Request, res: Response, next: NextFunction) {
  const start = process.hrtime.bigint();
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    process.stdout.write(
      `${JSON.stringify({ t: new Date().toISOString(), level: res.statusCode >= 500 ? 'error' : 'info', method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10, user: req.ctx?.user?.id ?? null })}\n`,
    );
  });
  next();
}
