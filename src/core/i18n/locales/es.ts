// Filled in once every element's strings are final.
import type { Messages } from '../messages.js';

export const es = {} as Messages;
