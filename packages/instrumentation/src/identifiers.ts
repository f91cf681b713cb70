/** TypeScript identifiers for metric names: `tunnel_errors_total` → `tunnelErrorsTotal` / `TunnelErrorsTotal`. */

function words(name: string): string[] {
  return name.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
}

export function pascalCase(name: string): string {
  const id = words(name)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
  return /^[0-9]/.test(id) ? `M${id}` : id;
}

export function camelCase(name: string): string {
  const id = pascalCase(name);
  return id.charAt(0).toLowerCase() + id.slice(1);
}

/** A TypeScript string literal (JSON string syntax is valid TypeScript). */
export function literal(value: string): string {
  return JSON.stringify(value);
}

/** Text safe inside a JSDoc block on one line. */
export function docText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\*\//g, '*\\/').trim();
}
