import type { MeResponse } from '../../../api/contract/api-types';

export interface TabShellProps {
  me: MeResponse;
  /** Demo only: back to the "view as" picker. */
  onSwitchPerson: (() => void) | undefined;
}
