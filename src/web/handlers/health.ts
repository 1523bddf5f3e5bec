import type { Request, Response } from 'express';

export function show(req: Request, res: Response) {
  // A query proves the database answers, not just that the process is up.
  res.json({ status: 'ok', schema: req.ctx.repos.system.schemaVersion() });
}
