import { useEffect, useRef } from 'react';

/**
 * Calls `save` when the page may be about to go: hidden (another app, a locked phone, a closing tab) or
 * unloaded (reload, navigation, a closed Teams or Outlook pane). Neither event leaves time to wait for
 * anything, so `save` must send at once (see `SendOptions.keepalive`).
 */
export function useSaveBeforeLeaving(save: () => void, win: Window = window): void {
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const doc = win.document;
    const onPageHide = (): void => {
      saveRef.current();
    };
    const onVisibilityChange = (): void => {
      if (doc.visibilityState === 'hidden') saveRef.current();
    };
    win.addEventListener('pagehide', onPageHide);
    doc.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      win.removeEventListener('pagehide', onPageHide);
      doc.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [win]);
}
