// Strings of <reward-catalog>'s redemption dialog: they load with it, on the first Redeem.
export const redeem = {
  'catalog.confirm': 'Redeem {reward} for {points}?',
  'catalog.balanceAfter': 'Your balance after: {points}',
  'catalog.cancel': 'Cancel',
  'catalog.redeeming': 'Redeeming…',
  'catalog.done': 'Here’s your reward',
  'catalog.code': 'Your code',
  'catalog.error.insufficient-points': 'You don’t have enough points for this reward any more.',
  'catalog.error.reward-unavailable': 'This reward isn’t available any more.',
  'catalog.error.tier-locked': 'This reward needs a higher tier.',
  'catalog.error.refused': 'We couldn’t redeem this reward. No points were spent.',
  'catalog.error.codeMissing':
    'Your reward was redeemed, but its code didn’t come through. It will show up in My rewards: check again in a moment.',
  'catalog.error.retry': 'We couldn’t confirm your redemption. Try again: your points are never spent twice.',
};
