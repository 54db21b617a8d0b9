import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { CareerApi } from './career-api';

const ApiContext = createContext<CareerApi | null>(null);

export function ApiProvider(props: { api: CareerApi; children: ReactNode }): ReactNode {
  return <ApiContext.Provider value={props.api}>{props.children}</ApiContext.Provider>;
}

export function useApi(): CareerApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an <ApiProvider> above it.');
  return api;
}
