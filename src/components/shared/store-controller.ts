// Connects an element to one shared resource: subscribe while connected, re-render on change.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ResourceName } from '../../core/config.js';
import { getSdk } from '../../core/global.js';
import type { ResourceTypes } from '../../core/sdk.js';
import type { Snapshot } from '../../core/store/resource.js';
import { numberFormat } from '../../core/i18n/format.js';
import type { LoyaltyElement } from './loyalty-element.js';

/**
 * The page's first Intl formatter loads the locale's data (25–70 ms in headless Chromium): the
 * first element that shows store data has it built in a task of its own while the data is on
 * its way, not inside its first render with data. (A closed survey formats nothing.)
 */
let intlWarmed = false;

export class StoreController<N extends ResourceName> implements ReactiveController {
  value: Snapshot<ResourceTypes[N]>;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly name: N,
    /** Told of each new snapshot before the host re-renders (for announcements, events). */
    private readonly onChange?: (next: Snapshot<ResourceTypes[N]>, previous: Snapshot<ResourceTypes[N]>) => void,
  ) {
    this.value = getSdk().resource(name).snapshot;
    host.addController(this);
  }

  hostConnected(): void {
    if (!intlWarmed) {
      intlWarmed = true;
      const locale = (this.host as Partial<Pick<LoyaltyElement, 'locale'>>).locale ?? getSdk().locale();
      setTimeout(() => numberFormat(locale));
    }
    this.unsubscribe = getSdk()
      .resource(this.name)
      .subscribe((snapshot) => {
        const previous = this.value;
        this.value = snapshot;
        if (snapshot !== previous) {
          this.onChange?.(snapshot, previous);
          this.host.requestUpdate();
        }
      });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Asks the server again (Retry buttons). */
  refresh(): Promise<void> {
    return getSdk().resource(this.name).refresh();
  }
}

/** A Retry handler: asks again for each of `stores` whose last request failed. */
export const retryFailed =
  (...stores: Pick<StoreController<ResourceName>, 'value' | 'refresh'>[]) =>
  (): void => {
    for (const store of stores) if (store.value.error) void store.refresh();
  };
