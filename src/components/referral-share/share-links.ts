// Direct share links. Every value is percent-encoded with encodeURIComponent (spaces as %20,
// not "+", which mail and SMS apps would show literally).
export type LinkChannel = 'email' | 'sms' | 'whatsapp' | 'x' | 'facebook' | 'linkedin';

export interface ShareContent {
  /** The full message, link included. */
  message: string;
  url: string;
  subject: string;
}

const e = encodeURIComponent;

export const shareLinks: Record<LinkChannel, (content: ShareContent) => string> = {
  email: ({ subject, message }) => `mailto:?subject=${e(subject)}&body=${e(message)}`,
  // "?&body=" is the form both iOS ("&body=") and Android ("?body=") read.
  sms: ({ message }) => `sms:?&body=${e(message)}`,
  whatsapp: ({ message }) => `https://wa.me/?text=${e(message)}`,
  x: ({ message }) => `https://x.com/intent/post?text=${e(message)}`,
  // Facebook and LinkedIn take only the link (they ignore prefilled text).
  facebook: ({ url }) => `https://www.facebook.com/sharer/sharer.php?u=${e(url)}`,
  linkedin: ({ url }) => `https://www.linkedin.com/sharing/share-offsite/?url=${e(url)}`,
};
