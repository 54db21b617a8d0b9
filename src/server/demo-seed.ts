import { DEFAULT_WORKING_HOURS } from '../core/person';
import { DEFAULT_PROMPT_SETTINGS } from '../core/settings';
import { listDemoPeople } from '../dev';
import type { GraphEmulator } from '../dev';
import type { Store } from '../ports/store';

/**
 * In the demo every person of the demo organisation "uses the app": the store learns their ids, and the
 * first calendar sync fills in time zones, working hours and reporting lines from the emulated directory.
 * Quiet hours start off in the demo, so a newcomer sees prompts within a minute whatever the hour; each
 * person can turn them on in Settings, and that choice is kept across restarts.
 */
export async function seedDemoPeople(store: Store, emulator: GraphEmulator): Promise<void> {
  for (const someone of listDemoPeople(emulator.org)) {
    if (await store.getPerson(someone.id)) continue;
    await store.saveSettings(someone.id, { ...DEFAULT_PROMPT_SETTINGS, respectWorkingHours: false });
    await store.savePerson({
      id: someone.id,
      email: someone.email.toLowerCase(),
      displayName: someone.name,
      jobTitle: someone.jobTitle,
      managerId: someone.managerId,
      timeZone: 'UTC',
      workingHours: DEFAULT_WORKING_HOURS,
    });
  }
}
