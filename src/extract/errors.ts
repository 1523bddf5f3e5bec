export type ExtractErrorCode =
  | 'empty'
  | 'too_large'
  | 'unsupported_type'
  | 'type_mismatch'
  | 'no_text_layer'
  | 'encrypted'
  | 'corrupt'
  /** Over a parsing budget: inflated XML, the parser's time, or the extraction worker's time or memory. */
  | 'too_complex';

/**
 * The only error extractText throws on bad input. `message` is for logs; users see a message the
 * web layer picks by `code` in their language.
 */
export class ExtractError extends Error {
  readonly code: ExtractErrorCode;
  /** For unsupported_type/type_mismatch: what the content really is ('jpeg', 'doc', …). */
  readonly detail?: string;

  constructor(code: ExtractErrorCode, message: string, options?: { detail?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ExtractError';
    this.code = code;
    if (options?.detail !== undefined) this.detail = options.detail;
  }
}
