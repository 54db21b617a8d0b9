export type DownloadState =
  | { kind: 'idle' }
  | { kind: 'preparing' }
  | { kind: 'ready'; url: string; fileName: string; bytes: number }
  | { kind: 'failed'; error: unknown };
