import type { Calendar } from '../ports/calendar';
import type { Directory } from '../ports/directory';
import type { GraphCalendarOptions } from './graph-calendar';
import { GraphCalendar } from './graph-calendar';
import { GraphDirectory } from './graph-directory';
import type { GraphGatewayOptions } from './graph-gateway';
import { GraphGateway } from './graph-gateway';

export interface GraphAdapters {
  calendar: Calendar;
  directory: Directory;
  gateway: GraphGateway;
}

/** The Calendar and Directory ports over one Graph gateway (one middleware chain, one batcher, one gate). */
export function createGraphAdapters(
  options: GraphGatewayOptions & { calendar?: GraphCalendarOptions },
): GraphAdapters {
  const gateway = new GraphGateway(options);
  return {
    gateway,
    calendar: new GraphCalendar(gateway, options.calendar),
    directory: new GraphDirectory(gateway),
  };
}
