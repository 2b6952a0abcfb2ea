// Public events of <feedback-survey>. Each also reaches `on()` handlers; `feedback-delivered`
// comes from the SDK's outbox, so `on('feedback-delivered', …)` hears it after the element is gone.
import type { SdkEventMap } from '../../core/events.js';

abstract class FeedbackEvent<D> extends Event {
  constructor(
    type: string,
    readonly detail: D,
  ) {
    super(type, { bubbles: true, composed: true });
  }
}

/** The survey opened (`resumed` after a reload mid-way). */
export class FeedbackShownEvent extends FeedbackEvent<SdkEventMap['feedback-shown']> {
  constructor(detail: FeedbackShownEvent['detail']) {
    super('feedback-shown', detail);
  }
}

/** The shopper answered a question (again when they change it). */
export class FeedbackAnsweredEvent extends FeedbackEvent<SdkEventMap['feedback-answered']> {
  constructor(detail: FeedbackAnsweredEvent['detail']) {
    super('feedback-answered', detail);
  }
}

/** The shopper reached the end of the survey. */
export class FeedbackCompletedEvent extends FeedbackEvent<SdkEventMap['feedback-completed']> {
  constructor(detail: FeedbackCompletedEvent['detail']) {
    super('feedback-completed', detail);
  }
}

/** The shopper closed the survey before its end. */
export class FeedbackDismissedEvent extends FeedbackEvent<SdkEventMap['feedback-dismissed']> {
  constructor(detail: FeedbackDismissedEvent['detail']) {
    super('feedback-dismissed', detail);
  }
}

/** The server stored the response as it stands. */
export class FeedbackDeliveredEvent extends FeedbackEvent<SdkEventMap['feedback-delivered']> {
  constructor(detail: FeedbackDeliveredEvent['detail']) {
    super('feedback-delivered', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'feedback-shown': FeedbackShownEvent;
    'feedback-answered': FeedbackAnsweredEvent;
    'feedback-completed': FeedbackCompletedEvent;
    'feedback-dismissed': FeedbackDismissedEvent;
    'feedback-delivered': FeedbackDeliveredEvent;
  }
}
