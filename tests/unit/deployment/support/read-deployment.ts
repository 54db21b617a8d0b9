import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnvFile } from '../../../../src/packaging/env-files';
import type { Yaml } from './toolkit-yaml';
import { parseToolkitYaml } from './toolkit-yaml';

export const ROOT = path.resolve(__dirname, '../../../..');
export const read = (relative: string): string => readFileSync(path.join(ROOT, relative), 'utf8');

export interface ToolkitAction {
  lifecycle: string;
  uses: string;
  with: Record<string, Yaml>;
  writes: Record<string, string>;
}

export const LIFECYCLES = ['provision', 'deploy', 'publish'] as const;

export function readProject(file: string): { version: string; actions: ToolkitAction[] } {
  const doc = parseToolkitYaml(read(file)) as Record<string, Yaml>;
  const actions: ToolkitAction[] = [];
  for (const lifecycle of LIFECYCLES) {
    const steps = doc[lifecycle];
    if (!Array.isArray(steps)) continue;
    for (const step of steps as Record<string, Yaml>[]) {
      actions.push({
        lifecycle,
        uses: typeof step.uses === 'string' ? step.uses : '',
        with: (step.with ?? {}) as Record<string, Yaml>,
        writes: (step.writeToEnvironmentFile ?? {}) as Record<string, string>,
      });
    }
  }
  return { version: typeof doc.version === 'string' ? doc.version : '', actions };
}

export function readEnvTemplate(name: string): Record<string, string> {
  return parseEnvFile(read(`env/.env.${name}`));
}

/** `output NAME type = ...` lines of a Bicep file. */
export function bicepOutputs(bicep: string): string[] {
  return [...bicep.matchAll(/^output\s+([A-Za-z_][A-Za-z0-9_]*)\s+\w+\s*=/gm)].map((m) => m[1] ?? '');
}

/** `param name type [= default]` lines of a Bicep file. */
export function bicepParams(bicep: string): { name: string; hasDefault: boolean }[] {
  return [...bicep.matchAll(/^param\s+([A-Za-z_][A-Za-z0-9_]*)\s+\w+(\s*=.*)?$/gm)].map((m) => ({
    name: m[1] ?? '',
    hasDefault: m[2] !== undefined,
  }));
}

/** The `NAME: value` lines inside the Microsoft.Web/sites/config 'appsettings' resource. */
export function bicepAppSettings(bicep: string): Map<string, string> {
  const start = bicep.search(/resource \w+ 'Microsoft\.Web\/sites\/config@[^']+' = \{/);
  if (start < 0) throw new Error('no Microsoft.Web/sites/config resource in the Bicep file');
  const body = bicep.slice(bicep.indexOf('properties: {', start));
  const end = body.indexOf('\n  }\n');
  const settings = new Map<string, string>();
  for (const m of body.slice(0, end).matchAll(/^\s{4}([A-Za-z_][A-Za-z0-9_]*):\s*(.+)$/gm))
    settings.set(m[1] ?? '', m[2] ?? '');
  return settings;
}
