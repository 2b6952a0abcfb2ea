// The entries one <loyalty-activity> shows: the store's shared first page, then the pages the
// shopper asked for, newest first, each id once. Later pages belong to the element, not the store.
import type { Activity, ActivityItem } from '../../core/api/schemas.js';

export class ActivityList {
  items: readonly ActivityItem[] = [];
  /** Where the next page starts (an API cursor); null when the whole history is shown. */
  cursor: string | null = null;
  private ids = new Set<string>();
  private first: Activity | undefined;

  /** Whose list this is (customer and locale): another owner starts a new list. */
  constructor(readonly owner: string) {}

  /**
   * Takes the store's first page (first load, revalidation, after a redemption) and returns how
   * many entries arrived above those already shown (0 on the first fill). Entries already shown stay where they are, and so does
   * the cursor: it names a position in the history, not an offset, so it still starts right
   * after the last entry shown. Only when the new first page does not reach what is shown
   * (a gap we cannot see into) does the list start again from that page.
   */
  follow(first: Activity): number {
    if (first === this.first) return 0;
    const known = this.ids;
    const bridged = first.nextCursor === null || first.items.some((item) => known.has(item.id));
    const previous = this.first;
    const kept = previous && bridged ? this.items : [];
    this.first = first;
    if (!kept.length) this.cursor = first.nextCursor;
    this.items = [];
    this.ids = new Set();
    this.add(first.items);
    this.add(kept);
    return previous ? first.items.filter((item) => !known.has(item.id)).length : 0;
  }

  /**
   * Adds a later page fetched from `from`; returns how many entries were new, or -1 when the
   * list has moved on since the request started (then the page is dropped).
   */
  append(page: Activity, from: string): number {
    if (from !== this.cursor) return -1;
    const before = this.items.length;
    this.items = [...this.items];
    this.add(page.items);
    this.cursor = page.nextCursor;
    return this.items.length - before;
  }

  private add(items: readonly ActivityItem[]): void {
    const list = this.items as ActivityItem[];
    for (const item of items) {
      if (this.ids.has(item.id)) continue;
      this.ids.add(item.id);
      list.push(item);
    }
  }
}
