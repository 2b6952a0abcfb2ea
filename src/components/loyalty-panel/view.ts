// What each of the panel's views is given: the panel's words and formatters, the program, the
// shopper (none for a guest) and a way to move to another section.
import type { nothing } from 'lit';
import type { Me, Program } from '../../core/api/schemas.js';
import type { MessageKey } from '../../core/i18n/messages.js';
import type { Vars } from '../../core/i18n/translate.js';
import type { PanelSection } from '../../core/panel.js';
import type { BirthdayStatus } from './birthday-form.js';

export interface ViewContext {
  t: (key: MessageKey, vars?: Vars) => string;
  points: (count: number, program?: Program) => string;
  locale: string;
  program: Program;
  /** Undefined for a guest. */
  me: Me | undefined;
  joinUrl: string;
  /** The panel's theme, passed on to the elements inside it. */
  theme: 'light' | 'dark' | 'auto' | typeof nothing;
  go: (section: PanelSection) => void;
  /** The birthday form's state and its save action. */
  birthday: { status: BirthdayStatus; save: (date: string) => void };
}
