import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';

export interface SchemaProblem {
  pointer: string;
  schemaPath: string;
  message: string;
}

/** Where @microsoft/app-manifest keeps its copies of the Teams manifest schemas, one folder per version. */
const SCHEMA_ROOT = path.join(
  path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
);
const compiled = new Map<string, ValidateFunction>();

/** The manifest schema versions bundled with @microsoft/app-manifest, e.g. ['1.0', ..., '1.30', 'DevPreview']. */
export function bundledSchemaVersions(): string[] {
  return ['1.0', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9']
    .concat(
      Array.from({ length: 40 }, (_, i) => `1.${i + 10}`),
      ['DevPreview'],
    )
    .filter((v) => existsSync(path.join(SCHEMA_ROOT, `v${v}`, 'MicrosoftTeams.schema.json')));
}

function validatorFor(version: string): ValidateFunction | null {
  const file = path.join(SCHEMA_ROOT, `v${version}`, 'MicrosoftTeams.schema.json');
  const cached = compiled.get(file);
  if (cached) return cached;
  if (!existsSync(file)) return null;
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  // The schemas declare draft-04 but use nothing Ajv's default draft handles differently; drop the meta reference.
  delete schema.$schema;
  inlineDefinitions(schema);
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  const validate = ajv.compile(schema);
  compiled.set(file, validate);
  return validate;
}

/**
 * Replaces each `$ref: #/definitions/x` by a copy of the definition (recursive ones stay references), so an
 * error's schema path reads from the root, e.g. `#/properties/extensions/items/additionalProperties`.
 */
function inlineDefinitions(schema: Record<string, unknown>): void {
  const definitions = (schema.definitions ?? {}) as Record<string, unknown>;
  const expand = (node: unknown, trail: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => expand(item, trail));
    if (node === null || typeof node !== 'object') return node;
    const ref = (node as { $ref?: unknown }).$ref;
    const name =
      typeof ref === 'string' && ref.startsWith('#/definitions/') ? ref.slice('#/definitions/'.length) : null;
    const onlyNotes = Object.keys(node).every((k) => k === '$ref' || k === 'description' || k === 'title');
    if (name !== null && name in definitions && !trail.includes(name) && onlyNotes) {
      return expand(definitions[name], [...trail, name]);
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, expand(v, trail)]));
  };
  for (const key of Object.keys(schema)) if (key !== 'definitions') schema[key] = expand(schema[key], []);
}

/** Validates a manifest against the bundled JSON schema of its own `manifestVersion`, offline. */
export function validateAgainstSchema(manifest: unknown): SchemaProblem[] {
  const version =
    manifest !== null && typeof manifest === 'object' && 'manifestVersion' in manifest
      ? manifest.manifestVersion
      : undefined;
  if (typeof version !== 'string') {
    return [
      {
        pointer: '/manifestVersion',
        schemaPath: '#/required',
        message: 'manifestVersion is missing or not a string',
      },
    ];
  }
  const validate = validatorFor(version === 'devPreview' ? 'DevPreview' : version);
  if (!validate) {
    return [
      {
        pointer: '/manifestVersion',
        schemaPath: '#/properties/manifestVersion',
        message: `no bundled schema for manifest version ${version}; bundled: ${bundledSchemaVersions().join(', ')}`,
      },
    ];
  }
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => {
    const detail =
      e.keyword === 'additionalProperties' && 'additionalProperty' in e.params
        ? ` (${String(e.params.additionalProperty)})`
        : e.keyword === 'enum' && 'allowedValues' in e.params && Array.isArray(e.params.allowedValues)
          ? `: ${e.params.allowedValues.map(String).join(', ')}`
          : '';
    return {
      pointer: e.instancePath || '/',
      schemaPath: e.schemaPath,
      message: `${e.message ?? e.keyword}${detail}`,
    };
  });
}
