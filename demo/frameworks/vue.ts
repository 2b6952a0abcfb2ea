// A minimal Vue 3 page using the elements as a consumer of the package would. Vue passes
// `onRewardRedeemed` to the element as a `reward-redeemed` listener.
import { createApp, defineComponent, h, ref } from 'vue';
import 'loyalty-widgets/define';
import type {} from 'loyalty-widgets/vue';
import { configure, type RewardRedeemedEvent } from 'loyalty-widgets';
import { demoSession } from './session.js';

configure(await demoSession());

const App = defineComponent(() => {
  const code = ref<string | null>(null);
  return () =>
    h('main', [
      h('h1', 'Vue storefront'),
      h('loyalty-balance', { compact: true }),
      h('reward-catalog', {
        sort: 'cost-asc',
        onRewardRedeemed: (event: RewardRedeemedEvent) => (code.value = event.detail.redemption.code),
      }),
      code.value ? h('p', { role: 'status' }, `Code ${code.value} applied to your cart.`) : null,
    ]);
});

createApp(App).mount('#root');
