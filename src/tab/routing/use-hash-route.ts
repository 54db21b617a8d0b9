import { useCallback, useEffect, useState } from 'react';

export type ViewName = 'next-up' | 'recaps' | 'actions' | 'growth' | 'team' | 'settings';

export interface TabRoute {
  view: ViewName;
  /** The selected 1:1, when the view has one. */
  itemId: string | null;
}

const VIEWS: readonly ViewName[] = ['next-up', 'recaps', 'actions', 'growth', 'team', 'settings'];

export function parseRoute(hash: string): TabRoute {
  const [view = '', item] = hash.replace(/^#\/?/, '').split('/');
  const known = VIEWS.find((v) => v === view);
  if (!known) return { view: 'next-up', itemId: null };
  return { view: known, itemId: item ? safeDecode(item) : null };
}

export function routeHash(route: TabRoute): string {
  return `#/${route.view}${route.itemId ? `/${encodeURIComponent(route.itemId)}` : ''}`;
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** The view and selection live in the URL hash, so reload and back/forward keep the place. */
export function useHashRoute(): [TabRoute, (route: TabRoute) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => {
      setRoute(parseRoute(window.location.hash));
    };
    window.addEventListener('hashchange', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
    };
  }, []);
  const navigate = useCallback((next: TabRoute) => {
    const hash = routeHash(next);
    if (window.location.hash !== hash) window.location.hash = hash;
    setRoute(next);
  }, []);
  return [route, navigate];
}
