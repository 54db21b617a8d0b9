export type { ApiCaller, ApiProfile, ApiRouterOptions, Authenticate, DirectorySearch } from './api-options';
export { createApiRouter } from './create-api-router';
export { DEMO_USER_HEADER, demoAuthentication } from './demo-authentication';
export type { ValidateToken } from './bearer-authentication';
export { bearerAuthentication } from './bearer-authentication';
export type { StaticFilesOptions } from './static-files';
export { mountStaticFiles, staticFiles } from './static-files';
