/**
 * Validation messages are i18n keys, optionally with parameters: `errors.range?min=0&max=100`.
 * The domain stays language-free; the web layer translates next to the field.
 */
export function msg(key: string, params: Record<string, string | number> = {}): string {
  const entries = Object.entries(params);
  return entries.length === 0 ? key : `${key}?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`;
}

export function parseMsg(message: string): { key: string; params: Record<string, string> } {
  const [key = message, query] = message.split('?', 2);
  return { key, params: query ? Object.fromEntries(new URLSearchParams(query)) : {} };
}
