import { useCallback, useEffect, useRef, useState } from 'react';

export type Resource<T> =
  | { status: 'loading'; data: T | null; error: null; reload: () => void; replace: (data: T) => void }
  | { status: 'ready'; data: T; error: null; reload: () => void; replace: (data: T) => void }
  | { status: 'error'; data: T | null; error: unknown; reload: () => void; replace: (data: T) => void };

type State<T> =
  | { status: 'loading'; data: T | null }
  | { status: 'ready'; data: T }
  | { status: 'error'; data: T | null; error: unknown };

/** Loads data when `key` changes; `reload` asks again, `replace` sets fresh data from a write's answer. */
export function useResource<T>(load: () => Promise<T>, key: string): Resource<T> {
  const [state, setState] = useState<State<T>>({ status: 'loading', data: null });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let current = true;
    setState((previous) => ({ status: 'loading', data: previous.data }));
    Promise.resolve()
      .then(() => loadRef.current())
      .then(
        (data) => {
          if (current) setState({ status: 'ready', data });
        },
        (error: unknown) => {
          if (current) setState((previous) => ({ status: 'error', data: previous.data, error }));
        },
      );
    return () => {
      current = false;
    };
  }, [key, attempt]);

  const reload = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);
  const replace = useCallback((data: T) => {
    setState({ status: 'ready', data });
  }, []);

  switch (state.status) {
    case 'loading':
      return { status: 'loading', data: state.data, error: null, reload, replace };
    case 'ready':
      return { status: 'ready', data: state.data, error: null, reload, replace };
    case 'error':
      return { status: 'error', data: state.data, error: state.error, reload, replace };
  }
}
