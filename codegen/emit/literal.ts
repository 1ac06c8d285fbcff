/**
 * Prints descriptor objects as a TypeScript object literal: short objects on one line, longer ones one
 * property per line, keys unquoted where they are identifiers. Deterministic (insertion order).
 */
const LINE = 180;

export function printLiteral(value: unknown, indent = ''): string {
  const flat = printFlat(value);
  if (flat.length + indent.length <= LINE || value === null || typeof value !== 'object') return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => `${inner}${printLiteral(v, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${printLiteral(v, inner)},`).join('\n')}\n${indent}}`;
}

function printFlat(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(printFlat).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return entries.length ? `{ ${entries.map(([k, v]) => `${key(k)}: ${printFlat(v)}`).join(', ')} }` : '{}';
  }
  throw new Error(`cannot print ${typeof value}`);
}

function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name);
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}
