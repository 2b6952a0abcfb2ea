// The app's one source of "now": token expiry, availability dates, activity times. Tests set it
// (POST /test/clock) to a fixed instant; unset, it follows the clock the app was created with.
export class Clock {
  private fixed: Date | null = null;

  constructor(private readonly source: () => Date = () => new Date()) {}

  now(): Date {
    return this.fixed ? new Date(this.fixed) : this.source();
  }

  /** A fixed instant, or null to follow the source clock again. */
  set(instant: Date | null): void {
    this.fixed = instant && new Date(instant);
  }
}
