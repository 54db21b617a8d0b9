import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type EnvValues = Record<string, string>;

/** Parses a dotenv file as the Teams Toolkit writes it: KEY=value lines, # comments, optional quotes. */
export function parseEnvFile(text: string): EnvValues {
  const values: EnvValues = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    const quoted = /^(['"])(.*)\1$/.exec(value);
    value = quoted ? (quoted[2] ?? '') : value.replace(/\s+#.*$/, '');
    values[key] = value;
  }
  return values;
}

export interface LoadedEnvironment {
  values: EnvValues;
  /** Files read, in the order they were applied (later ones win). */
  files: string[];
}

/**
 * The toolkit's view of one environment: `env/.env.<name>`, then the git-ignored `env/.env.<name>.user`
 * (secrets), then the process environment for names those files leave unset or empty (how CI injects values).
 */
export function loadEnvironment(
  root: string,
  name: string,
  processEnv: Record<string, string | undefined> = {},
): LoadedEnvironment {
  if (!/^[A-Za-z0-9_-]+$/.test(name))
    throw new Error(`"${name}" is not an environment name (letters, digits, - and _)`);
  const base = path.join(root, 'env', `.env.${name}`);
  if (!existsSync(base)) throw new Error(`env/.env.${name} does not exist; create it from env/.env.dev`);
  const files = [base, `${base}.user`].filter((f) => existsSync(f));
  const values: EnvValues = { TEAMSFX_ENV: name };
  for (const file of files) Object.assign(values, parseEnvFile(readFileSync(file, 'utf8')));
  for (const [key, value] of Object.entries(processEnv)) {
    if (value !== undefined && value !== '' && /^[A-Z][A-Z0-9_]*$/.test(key) && (values[key] ?? '') === '') {
      values[key] = value;
    }
  }
  return { values, files: files.map((f) => path.relative(root, f)) };
}
