/** The YAML the Teams Toolkit files use: block mappings and sequences, plain or quoted scalars, # comments. */
export type Yaml = string | Yaml[] | { [key: string]: Yaml };

interface Line {
  indent: number;
  text: string;
  number: number;
}

const MAP_ENTRY = /^([A-Za-z_$][\w$./-]*):(?:\s+(.*))?$/;

function scalar(text: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(text);
  return quoted ? (quoted[2] ?? '') : text;
}

function stripComment(text: string): string {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ')) return text.slice(0, i).trimEnd();
  }
  return text.trimEnd();
}

export function parseToolkitYaml(source: string): Yaml {
  const lines: Line[] = source
    .split(/\r?\n/)
    .map((raw, n) => ({
      indent: raw.length - raw.trimStart().length,
      text: stripComment(raw.trim()),
      number: n + 1,
    }))
    .filter((l) => l.text !== '');
  let at = 0;
  const fail = (line: Line | undefined, why: string): never => {
    throw new Error(`line ${line?.number ?? 'end'}: ${why}`);
  };
  const isItem = (l: Line | undefined): boolean =>
    l !== undefined && (l.text === '-' || l.text.startsWith('- '));

  const block = (): Yaml => (isItem(lines[at]) ? sequence(lines[at]!.indent) : mapping(lines[at]!.indent));

  const sequence = (indent: number): Yaml[] => {
    const items: Yaml[] = [];
    while (at < lines.length && lines[at]!.indent === indent && isItem(lines[at])) {
      const line = lines[at]!;
      const rest = line.text.slice(1).trimStart();
      if (rest === '') {
        at++;
        items.push(block());
      } else if (MAP_ENTRY.test(rest)) {
        lines[at] = { indent: indent + line.text.length - rest.length, text: rest, number: line.number };
        items.push(mapping(lines[at]!.indent));
      } else {
        items.push(scalar(rest));
        at++;
      }
    }
    return items;
  };

  const mapping = (indent: number): { [key: string]: Yaml } => {
    const entries: { [key: string]: Yaml } = {};
    while (at < lines.length && lines[at]!.indent === indent && !isItem(lines[at])) {
      const line = lines[at]!;
      const m = MAP_ENTRY.exec(line.text) ?? fail(line, `expected "key: value", found "${line.text}"`);
      const key = m[1] ?? '';
      if (key in entries) fail(line, `duplicate key ${key}`);
      at++;
      const next = lines[at];
      if (m[2] !== undefined && m[2] !== '') entries[key] = scalar(m[2]);
      else if (next && (next.indent > indent || (next.indent === indent && isItem(next))))
        entries[key] = block();
      else entries[key] = '';
    }
    if (at < lines.length && lines[at]!.indent > indent) fail(lines[at], 'unexpected indentation');
    return entries;
  };

  const root = lines.length === 0 ? {} : block();
  if (at < lines.length) fail(lines[at], 'unexpected content');
  return root;
}
