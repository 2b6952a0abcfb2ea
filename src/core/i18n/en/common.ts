// Strings every element shares. Plural messages are objects keyed by Intl.PluralRules category.
export const common = {
  'common.retry': 'Try again',
  'common.loading': 'Loading…',
  'common.error': 'We couldn’t load this right now.',
  'common.offline': 'You seem to be offline.',
  'common.lastUpdated': 'Last updated {time}',
  'common.join': 'Join now',
  'common.signIn': 'Sign in',
  'common.copy': 'Copy',
  'common.copied': 'Copied',
  'common.copyManually': 'Press {shortcut} to copy',
  'common.close': 'Close',
  'common.pointsFallback': { one: 'point', other: 'points' },
};
