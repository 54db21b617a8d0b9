import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface YamlLine {
  /** Indent of the key on the line, after any `- ` that opens a sequence item. */
  indent: number;
  /** The line without its indent, its `- ` and its comment. */
  text: string;
}

function yamlLines(yaml: string): YamlLine[] {
  return yaml.split(/\r?\n/).flatMap((raw) => {
    const text = raw.replace(/(^|\s)#.*$/, '').trimEnd();
    const body = text.trimStart();
    if (body === '') return [];
    const item = /^-\s+/.exec(body)?.[0] ?? '';
    return [{ indent: text.length - body.length + item.length, text: body.slice(item.length) }];
  });
}

const unquote = (value: string): string => /^(['"])(.*)\1$/.exec(value)?.[2] ?? value;

/** The lines of one lifecycle (`provision:`, `deploy:`, `publish:`) of a toolkit project file. */
function lifecycleLines(yaml: string, lifecycle: string): YamlLine[] {
  let current = '';
  return yamlLines(yaml).filter((line) => {
    if (line.indent === 0) current = /^([\w-]+):/.exec(line.text)?.[1] ?? '';
    return line.indent > 0 && current === lifecycle;
  });
}

/** The env names the actions of one lifecycle write through `writeToEnvironmentFile:` (the values, not the keys). */
export function environmentFileWrites(yaml: string, lifecycle = 'provision'): string[] {
  const names: string[] = [];
  let under: number | null = null;
  for (const line of lifecycleLines(yaml, lifecycle)) {
    if (under !== null && line.indent <= under) under = null;
    if (under === null) {
      if (line.text === 'writeToEnvironmentFile:') under = line.indent;
      continue;
    }
    const value = /^[\w$.-]+:\s+(\S+)$/.exec(line.text)?.[1];
    if (value) names.push(unquote(value));
  }
  return names;
}

/** The Bicep templates `arm/deploy` deploys in one lifecycle (`- path: ./infra/azure.bicep`), relative to the project. */
export function bicepTemplates(yaml: string, lifecycle = 'provision'): string[] {
  return lifecycleLines(yaml, lifecycle).flatMap((line) => {
    const file = /^path:\s+(\S+)$/.exec(line.text)?.[1];
    return file && unquote(file).endsWith('.bicep') ? [unquote(file)] : [];
  });
}

/**
 * The env names `arm/deploy` writes from a Bicep file's `output` lines: the output name upper-cased
 * (object outputs become NAME__KEY, which the Bicep alone cannot tell, so they are left out).
 */
export function bicepOutputNames(bicep: string): string[] {
  return [...bicep.matchAll(/^output\s+([A-Za-z_][A-Za-z0-9_]*)\s+(\w+)\s*=/gm)]
    .filter((m) => m[2] !== 'object')
    .map((m) => (m[1] ?? '').toUpperCase());
}

/** The project file the toolkit runs for an environment: `teamsapp.<env>.yml` when there is one (local), else `teamsapp.yml`. */
export function projectFileFor(root: string, env: string): string | null {
  const own = `teamsapp.${env}.yml`;
  if (existsSync(path.join(root, own))) return own;
  return existsSync(path.join(root, 'teamsapp.yml')) ? 'teamsapp.yml' : null;
}

export interface ProvisionWrittenNames {
  projectFile: string | null;
  names: Set<string>;
}

/** What `teamsapp provision --env <env>` writes to `env/.env.<env>`: its actions' outputs and its Bicep outputs. */
export function readProvisionWrittenNames(root: string, env: string): ProvisionWrittenNames {
  const projectFile = projectFileFor(root, env);
  if (projectFile === null) return { projectFile, names: new Set() };
  const yaml = readFileSync(path.join(root, projectFile), 'utf8');
  const fromBicep = bicepTemplates(yaml)
    .map((file) => path.join(root, file))
    .filter((file) => existsSync(file))
    .flatMap((file) => bicepOutputNames(readFileSync(file, 'utf8')));
  return { projectFile, names: new Set([...environmentFileWrites(yaml), ...fromBicep]) };
}
