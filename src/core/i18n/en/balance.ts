// Strings of <loyalty-balance>. (Translations keep them in one file with <loyalty-activity>'s.)
export const balance = {
  'balance.label': 'Your points',
  'balance.available': 'Available to spend',
  'balance.pending': '{points} pending',
  'balance.tier': '{tier} member',
  'balance.benefits': '{tier} benefits',
  'balance.progressLabel': 'Progress to {tier}, from points earned (spending points does not lower it)',
  'balance.progressLabelSpend': 'Progress to {tier}, from your total spend',
  'balance.toNextPoints': '{points} to {tier}',
  'balance.toNextSpend': '{amount} more to spend to reach {tier}',
  'balance.topTier': 'You’re at our top tier',
  'balance.expiresOn': { one: '{points} expires on {date}', other: '{points} expire on {date}' },
  'balance.expiresSoon': { one: '{points} expires {relative}', other: '{points} expire {relative}' },
  'balance.guest': 'Join {program} to earn points on every order.',
  'balance.guestGeneric': 'Join our rewards program to earn points on every order.',
  'balance.changed': 'Your points balance is now {points}',
};
