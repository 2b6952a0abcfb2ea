// The React 19 and Vue example pages, built against the package as an app would build them
// (`npm run test:examples`, run by `npm run test:e2e` first): the elements get their properties
// and each framework's event binding (`onreward-redeemed` in React, `onRewardRedeemed` in Vue)
// hears a real redemption from the reference API.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launch, startHarness, type Harness } from './harness.ts';

let harness: Harness;
let browser: Browser;

before(async () => {
  harness = await startHarness();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await harness?.close();
});

for (const framework of ['react', 'vue']) {
  test(`${framework}: properties reach the elements and the redeemed code reaches the app`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${harness.origin}/demo/dist/frameworks/${framework}.html`);
    const redeem = page.locator('reward-catalog [part="redeem-button"]:not([disabled])').first();
    await redeem.click();
    await page.locator('reward-catalog dialog').getByRole('button', { name: 'Redeem', exact: true }).click();
    const status = page.locator('main > p[role="status"]');
    await status.waitFor();
    assert.match(await status.innerText(), /^Code \S+ applied to your cart\.$/);
    assert.equal(
      await page.locator('loyalty-balance').evaluate((element) => (element as { compact?: boolean }).compact),
      true,
    );
    assert.equal(
      await page.locator('reward-catalog').evaluate((element) => (element as { sort?: string }).sort),
      'cost-asc',
    );
    assert.deepEqual(errors, []);
    await context.close();
  });
}
