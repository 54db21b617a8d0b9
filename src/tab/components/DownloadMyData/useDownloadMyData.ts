import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { useApi } from '../../../web/api/api-context';
import type { DownloadState } from './DownloadMyData.types';

export interface DownloadMyDataState {
  download: DownloadState;
  start: () => void;
  /** The link to the file: clicked for the person once, and left on screen in case the host blocked that. */
  linkRef: RefObject<HTMLAnchorElement | null>;
}

/** Fetches `GET /api/me/export` and offers it as a JSON file through an object URL. */
export function useDownloadMyData(): DownloadMyDataState {
  const api = useApi();
  const [download, setDownload] = useState<DownloadState>({ kind: 'idle' });
  const linkRef = useRef<HTMLAnchorElement | null>(null);
  const urlRef = useRef<string | null>(null);

  // The file lives in memory until the view closes.
  useEffect(
    () => () => {
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    },
    [],
  );

  const url = download.kind === 'ready' ? download.url : null;
  useEffect(() => {
    if (url) linkRef.current?.click();
  }, [url]);

  return {
    download,
    linkRef,
    start: () => {
      setDownload({ kind: 'preparing' });
      api.exportMyData().then(
        (file) => {
          if (urlRef.current) URL.revokeObjectURL(urlRef.current);
          urlRef.current = URL.createObjectURL(file.blob);
          setDownload({ kind: 'ready', url: urlRef.current, fileName: file.fileName, bytes: file.blob.size });
        },
        (error: unknown) => {
          setDownload({ kind: 'failed', error });
        },
      );
    },
  };
}
