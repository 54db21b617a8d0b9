import { decodePng, PngError, readPngHeader } from './png';

export interface PackageProblem {
  /** File in the package and, for the manifest, the JSON pointer: `manifest.json#/bots/0/botId`. */
  where: string;
  message: string;
  /** For schema errors: the path of the failing rule in the bundled schema. */
  schemaPath?: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

export const ICON_RULES = { color: { size: 192 }, outline: { size: 32 } } as const;

/** Colour icon 192×192; outline icon 32×32, every pixel white or fully transparent, with a transparent background. */
export function checkIcons(manifest: unknown, files: ReadonlyMap<string, Buffer>): PackageProblem[] {
  const icons = isObject(manifest) && isObject(manifest.icons) ? manifest.icons : {};
  const problems: PackageProblem[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const file = icons[kind];
    if (typeof file !== 'string') continue;
    const where = `manifest.json#/icons/${kind}`;
    const bytes = files.get(file);
    if (!bytes) {
      problems.push({ where, message: `${file} is not in the app package` });
      continue;
    }
    try {
      const { width, height } = readPngHeader(bytes);
      const size = ICON_RULES[kind].size;
      if (width !== size || height !== size) {
        problems.push({
          where: file,
          message: `the ${kind} icon must be ${size}×${size} pixels; it is ${width}×${height}`,
        });
        continue;
      }
      if (kind === 'outline') problems.push(...checkOutlinePixels(file, decodePng(bytes)));
    } catch (error) {
      problems.push({
        where: file,
        message: error instanceof PngError ? error.message : `cannot read PNG: ${String(error)}`,
      });
    }
  }
  return problems;
}

function checkOutlinePixels(
  file: string,
  image: { width: number; height: number; pixels: Uint8Array },
): PackageProblem[] {
  const problems: PackageProblem[] = [];
  let coloured = 0;
  let firstColoured = '';
  for (let i = 0; i < image.width * image.height; i++) {
    const [r, g, b, a] = image.pixels.subarray(i * 4, i * 4 + 4);
    if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) {
      if (coloured === 0)
        firstColoured = `(${i % image.width}, ${Math.floor(i / image.width)}) is rgb(${r}, ${g}, ${b})`;
      coloured++;
    }
  }
  if (coloured > 0) {
    problems.push({
      where: file,
      message: `the outline icon must be white on transparent; ${coloured} pixels are not white, first ${firstColoured}`,
    });
  }
  const corners = [0, image.width - 1, (image.height - 1) * image.width, image.height * image.width - 1];
  if (corners.some((i) => image.pixels[i * 4 + 3] !== 0)) {
    problems.push({
      where: file,
      message: 'the outline icon must have a transparent background; a corner pixel is opaque',
    });
  }
  return problems;
}

/** `*.contoso.com` covers `a.contoso.com` (not `contoso.com`); entries may carry a port. */
export function isOnValidDomain(hostWithPort: string, validDomains: readonly string[]): boolean {
  const host = hostWithPort.toLowerCase();
  return validDomains.some((entry) => {
    const domain = entry
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/.*$/, '');
    if (domain.startsWith('*.')) return host.endsWith(domain.slice(1)) && host.length > domain.length - 1;
    return host === domain || host.split(':')[0] === domain;
  });
}

/** Every http(s) and api:// URL in the manifest (but its `$schema`) must be on one of its `validDomains`. */
export function checkDomains(manifest: unknown): PackageProblem[] {
  if (!isObject(manifest)) return [];
  const validDomains = Array.isArray(manifest.validDomains)
    ? manifest.validDomains.filter((d) => typeof d === 'string')
    : [];
  const problems: PackageProblem[] = [];
  const walk = (node: unknown, pointer: string): void => {
    if (typeof node === 'string') {
      const m = /^(?:https?|api):\/\/([^/?#]+)/i.exec(node);
      if (m?.[1] && !isOnValidDomain(m[1], validDomains)) {
        problems.push({
          where: `manifest.json#${pointer}`,
          message: `${m[1]} is not in validDomains (${validDomains.join(', ') || 'none listed'})`,
        });
      }
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => {
        walk(item, `${pointer}/${i}`);
      });
    } else if (isObject(node)) {
      for (const [key, value] of Object.entries(node))
        if (!(pointer === '' && key === '$schema')) walk(value, `${pointer}/${key}`);
    }
  };
  walk(manifest, '');
  return problems;
}

/** SSO needs `webApplicationInfo.resource` to be `api://<valid domain>/<the same client id>`. */
export function checkSingleSignOn(manifest: unknown): PackageProblem[] {
  if (!isObject(manifest) || !isObject(manifest.webApplicationInfo)) return [];
  const { id, resource } = manifest.webApplicationInfo;
  if (typeof id !== 'string' || typeof resource !== 'string') return [];
  if (!resource.toLowerCase().endsWith(`/${id.toLowerCase()}`) || !resource.startsWith('api://')) {
    return [
      {
        where: 'manifest.json#/webApplicationInfo/resource',
        message: `must be api://<domain>/${id} so SSO tokens carry this app's id`,
      },
    ];
  }
  return [];
}

export function formatProblem(problem: PackageProblem): string {
  return `${problem.where}: ${problem.message}${problem.schemaPath ? ` [schema ${problem.schemaPath}]` : ''}`;
}
