/** The OData bits the emulator honours: `$select`, `$top`, `$skip`, and the `Prefer` header. */
import { invalidParameter } from './graph-errors';

/** `$select` as canonical property names (case-insensitive match), or `null` when absent. */
export function selectedFields(
  query: Map<string, string>,
  known: readonly string[],
  typeName: string,
): string[] | null {
  const raw = query.get('$select');
  if (raw === undefined) return null;
  const fields: string[] = [];
  for (const part of raw.split(',')) {
    const wanted = part.trim();
    if (wanted === '') continue;
    const canonical = known.find((name) => name.toLowerCase() === wanted.toLowerCase());
    if (!canonical) {
      throw invalidParameter(
        `Could not find a property named '${wanted}' on type 'microsoft.graph.${typeName}'.`,
      );
    }
    if (!fields.includes(canonical)) fields.push(canonical);
  }
  return fields;
}

/**
 * Keeps OData annotations, `id` and the selected fields (in `$select` order). A selected property the
 * emulator does not fill comes back as `null`, as Graph does for unset properties.
 */
export function applySelect(value: object, fields: readonly string[] | null): Record<string, unknown> {
  if (fields === null) return Object.fromEntries(Object.entries(value));
  const source = value as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    if (key.startsWith('@odata.')) picked[key] = source[key];
  }
  picked.id = Object.hasOwn(source, 'id') ? source.id : undefined;
  for (const field of fields) {
    if (field !== 'id') picked[field] = Object.hasOwn(source, field) ? source[field] : null;
  }
  return picked;
}

function wholeNumber(query: Map<string, string>, name: string): number | null {
  const raw = query.get(name);
  if (raw === undefined) return null;
  if (!/^\d+$/.test(raw.trim()))
    throw invalidParameter(`Invalid value '${raw}' for query option ${name}: a whole number is expected.`);
  return Number(raw.trim());
}

/** `$top`: default page size when absent, at most `max` (larger values are clamped, as Graph does). */
export function pageSize(query: Map<string, string>, fallback: number, max: number): number {
  const top = wholeNumber(query, '$top');
  if (top === null) return fallback;
  if (top < 1) throw invalidParameter('$top must be at least 1.');
  return Math.min(top, max);
}

export function skipCount(query: Map<string, string>, name = '$skip'): number {
  return wholeNumber(query, name) ?? 0;
}

export interface Preferences {
  timeZone?: string;
  maxPageSize?: number;
}

/** Parses `Prefer: outlook.timezone="Pacific Standard Time", odata.maxpagesize=50`. */
export function parsePrefer(header: string | undefined): Preferences {
  const preferences: Preferences = {};
  if (!header) return preferences;
  const pattern = /([\w.-]+)\s*=\s*("([^"]*)"|[^,;\s]+)/g;
  for (const match of header.matchAll(pattern)) {
    const name = (match[1] ?? '').toLowerCase();
    const value = match[3] ?? match[2] ?? '';
    if (name === 'outlook.timezone') preferences.timeZone = value;
    if (name === 'odata.maxpagesize' && /^\d+$/.test(value) && Number(value) > 0)
      preferences.maxPageSize = Number(value);
  }
  return preferences;
}

/** A required ISO date-time query parameter; no offset means UTC (as Graph reads it). */
export function dateTimeParameter(query: Map<string, string>, name: string, label: string): number {
  const raw = query.get(name.toLowerCase());
  if (raw === undefined || raw.trim() === '') {
    throw invalidParameter(
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
    );
  }
  // An unencoded `+01:00` offset arrives as a space in some clients' hands; read it back.
  const text = raw.trim().replace(/ (\d{2}:?\d{2})$/, '+$1');
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const ms = Date.parse(hasZone ? text : `${text}Z`);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(ms)) {
    throw invalidParameter(`The value '${raw}' of parameter '${label}' is not a valid date-time.`);
  }
  return ms;
}
