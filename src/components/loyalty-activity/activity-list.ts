// The entries one <loyalty-activity> shows: the store's shared first page, then the pages the
// shopper asked for, newest first, each id once. Later pages belong to the element, not the store.
import type { Activity, ActivityItem } from '../../core/api/schemas.js';

type Page = readonly ActivityItem[];

export class ActivityList {
  /**
   * The entries, a page at a time. A page that did not change keeps its identity, so rendering
   * can skip it: appending to 10,000 entries costs one page, not 10,000 rows.
   */
  pages: readonly Page[] = [];
  /** Where the next page starts (an API cursor); null when the whole history is shown. */
  cursor: string | null = null;
  size = 0;
  #ids = new Set<string>();
  #first: Activity | undefined;

  /** Whose list this is (customer and locale): another owner starts a new list. */
  constructor(readonly owner: string) {}

  /**
   * Takes the store's first page (first load, revalidation, after a redemption) and returns how
   * many entries arrived above those already shown (0 on the first fill). Entries already shown
   * stay, and so does the cursor: it names a position in the history, not an offset, so it still
   * starts right after the last entry shown. Only when the new first page does not reach what is
   * shown (a gap we cannot see into) does the list start again from that page.
   */
  follow(first: Activity): number {
    if (first === this.#first) return 0;
    const previous = this.#first;
    const known = this.#ids;
    const fresh = first.items.filter((item) => !known.has(item.id)).length;
    // It bridges when it holds an entry already shown, or is the whole history.
    const kept = previous && (fresh < first.items.length || first.nextCursor === null) ? this.pages : [];
    this.#first = first;
    if (!kept.length) this.cursor = first.nextCursor;
    this.pages = [];
    this.#ids = new Set();
    this.size = 0;
    for (const page of [first.items, ...kept]) this.#add(page);
    return previous ? fresh : 0;
  }

  /**
   * Adds a later page fetched from `from`; returns how many entries were new, or -1 when the
   * list has moved on since the request started (then the page is dropped).
   */
  append(page: Activity, from: string): number {
    if (from !== this.cursor) return -1;
    const before = this.size;
    this.#add(page.items);
    this.cursor = page.nextCursor;
    return this.size - before;
  }

  #add(page: Page): void {
    const fresh: ActivityItem[] = [];
    for (const item of page) {
      if (this.#ids.has(item.id)) continue;
      this.#ids.add(item.id);
      fresh.push(item);
    }
    if (!fresh.length) return;
    this.pages = [...this.pages, fresh.length === page.length ? page : fresh];
    this.size += fresh.length;
  }
}
