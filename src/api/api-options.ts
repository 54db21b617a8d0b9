import type { IncomingMessage } from 'node:http';
import type { AppDeps } from '../app/deps';
import type { Router } from '../server/http/router';
import type { PersonSummary } from './contract/api-types';

/** Who is calling: resolved by the profile's authentication before any route runs. */
export interface ApiCaller {
  personId: string;
}

/** Resolves the caller of a request, or throws an `HttpError` (401 / 403) saying why not. */
export type Authenticate = (req: IncomingMessage) => Promise<ApiCaller>;

/** People search for pickers (Graph in the tenant); the store's people are searched when absent. */
export type DirectorySearch = (personId: string, query: string) => Promise<PersonSummary[]>;

export type ApiProfile = 'demo' | 'tenant';

export interface ApiRouterOptions {
  deps: AppDeps;
  authenticate: Authenticate;
  profile: ApiProfile;
  directorySearch?: DirectorySearch;
  /** Register on this router instead of a new one (so static files and the bot can share it). */
  router?: Router;
}
