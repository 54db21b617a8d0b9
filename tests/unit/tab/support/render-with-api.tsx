import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { CareerApi } from '../../../../src/web/api/career-api';
import { ApiProvider } from '../../../../src/web/api/api-context';

/** Renders inside Fluent's provider with the given API, as the tab does. */
export function renderWithApi(ui: ReactElement, api: CareerApi): RenderResult {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ApiProvider api={api}>{ui}</ApiProvider>
    </FluentProvider>,
  );
}

/** jsdom lacks these browser APIs that Fluent's components use. */
export function installBrowserShims(): void {
  if (!('matchMedia' in window)) {
    Object.defineProperty(window, 'matchMedia', {
      writable: true,
      configurable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        addListener: () => undefined,
        removeListener: () => undefined,
        dispatchEvent: () => false,
      }),
    });
  }
  if (!('ResizeObserver' in window)) {
    class NoResizeObserver {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(window, 'ResizeObserver', {
      value: NoResizeObserver,
      writable: true,
      configurable: true,
    });
  }
}
