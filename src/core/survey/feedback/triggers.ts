// When the merchant's surveys open (with `configure({ survey: { programSurveys: true } })`): each
// survey's trigger from GET /v1/surveys — after a purchase, on a page whose path matches a
// pattern, at the Nth page view of a visit, or on a named event (`track('support-viewed')`) —
// then after its delay. A trigger is stored before its delay runs, so it still fires on the next
// page when the shopper navigates in between (within 30 minutes, once, in one tab). The rules
// (sampling, recontact days, dismissal cool-down, one survey per page view across tabs) are
// show-feedback.ts's.
import { now } from '../../clock.js';
import { LoyaltyError } from '../../errors.js';
import { getSdk } from '../../global.js';
import type { Sdk } from '../../sdk.js';
import { loadSurveys, type Survey } from './definitions.js';
import { page } from '../show.js';
import { readProgress } from './responses.js';
import { showFeedback } from './show.js';

interface Pending {
  survey: string;
  orderId?: string;
  at: number;
  fireAt: number;
}

const expiryMs = 30 * 60_000;
/** A visit ends after this long without a page view; page views count from 1 again. */
const visitMs = 30 * 60_000;
const counted = new WeakSet<Sdk>();
const timers = new WeakMap<Sdk, ReturnType<typeof setTimeout>>();
const pendingKey = (sdk: Sdk) => `feedback-pending|${sdk.options!.apiBase}|${sdk.customerId ?? ''}`;
const enabled = (sdk: Sdk) => !!sdk.options?.survey?.programSurveys && typeof document !== 'undefined';

/** `*` stands for any characters; the rest is literal. */
export const matchesPath = (pattern: string, path: string): boolean =>
  new RegExp(`^${pattern.split('*').map(escape).join('.*')}$`).test(path);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** For whichever SDK instance the page has now (one listener for every configure()). */
function onPurchase(event: Event): void {
  const orderId = (event as CustomEvent<{ orderId?: unknown } | null>).detail?.orderId;
  if (typeof orderId === 'string') void trigger(getSdk(), 'purchase', { orderId }).catch(() => undefined);
}

/** Runs with each configure(): counts this page view once, resumes a stored trigger, fires the page's own. */
export function startFeedbackTriggers(sdk: Sdk): void {
  if (!enabled(sdk)) return;
  document.addEventListener('loyalty-purchase', onPurchase);
  void resume(sdk).catch(() => undefined);
  if (counted.has(sdk)) return;
  counted.add(sdk);
  void onPageView(sdk).catch(() => undefined);
}

async function onPageView(sdk: Sdk): Promise<void> {
  // A survey left mid-way on the last page comes back (its element resumes it); this page view's survey is it.
  const progress = await readProgress(sdk);
  if (progress) {
    page(sdk).shown = true;
    const id = progress.survey.id;
    if (![...document.querySelectorAll('feedback-survey')].some((element) => element.getAttribute('survey') === id)) {
      const element = document.createElement('feedback-survey');
      element.setAttribute('survey', id);
      document.body.append(element);
    }
    return;
  }
  const key = `feedback-views|${sdk.options!.apiBase}`;
  const before = await sdk.cache.get<{ count: number; at: number }>(key);
  const count = before && now() - before.at < visitMs ? before.count + 1 : 1;
  await sdk.cache.set(key, { count, at: now() });
  const surveys = await loadSurveys(sdk);
  const fits = ({ trigger }: Survey) =>
    (trigger.on === 'url' && !!trigger.pattern && matchesPath(trigger.pattern, location.pathname)) ||
    (trigger.on === 'page-views' && trigger.count === count);
  const survey = surveys.find(fits);
  if (survey) await schedule(sdk, survey);
}

/** A purchase or a named event happened: the first survey it triggers is scheduled. */
export async function trigger(
  sdk: Sdk,
  on: 'purchase' | 'event',
  { name, orderId }: { name?: string; orderId?: string },
) {
  if (!enabled(sdk)) return;
  const surveys = await loadSurveys(sdk);
  const survey = surveys.find(({ trigger }) => trigger.on === on && (on !== 'event' || trigger.name === name));
  if (survey) await schedule(sdk, survey, orderId);
}

/** `track(name)`: a named event of the shop's (`support-viewed`) that may open a survey. */
export async function trackEvent(sdk: Sdk, name: string): Promise<void> {
  if (!sdk.options) throw new LoyaltyError('config', 'Call configure({apiBase}) first');
  if (typeof name !== 'string' || !name) throw new LoyaltyError('config', 'track() needs an event name');
  await trigger(sdk, 'event', { name });
}

async function schedule(sdk: Sdk, survey: Survey, orderId?: string): Promise<void> {
  const pending: Pending = { survey: survey.id, orderId, at: now(), fireAt: now() + (survey.trigger.delayMs ?? 0) };
  await sdk.cache.set(pendingKey(sdk), pending);
  arm(sdk, pending);
}

async function resume(sdk: Sdk): Promise<void> {
  const pending = await sdk.cache.get<Pending | null>(pendingKey(sdk));
  if (pending) arm(sdk, pending);
}

function arm(sdk: Sdk, pending: Pending): void {
  clearTimeout(timers.get(sdk));
  const fireNow = () => void fire(sdk, pending).catch(() => undefined);
  timers.set(sdk, setTimeout(fireNow, Math.max(0, pending.fireAt - now())));
}

async function fire(sdk: Sdk, pending: Pending): Promise<void> {
  const key = pendingKey(sdk);
  const stored = await sdk.cache.get<Pending | null>(key);
  // Another tab or page fired it already, or a newer trigger replaced it.
  if (stored?.at !== pending.at || stored.survey !== pending.survey) return;
  await sdk.cache.set(key, null);
  if (now() - pending.at <= expiryMs) await showFeedback(sdk, pending.survey, { orderId: pending.orderId });
}
