import { GraphLinkRefused } from './graph-errors';

/**
 * Where Graph lives (`https://graph.microsoft.com` or the local emulator) and how to turn the absolute
 * `@odata.nextLink` / `@odata.deltaLink` URLs it returns back into paths under the version root, which is
 * what both `client.api()` and the inner requests of a `$batch` want.
 */
export class GraphEndpoint {
  readonly origin: string;
  /** e.g. `https://graph.microsoft.com/` — what the SDK client takes as `baseUrl`. */
  readonly baseUrl: string;
  private readonly versionRoot: string;

  constructor(
    baseUrl: string,
    readonly version = 'v1.0',
  ) {
    const url = new URL(baseUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new RangeError('Graph base URL must be http(s).');
    this.origin = url.origin;
    // Accept the service root with or without the version (`…/v1.0`, as the emulator hands it out).
    let root = url.pathname.replace(/\/+$/, '');
    if (root.toLowerCase().endsWith(`/${version.toLowerCase()}`)) root = root.slice(0, -(version.length + 1));
    this.baseUrl = `${url.origin}${root}/`;
    this.versionRoot = `${root}/${version}`;
  }

  /** `/users/…?$deltatoken=…` from an absolute link of this endpoint; a path is returned unchanged. */
  pathOf(link: string): string {
    if (link.startsWith('/')) return link;
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      throw new GraphLinkRefused();
    }
    if (url.origin !== this.origin) throw new GraphLinkRefused();
    const path = url.pathname;
    if (path !== this.versionRoot && !path.startsWith(`${this.versionRoot}/`)) throw new GraphLinkRefused();
    return `${path.slice(this.versionRoot.length) || '/'}${url.search}`;
  }

  /** Whether `pathOf` takes this link: false for one on another host or outside the version root. */
  follows(link: string): boolean {
    try {
      this.pathOf(link);
      return true;
    } catch (error) {
      if (error instanceof GraphLinkRefused) return false;
      throw error;
    }
  }

  /** The absolute URL of a path under the version root. */
  urlOf(path: string): string {
    return `${this.origin}${this.versionRoot}${path.startsWith('/') ? path : `/${path}`}`;
  }
}
