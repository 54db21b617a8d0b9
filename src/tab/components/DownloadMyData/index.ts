export { DownloadMyData } from './DownloadMyData';
export type { DownloadState } from './DownloadMyData.types';
