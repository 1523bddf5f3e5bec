import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The security headers every answer carries (helmet: content security policy, frame, referrer and sniffing rules).
 *
 * helmet builds them from its options; with these options they do not depend on the request (no nonces), so they are
 * asked of helmet once, at start, and each answer gets the same list, instead of helmet's chain of a dozen small
 * middlewares per request (about 1 % of the candidate list's CPU in a profile).
 */
export function securityHeaders(secureCookie: boolean): RequestHandler {
  const headers = headersOf(helmet(helmetOptions(secureCookie)));
  return (_req: Request, res: Response, next: NextFunction) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

export function helmetOptions(secureCookie: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Plain-HTTP installs on a LAN must not be forced to HTTPS for sub-resources.
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: secureCookie,
  };
}

/** The headers a middleware sets on an answer, in order; it must set them synchronously and call next(). */
export function headersOf(middleware: RequestHandler): [string, string | string[]][] {
  const set = new Map<string, string | string[]>();
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      set.set(name, typeof value === 'number' ? String(value) : Array.isArray(value) ? [...value] : (value as string));
      return res;
    },
    removeHeader: (name: string) => void set.delete(name),
    getHeader: (name: string) => set.get(name),
  };
  let called = false;
  middleware({ method: 'GET', headers: {}, url: '/' } as Request, res as unknown as Response, (err?: unknown) => {
    if (err) throw err;
    called = true;
  });
  if (!called) throw new Error('the security headers middleware did not finish synchronously');
  return [...set];
}
