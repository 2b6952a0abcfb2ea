/** Time allowed for one attempt of a call, in ms, unless `network.timeoutMs` says otherwise. */
export const defaultTimeoutMs = 8000;
