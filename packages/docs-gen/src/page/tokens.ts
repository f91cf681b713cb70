/**
 * View-model values stand in a template's output as tokens (private-use characters around the
 * value's index), so the template's structure can be read without reading the values.
 */
export const TOKEN = /\uE000(\d+)\uE001/g;
export const TOKEN_ONLY = /^\uE000(\d+)\uE001$/;

export function token(index: number): string {
  return `\uE000${index}\uE001`;
}
