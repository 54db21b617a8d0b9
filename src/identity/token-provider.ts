/**
 * What the Graph gateway needs from identity: an app-only bearer token for Microsoft Graph.
 * (Candidate for `src/ports/tokens.ts` once the ports folder exists; it is structural, so moving it
 * changes no implementation.)
 */
export interface TokenProvider {
  /** An app-only access token for `https://graph.microsoft.com/.default`. */
  getGraphToken(): Promise<string>;
}

/** The fixed bearer token the local Graph emulator (`src/dev`) accepts in the demo profile. */
export const DEMO_GRAPH_TOKEN = 'demo-graph-token';

/** Demo profile: no tenant, no MSAL, no network; always the same dev token for the local emulator. */
export class DemoTokenProvider implements TokenProvider {
  constructor(private readonly token: string = DEMO_GRAPH_TOKEN) {}

  getGraphToken(): Promise<string> {
    return Promise.resolve(this.token);
  }
}
