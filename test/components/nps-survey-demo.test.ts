// The demo's checkout, used as a shopper would (in a frame, signed in as the demo's Ada against
// the reference API at /api): an order earns points, the survey opens a few seconds later (the
// SDK's default delay, real time), and the answer reaches the server's stored feedback.
import { expect, waitUntil } from '@open-wc/testing';
import { openDemoPage, points, text } from '../helpers/demo-page.js';

interface Feedback {
  orderId?: string;
  score: number;
  comment?: string;
  customerId: string | null;
}

describe('demo: checkout page', () => {
  it('earns points for an order, then asks for a score and stores the answer on the server', async function () {
    this.timeout(30_000);
    const { page, close } = await openDemoPage('checkout.html', '.site-header loyalty-balance');
    try {
      const header = page.querySelector('.site-header loyalty-balance')!;
      await waitUntil(() => points(text(header.shadowRoot)) > 0, 'the header balance shows', { timeout: 10_000 });
      const before = points(text(header.shadowRoot));

      page.querySelector<HTMLButtonElement>('#buy')!.click();
      await waitUntil(() => /Order (\S+) placed/.test(text(page.getElementById('order-status'))), 'the order');
      const orderId = /Order (\S+) placed/.exec(text(page.getElementById('order-status')))![1];
      await waitUntil(() => points(text(header.shadowRoot)) > before, 'points arrive in the header', {
        timeout: 5000,
      });

      const survey = page.querySelector('nps-survey')!;
      const dialog = () => survey.shadowRoot?.querySelector('dialog');
      await waitUntil(() => dialog()?.open, 'the survey opens after the purchase', { timeout: 15_000 });
      expect(text(dialog())).to.contain('How likely are you to recommend Acme Outfitters to a friend');
      [...dialog()!.querySelectorAll<HTMLButtonElement>('[part="score"]')]
        .find((button) => text(button) === '9')!
        .click();
      await waitUntil(() => dialog()!.querySelector('textarea'), 'the follow-up question');
      dialog()!.querySelector('textarea')!.value = 'Quick delivery';
      dialog()!.querySelector<HTMLButtonElement>('[part="send-button"]')!.click();

      // A promoter is offered their own referral link with the thank-you.
      const promoter = survey.shadowRoot!.querySelector<HTMLElement>('[part="promoter"]')!;
      const link = () => survey.querySelector('referral-share')?.shadowRoot?.querySelector('input')?.value ?? '';
      await waitUntil(() => !promoter.hidden && link().endsWith('?ref=ADA-7K2Q'), 'the referral link', {
        timeout: 5000,
      });

      const mine = async () => {
        const { feedback } = (await (await fetch('/api/demo/feedback')).json()) as { feedback: Feedback[] };
        return feedback.find((answer) => answer.orderId === orderId);
      };
      await waitUntil(async () => (await mine())?.comment === 'Quick delivery', 'the answer is stored', {
        timeout: 5000,
      });
      expect(await mine()).to.include({ score: 9, customerId: 'c_ada' });
      await waitUntil(
        () => text(page.getElementById('feedback')).includes(`9/10 from c_ada (order ${orderId}): “Quick delivery”`),
        'the page lists it',
      );
    } finally {
      close();
    }
  });
});
