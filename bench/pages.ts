// Storefront pages as a merchant writes them: the queued configure() snippet (the token is
// rendered by the merchant's server), then the script tag, then the elements.
export interface PageOptions {
  /** Options for `LoyaltyWidgets.configure()`, queued before the script tag loads. */
  config?: Record<string, unknown>;
  body: string;
}

/** JSON that is safe inside an inline <script>. */
const inlineJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

export function scriptTagPage({ config, body }: PageOptions): string {
  const queue = config
    ? `<script>window.LoyaltyWidgets = { q: [['configure', [${inlineJson(config)}]]] };</script>`
    : '';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>loyalty-widgets bench</title>
    ${queue}
    <script type="module" src="/cdn/loyalty-widgets.js"></script>
  </head>
  <body>
    ${body}
  </body>
</html>`;
}

export const allFive = `<loyalty-balance></loyalty-balance>
    <loyalty-activity></loyalty-activity>
    <reward-catalog></reward-catalog>
    <nps-survey mode="inline"></nps-survey>
    <referral-share></referral-share>`;

export const elementTags = ['loyalty-balance', 'loyalty-activity', 'reward-catalog', 'nps-survey', 'referral-share'];

/** A product page: the script tag for referral capture, the purchase trigger and the outbox, no element. */
export const noElement = `<main><h1>Trail shoes</h1><p>Light, grippy, waterproof.</p></main>`;

/** The demo program's delivery survey (CSAT stars, a follow-up for a low rating) as a popup. */
export const csatPopup = `<feedback-survey survey="delivery" mode="modal"></feedback-survey>`;

/** The demo program's two-question on-site survey (multiple choice with Other, open text) in place. */
export const onSiteSurvey = `<main><h1>Trail shoes</h1></main>
    <feedback-survey survey="on-site" mode="inline"></feedback-survey>`;
