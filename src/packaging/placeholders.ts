import type { EnvValues } from './env-files';

/** `${{NAME}}`, as the Teams Toolkit writes placeholders (spaces inside the braces allowed). */
export const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export interface UnfilledPlaceholder {
  name: string;
  /** JSON pointer of the string that holds it. */
  pointer: string;
}

/** Every placeholder name in a text, in order of first appearance. */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

function escapePointer(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Fills placeholders inside every string of a JSON value; unset or empty names are reported with their pointer. */
export function fillPlaceholders(
  value: unknown,
  env: EnvValues,
): { value: unknown; unfilled: UnfilledPlaceholder[] } {
  const unfilled: UnfilledPlaceholder[] = [];
  const walk = (node: unknown, pointer: string): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (whole, name: string) => {
        const filled = env[name];
        if (filled === undefined || filled === '') {
          unfilled.push({ name, pointer: pointer || '/' });
          return whole;
        }
        return filled;
      });
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${pointer}/${i}`));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node).map(([k, v]) => [k, walk(v, `${pointer}/${escapePointer(k)}`)]),
      );
    }
    return node;
  };
  return { value: walk(value, ''), unfilled };
}
