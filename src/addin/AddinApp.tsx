import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { MeetingPane } from './pane/MeetingPane';
import type { MeetingPaneProps } from './pane/MeetingPane.types';

export function AddinApp(props: MeetingPaneProps): ReactNode {
  return (
    <FluentProvider theme={webLightTheme}>
      <MeetingPane {...props} />
    </FluentProvider>
  );
}
