// The share message from the merchant's template: `{url}`, `{code}` and `{reward}` filled in one
// pass, so a reward text that happens to contain "{code}" is never substituted again.
export interface ShareValues {
  url: string;
  code: string;
  /** What the friend gets. */
  reward: string;
}

export function shareMessage(template: string, values: ShareValues): string {
  const message = template.replace(/\{(url|code|reward)\}/g, (_match, name: keyof ShareValues) => values[name]);
  // A template without {url} would share nothing to click: the link is added at the end.
  return message.includes(values.url) ? message : `${message} ${values.url}`.trim();
}
