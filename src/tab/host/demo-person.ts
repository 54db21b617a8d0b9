/** The demo person picked in "view as", remembered for this browser tab only. */
const KEY = 'career-conversations.demo-person';

export function rememberedDemoPerson(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberDemoPerson(personId: string | null): void {
  try {
    if (personId === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, personId);
  } catch {
    // Storage may be blocked (private mode, policies): the picker simply asks again next time.
  }
}
