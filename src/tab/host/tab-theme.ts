import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';

export type ThemeName = 'default' | 'dark' | 'contrast';

/** Teams says `default`, `dark` or `contrast` (and lately `glass`, drawn like default). */
export function themeName(hostTheme: string | null | undefined): ThemeName {
  return hostTheme === 'dark' || hostTheme === 'contrast' ? hostTheme : 'default';
}

export function fluentTheme(name: ThemeName): Theme {
  switch (name) {
    case 'dark':
      return webDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    case 'default':
      return webLightTheme;
  }
}

/** Outside Teams: `?theme=` wins (handy for demos and screenshots), then the system setting. */
export function browserThemeName(win: Window): ThemeName {
  const asked = new URLSearchParams(win.location.search).get('theme');
  if (asked) return themeName(asked);
  if (win.matchMedia('(forced-colors: active)').matches) return 'contrast';
  return win.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}
