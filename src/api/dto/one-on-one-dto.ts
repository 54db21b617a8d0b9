import type { OneOnOne } from '../../core/one-on-one';
import type { OneOnOneDto } from '../contract/api-types';

export function oneOnOneDto(o: OneOnOne): OneOnOneDto {
  return {
    id: o.id,
    counterpart: { name: o.counterpart.name, email: o.counterpart.address, personId: o.counterpart.personId },
    relationship: o.relationship,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    status: o.status,
  };
}
