import type { MeResponse } from '../../api/contract/api-types';
import type { TabRoute } from '../routing/use-hash-route';

/** What every view of the tab is given. */
export interface ViewProps {
  me: MeResponse;
  route: TabRoute;
  navigate: (route: TabRoute) => void;
}
