// Opening the loyalty panel from code (`open()`, `close()`, calls queued by the stub): a request
// on the SDK's bus that a `<loyalty-launcher>` carries out. The last request waits here until a
// launcher takes it, so `open()` before the launcher's code has loaded still opens it.
import type { Sdk } from './sdk.js';

export const panelSections = ['home', 'earn', 'rewards', 'tiers', 'referral', 'activity'] as const;
export type PanelSection = (typeof panelSections)[number];

export const isPanelSection = (value: unknown): value is PanelSection => panelSections.includes(value as PanelSection);

export interface PanelRequest {
  open: boolean;
  section?: PanelSection;
}

const pending = new WeakMap<Sdk, PanelRequest>();

export function requestPanel(sdk: Sdk, request: PanelRequest): void {
  pending.set(sdk, request);
  sdk.bus.emit('panel-request', request);
}

/** The request no launcher has carried out yet, if any; taking it clears it. */
export function takePanelRequest(sdk: Sdk): PanelRequest | undefined {
  const request = pending.get(sdk);
  pending.delete(sdk);
  return request;
}
