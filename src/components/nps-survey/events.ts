// Public events of <nps-survey>. Each also reaches `on()` handlers; `nps-delivered` comes from
// the SDK's outbox, so `on('nps-delivered', …)` hears it even after the element is gone.
import type { SdkEventMap } from '../../core/events.js';
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
export class NpsShownEvent extends NpsEvent<SdkEventMap['nps-shown']> {
  constructor(detail: NpsShownEvent['detail']) {
    super('nps-shown', detail);
  }
}

/** The shopper chose a score (again when they change it; the same `id` is updated). */
export class NpsAnsweredEvent extends NpsEvent<SdkEventMap['nps-answered']> {
  constructor(detail: NpsAnsweredEvent['detail']) {
    super('nps-answered', detail);
  }
}

/** The shopper closed the survey; `score` is null when they closed it without answering. */
export class NpsDismissedEvent extends NpsEvent<SdkEventMap['nps-dismissed']> {
  constructor(detail: NpsDismissedEvent['detail']) {
    super('nps-dismissed', detail);
  }
}

/** The server stored the answer as it stands (the score, later the comment). */
export class NpsDeliveredEvent extends NpsEvent<SdkEventMap['nps-delivered']> {
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
