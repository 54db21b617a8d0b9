import { Body1, Button, Tab, TabList, Title3 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { Suspense, lazy } from 'react';
import { LoadingState } from '../../../web/components/StatusViews';
import type { ViewName } from '../../routing/use-hash-route';
import { routeHash, useHashRoute } from '../../routing/use-hash-route';
import { NextUpView } from '../../views/NextUpView';
import type { TabShellProps } from './TabShell.types';
import { useTabShellStyles } from './useTabShellStyles.styles';

// Next up is in the first bundle; the other views load when first opened.
const RecapsView = lazy(() => import('../../views/RecapsView').then((m) => ({ default: m.RecapsView })));
const ActionsView = lazy(() => import('../../views/ActionsView').then((m) => ({ default: m.ActionsView })));
const GrowthView = lazy(() => import('../../views/GrowthView').then((m) => ({ default: m.GrowthView })));
const MyTeamView = lazy(() => import('../../views/MyTeamView').then((m) => ({ default: m.MyTeamView })));
const loadSettingsView = () => import('../../views/SettingsView');
const SettingsView = lazy(() => loadSettingsView().then((m) => ({ default: m.SettingsView })));

const LABELS: Record<ViewName, string> = {
  'next-up': 'Next up',
  recaps: 'Recaps',
  actions: 'Actions',
  growth: 'Growth',
  team: 'My team',
  settings: 'Settings',
};

/** Header (with Settings), the view tabs, and the current view. */
export function TabShell({ me, onSwitchPerson }: TabShellProps): ReactNode {
  const styles = useTabShellStyles();
  const [route, navigate] = useHashRoute();
  const tabs: ViewName[] = [
    'next-up',
    'recaps',
    'actions',
    'growth',
    ...(me.hasReports ? (['team'] as const) : []),
  ];
  const view = route.view === 'settings' || tabs.includes(route.view) ? route.view : 'next-up';
  const props = { me, route: { ...route, view }, navigate };
  const inSettings = view === 'settings';
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <Title3 as="h1">Career Conversations</Title3>
        <div className={styles.who}>
          <Body1>{onSwitchPerson ? `Viewing as ${me.person.displayName}` : me.person.displayName}</Body1>
          <Button
            as="a"
            href={routeHash({ view: 'settings', itemId: null })}
            appearance={inSettings ? 'secondary' : 'subtle'}
            aria-current={inSettings ? 'page' : undefined}
            onPointerEnter={() => {
              void loadSettingsView();
            }}
            onFocus={() => {
              void loadSettingsView();
            }}
          >
            Settings
          </Button>
          {onSwitchPerson ? (
            <Button appearance="subtle" onClick={onSwitchPerson}>
              Switch person
            </Button>
          ) : null}
        </div>
      </header>
      <nav className={styles.nav} aria-label="Views">
        <TabList
          selectedValue={view}
          onTabSelect={(_e, data) => {
            navigate({ view: data.value as ViewName, itemId: null });
          }}
        >
          {tabs.map((name) => (
            <Tab key={name} value={name}>
              {LABELS[name]}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={styles.main} aria-label={LABELS[view]}>
        <Suspense fallback={<LoadingState label={`Loading ${LABELS[view]}…`} />}>
          {view === 'next-up' ? <NextUpView {...props} /> : null}
          {view === 'recaps' ? <RecapsView {...props} /> : null}
          {view === 'actions' ? <ActionsView {...props} /> : null}
          {view === 'growth' ? <GrowthView {...props} /> : null}
          {view === 'team' ? <MyTeamView {...props} /> : null}
          {view === 'settings' ? <SettingsView {...props} /> : null}
        </Suspense>
      </main>
    </div>
  );
}
