// What a merchant passes to `configure()`, and its defaults.
import type { NetworkOptions } from './api/client.js';
import type { ApiMapping } from './api/endpoints.js';
import type { Messages } from './i18n/messages.js';
import type { ResourceTiming } from './store/resource.js';

export type TokenProvider = () => Promise<string | null>;

export interface LoyaltyOptions {
  /** Base URL of the loyalty API, e.g. `https://shop.example/loyalty` (required). */
  apiBase: string;
  /** The signed-in shopper's id from the page; absent or null means guest. */
  customerId?: string | null;
  /** A bearer token for that customer; null means signed out. */
  token?: string | null;
  /** Called for a token, and again once after a 401; preferred over `token`. */
  tokenProvider?: TokenProvider;
  /** BCP 47 tag; defaults to `<html lang>`. */
  locale?: string;
  /** String overrides per locale (`{ en: { 'balance.pending': '…' } }`), merged over the catalog. */
  messages?: Record<string, Partial<Messages>>;
  /** Store data in IndexedDB (default true). False keeps everything in memory until `setConsent(true)`. */
  persist?: boolean;
  /** Fresh window and maximum age per resource, in ms. */
  cache?: Partial<Record<ResourceName, Partial<ResourceTiming>>>;
  network?: NetworkOptions;
  /** Your API's own paths and JSON shapes, per resource and write, mapped to the contract's (see ApiMapping). */
  api?: ApiMapping;
  /** When the NPS survey may show after a purchase (see SurveyOptions). */
  survey?: SurveyOptions;
  /** Referral links: the share message and how incoming codes are captured. */
  referral?: ReferralOptions;
}

export interface ReferralOptions {
  /**
   * The share message; `{url}`, `{code}` and `{reward}` (what the friend gets) are filled in.
   * Defaults to the `referral.message` string of the catalog.
   */
  message?: string;
  /** The landing-URL parameter that carries an incoming code (default `ref`). */
  param?: string;
  /** Days a captured code counts for an order (default 30). */
  attributionDays?: number;
  /** Remove the parameter from the address bar once captured (default false: other scripts may read it). */
  stripParam?: boolean;
}

export type ResourceName = 'program' | 'me' | 'rewards' | 'redemptions' | 'referral' | 'activity';

const minute = 60_000;
const day = 24 * 60 * minute;
export const defaultTiming: Record<ResourceName, ResourceTiming> = {
  me: { freshMs: 30_000, maxAgeMs: 7 * day },
  rewards: { freshMs: 5 * minute, maxAgeMs: 7 * day },
  program: { freshMs: 60 * minute, maxAgeMs: 30 * day },
  redemptions: { freshMs: 30_000, maxAgeMs: 7 * day },
  referral: { freshMs: 5 * minute, maxAgeMs: 7 * day },
  activity: { freshMs: 30_000, maxAgeMs: 7 * day },
};

/** The NPS survey's trigger and eligibility rules; every field has a default. */
export interface SurveyOptions {
  /** Milliseconds from `trackPurchase()` to the survey (default 5000). */
  delay?: number;
  /** Share of shoppers asked, 0 to 1 (default 1), decided once per shopper per recontact window. */
  sampleRate?: number;
  /** Days after an answer before the shopper is asked again (default 90). */
  recontactDays?: number;
  /** Days after a dismissal before the survey shows again (default 14). */
  dismissCooldownDays?: number;
  /** Dismissals in one recontact window after which the survey gives up until the next (default 3). */
  maxDismissals?: number;
  /** The shop in "How likely are you to recommend {shop}…"; defaults to the program's name. */
  shopName?: string;
  /**
   * Open the surveys of GET /v1/surveys by their own triggers (`<feedback-survey>`); asks the API
   * for them on every page. Default false. `dismissCooldownDays` and `maxDismissals` apply to each.
   */
  programSurveys?: boolean;
}
