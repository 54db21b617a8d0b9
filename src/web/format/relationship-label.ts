import type { Relationship } from '../../api/contract/api-types';

/** How the other person relates to me, in a few words. */
export function relationshipLabel(relationship: Relationship): string {
  switch (relationship) {
    case 'manager':
      return 'Your manager';
    case 'directReport':
      return 'Reports to you';
    case 'peer':
      return 'Curiosity conversation';
    case 'external':
      return 'Guest from outside';
  }
}
