import { createHash } from 'node:crypto';
import type { EnvValues } from './env-files';

/**
 * A deterministic GUID for a preview package: the version-5 layout over the SHA-1 of
 * `career-conversations-preview:<env>:<NAME>`. Entra and the Developer Portal issue random (version 4) ids,
 * so a stand-in is recognisable by its version digit.
 */
export function previewGuid(env: string, name: string): string {
  const bytes = createHash('sha1')
    .update(`career-conversations-preview:${env}:${name}`)
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}

/** A host under the reserved `.invalid` top-level domain (RFC 2606), so a preview package reaches nothing. */
export function previewHost(env: string): string {
  const label =
    env
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'env';
  return `${label}.career-conversations.invalid`;
}

/** The stand-in for a provision-written name, by its shape; null when the name has no shape we stand in for. */
export function standInFor(name: string, env: string): string | null {
  if (name.endsWith('_ID')) return previewGuid(env, name);
  if (name.endsWith('_DOMAIN')) return previewHost(env);
  if (name.endsWith('_ENDPOINT')) return `https://${previewHost(env)}`;
  return null;
}

/**
 * Stand-ins for the unfilled names that provisioning writes, in the order given. Names a person must set
 * (not provision-written) and names of no known shape get none, so they still fail.
 */
export function previewStandIns(
  unfilled: readonly string[],
  provisionWritten: ReadonlySet<string>,
  env: string,
): EnvValues {
  const values: EnvValues = {};
  for (const name of unfilled) {
    if (!provisionWritten.has(name) || name in values) continue;
    const value = standInFor(name, env);
    if (value !== null) values[name] = value;
  }
  return values;
}
