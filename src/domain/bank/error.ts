/** A malformed bank file, named with the field at fault. Its own module, so the server can catch it without loading the parser. */
export class BankError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    detail: string,
  ) {
    super(`${file}: ${field ? `field "${field}": ` : ''}${detail}`);
    this.name = 'BankError';
  }
}
