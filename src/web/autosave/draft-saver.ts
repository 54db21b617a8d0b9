import { isApiError, messageOf } from '../api/api-error';
import type { SaveState } from './save-state';

/** How one save travels. */
export interface SaveHow {
  /** The page is going: send at once with `keepalive`. */
  keepalive: boolean;
  /** Another save is still on its way and lands first (only when leaving). */
  following: boolean;
}

/** What a refused save means beyond "fix the fields" (400) or "try again" (anything else). */
export type Refusal = 'conflict' | 'send-again';

export interface DraftSaverOptions<D, R> {
  send: (draft: D, how: SaveHow) => Promise<R>;
  draft: D;
  /** A blank draft is not sent (the server would refuse it). */
  isBlank: (draft: D) => boolean;
  /** When the answer to a save says it was saved. */
  savedAt: (result: R) => string;
  /** Quiet time after the last change before saving. */
  delayMs: number;
  onState: (state: SaveState) => void;
  onSaved: (result: R) => void;
  refusal?: (error: unknown, how: SaveHow) => Refusal | null;
}

/**
 * Saves a draft as it is typed: after a quiet moment, one save at a time, a change made meanwhile saved right
 * after. When the page goes, whatever is unsaved leaves at once (`saveBeforeLeaving`), even with a save still
 * on its way. After a conflict nothing is saved until `rebase`.
 */
export class DraftSaver<D, R> {
  private draft: D;
  /** What the server holds as far as this editor knows; null when that is not a draft of this editor. */
  private saved: D | null;
  /** The last draft sent, landed or not. */
  private sent: D;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private again = false;
  private conflicted = false;
  private sendCount = 0;
  private landedCount = 0;

  constructor(private readonly options: DraftSaverOptions<D, R>) {
    this.draft = options.draft;
    this.saved = options.draft;
    this.sent = options.draft;
  }

  get currentDraft(): D {
    return this.draft;
  }

  get inConflict(): boolean {
    return this.conflicted;
  }

  /** Whether the server holds the draft as it is now. */
  get isSaved(): boolean {
    return this.saved === this.draft;
  }

  /** A change was made: save it once typing pauses. */
  edit(draft: D): void {
    this.draft = draft;
    if (this.conflicted) return;
    this.options.onState({ kind: 'pending' });
    this.clearTimer();
    this.timer = setTimeout(() => {
      void this.saveNow();
    }, this.options.delayMs);
  }

  /** Saves what is unsaved now; with a save on its way, this one follows it. Settles when all have landed. */
  async saveNow(keepalive = false): Promise<void> {
    this.clearTimer();
    if (this.conflicted) return;
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    const snapshot = this.draft;
    if (snapshot === this.saved) return;
    if (this.options.isBlank(snapshot)) {
      this.options.onState({ kind: 'empty' });
      return;
    }
    this.options.onState({ kind: 'saving' });
    await this.track(this.send(snapshot, { keepalive, following: false }));
  }

  /** The page is going: send what is unsaved at once. Nothing here may wait for an answer. */
  saveBeforeLeaving(): void {
    this.clearTimer();
    if (this.conflicted) return;
    const previous = this.inFlight;
    if (!previous) {
      void this.saveNow(true);
      return;
    }
    const snapshot = this.draft;
    if (snapshot === this.sent || this.options.isBlank(snapshot)) return;
    this.again = false;
    const following = this.send(snapshot, { keepalive: true, following: true });
    void this.track(Promise.all([previous, following]).then(() => undefined));
  }

  /** Forgets what the server was thought to hold: after "load the latest" (that draft) or "keep mine" (null). */
  rebase(latest: D | null): void {
    this.conflicted = false;
    if (latest === null) {
      this.saved = null;
      return;
    }
    this.draft = latest;
    this.saved = latest;
    this.sent = latest;
    this.options.onState({ kind: 'idle' });
  }

  /** The editor closes (another 1:1, another view): what was typed is kept. */
  dispose(): void {
    if (this.timer) void this.saveNow();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Marks `work` as the save in flight; once it settles, a save asked for meanwhile follows. */
  private track(work: Promise<void>): Promise<void> {
    const chain: Promise<void> = work.then(async () => {
      if (this.inFlight !== chain) return;
      this.inFlight = null;
      if (this.again) {
        this.again = false;
        await this.saveNow();
      }
    });
    this.inFlight = chain;
    return chain;
  }

  private async send(snapshot: D, how: SaveHow): Promise<void> {
    this.sent = snapshot;
    this.sendCount += 1;
    const number = this.sendCount;
    try {
      const result = await this.options.send(snapshot, how);
      // Answers can land out of order: an older one never undoes a newer one.
      if (number < this.landedCount) return;
      this.landedCount = number;
      this.saved = snapshot;
      this.options.onSaved(result);
      this.options.onState(
        this.draft === snapshot ? { kind: 'saved', at: this.options.savedAt(result) } : { kind: 'pending' },
      );
    } catch (error) {
      if (number < this.landedCount) return;
      const refusal = this.options.refusal?.(error, how) ?? null;
      if (refusal === 'send-again') {
        this.again = true;
        return;
      }
      this.again = false;
      if (refusal === 'conflict') {
        this.conflicted = true;
        this.options.onState({ kind: 'conflict' });
      } else if (isApiError(error) && error.status === 400) {
        this.options.onState({ kind: 'invalid', message: error.message, problems: error.problems });
      } else {
        this.options.onState({ kind: 'error', message: messageOf(error) });
      }
    }
  }
}
