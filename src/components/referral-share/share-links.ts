// Direct share links. Every value is percent-encoded with encodeURIComponent (spaces as %20,
// not "+", which mail and SMS apps would show literally).
export type LinkChannel = 'email' | 'sms' | 'whatsapp' | 'x' | 'facebook' | 'linkedin';

export interface ShareContent {
  /** The full message, link included. */
  message: string;
  url: string;
  subject: string;
}

/** Every channel's link, in the order they are shown. */
export function shareLinks({ message, url, subject }: ShareContent): [LinkChannel, string][] {
  const text = encodeURIComponent(message);
  const link = encodeURIComponent(url);
  return [
    ['email', `mailto:?subject=${encodeURIComponent(subject)}&body=${text}`],
    // "?&body=" is the form both iOS ("&body=") and Android ("?body=") read.
    ['sms', `sms:?&body=${text}`],
    ['whatsapp', `https://wa.me/?text=${text}`],
    ['x', `https://x.com/intent/post?text=${text}`],
    // Facebook and LinkedIn take only the link (they ignore prefilled text).
    ['facebook', `https://www.facebook.com/sharer/sharer.php?u=${link}`],
    ['linkedin', `https://www.linkedin.com/sharing/share-offsite/?url=${link}`],
  ];
}
