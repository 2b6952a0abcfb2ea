// Public events of <nps-survey>. Each also reaches `on()` handlers; `nps-delivered` comes from
// the SDK's outbox, so `on('nps-delivered', …)` hears it even after the element is gone.
import type { NpsCategory } from '../../core/survey/rules.js';

export type { NpsCategory };

abstract class NpsEvent<D> extends Event {
  constructor(
    type: string,
    readonly detail: D,
  ) {
    super(type, { bubbles: true, composed: true });
  }
}

/** The survey opened. */
export class NpsShownEvent extends NpsEvent<{ readonly orderId?: string; readonly mode: string }> {
  constructor(detail: NpsShownEvent['detail']) {
    super('nps-shown', detail);
  }
}

/** The shopper chose a score (again when they change it; the same `id` is updated). */
export class NpsAnsweredEvent extends NpsEvent<{
  readonly id: string;
  readonly score: number;
  readonly category: NpsCategory;
  readonly orderId?: string;
}> {
  constructor(detail: NpsAnsweredEvent['detail']) {
    super('nps-answered', detail);
  }
}

/** The shopper closed the survey; `score` is null when they closed it without answering. */
export class NpsDismissedEvent extends NpsEvent<{ readonly id?: string; readonly score: number | null }> {
  constructor(detail: NpsDismissedEvent['detail']) {
    super('nps-dismissed', detail);
  }
}

/** The server stored the answer as it stands (the score, later the comment). */
export class NpsDeliveredEvent extends NpsEvent<{ readonly id: string; readonly category: NpsCategory }> {
  constructor(detail: NpsDeliveredEvent['detail']) {
    super('nps-delivered', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nps-shown': NpsShownEvent;
    'nps-answered': NpsAnsweredEvent;
    'nps-dismissed': NpsDismissedEvent;
    'nps-delivered': NpsDeliveredEvent;
  }
}
