// What the catalog's parts (cards, My rewards, the redemption dialog) are given: the catalog's
// words and formatters, the program and balance, and its actions.
import type { Program, Reward } from '../../core/api/schemas.js';
import type { MessageKey } from '../../core/i18n/messages.js';
import type { Vars } from '../../core/i18n/translate.js';

/** The dialog's request: a reward to confirm, or an unsettled intent to finish. */
export interface Opening {
  reward: Reward;
  points: number;
  step: 'confirm' | 'busy';
  intent?: { key: string; rewardId: string; points?: number; createdAt: number };
}

export interface CatalogView {
  t: (key: MessageKey, vars?: Vars) => string;
  locale: string;
  /** "1,250 points", with the program's own label when it is known. */
  points: (count: number) => string;
  program: Program | undefined;
  /** Undefined for a guest. */
  balance: number | undefined;
  /** Points chosen for each variable reward, by id. */
  chosen: Record<string, number>;
  /** The code last copied and what was said about it. */
  copied: { code: string; text: string } | undefined;
  brokenImages: ReadonlySet<string>;
  choose: (reward: Reward, event: Event, typing?: boolean) => void;
  open: (opening: Opening, opener: EventTarget | null) => void;
  copy: (code: string, event: Event) => void;
}
