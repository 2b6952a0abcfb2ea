// Helpers the bench installs in every page before any page script runs (an init script):
// marks for when each element is defined, a long-task recorder, and render/frame waits.

export interface PageHelpers {
  /** Text of a node and of every shadow root below it, as the shopper reads it. */
  deepText(node: Node): string;
  /** The time of the next animation frame, after forcing style and layout (the frame's work). */
  nextFrame(): Promise<number>;
  /** Waits until a Lit element has no update pending, then for the next frame; returns that frame's time. */
  rendered(element: Element): Promise<number>;
  /**
   * Times the next click on `target`: from the input event (its timestamp, when the browser
   * received it) to the frame after the element re-rendered. Read the result from `clickTiming`.
   */
  timeNextClick(target: Element): void;
  clickTiming: Promise<number> | undefined;
  /** Long tasks seen since the page started (buffered, so none is missed before the observer). */
  longTasks: { start: number; duration: number }[];
  /** Long animation frames with the scripts that ran in them: says which code a long task was. */
  longFrames: { start: number; duration: number; scripts: LongFrameScript[] }[];
  /** Layout shifts since the page started (buffered), with the tag of our element each moved node is in. */
  layoutShifts: LayoutShift[];
}

export interface LayoutShift {
  start: number;
  value: number;
  hadRecentInput: boolean;
  /** For each moved node: the outermost custom element holding it, else its own tag name. */
  sources: string[];
}

export interface LongFrameScript {
  source: string;
  invoker: string;
  duration: number;
}

declare global {
  var bench: PageHelpers;
}

/** Runs in the page (serialized by Playwright): everything it needs must be inside. */
export function installPageHelpers(): void {
  const tags = ['loyalty-balance', 'loyalty-activity', 'reward-catalog', 'nps-survey', 'referral-share'];
  // An element in the HTML is upgraded, and connected, synchronously inside define(); the
  // whenDefined() reaction runs right after it, in the same task, so this mark is the connect time.
  for (const tag of tags) {
    void customElements.whenDefined(tag).then(() => performance.mark(`bench:${tag}:connected`));
  }

  const longTasks: PageHelpers['longTasks'] = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the case reports none measured.
  }
  const longFrames: PageHelpers['longFrames'] = [];
  type FrameEntry = PerformanceEntry & { scripts?: { sourceURL: string; invoker: string; duration: number }[] };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as FrameEntry[]) {
        const scripts = (entry.scripts ?? []).map(({ sourceURL, invoker, duration }) => ({
          source: sourceURL,
          invoker,
          duration,
        }));
        longFrames.push({ start: entry.startTime, duration: entry.duration, scripts });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // Long animation frames are newer than long tasks: attribution is a bonus.
  }

  const layoutShifts: PageHelpers['layoutShifts'] = [];
  type ShiftEntry = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] };
  /** The element a moved node belongs to, as the page sees it: the host of its outermost shadow root. */
  const ownerTag = (node: Node | null | undefined): string => {
    let at: Node | null | undefined = node;
    while (at && at.getRootNode() instanceof ShadowRoot) at = (at.getRootNode() as ShadowRoot).host;
    return at instanceof Element ? at.localName : (at?.nodeName.toLowerCase() ?? 'unknown');
  };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as ShiftEntry[]) {
        layoutShifts.push({
          start: entry.startTime,
          value: entry.value,
          hadRecentInput: entry.hadRecentInput,
          sources: (entry.sources ?? []).map((source) => ownerTag(source.node)),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    // No Layout Instability API in this browser: the case reports none measured.
  }

  const deepText = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return '';
    let text = node instanceof Element && node.shadowRoot ? deepText(node.shadowRoot) : '';
    for (const child of node.childNodes) text += deepText(child);
    return text;
  };

  const nextFrame = (): Promise<number> =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        document.body.getBoundingClientRect();
        resolve(performance.now());
      }),
    );

  const rendered = async (element: Element): Promise<number> => {
    const lit = element as Element & { updateComplete?: Promise<boolean> };
    // updateComplete resolves false while another update is queued: wait for the last one.
    for (let i = 0; i < 10 && lit.updateComplete && !(await lit.updateComplete); i++);
    return nextFrame();
  };

  const timeNextClick = (target: Element): void => {
    globalThis.bench.clickTiming = new Promise((resolve) => {
      target.addEventListener(
        'click',
        (event) => void rendered(target).then((time) => resolve(time - event.timeStamp)),
        {
          once: true,
        },
      );
    });
  };

  globalThis.bench = {
    deepText,
    nextFrame,
    rendered,
    timeNextClick,
    clickTiming: undefined,
    longTasks,
    longFrames,
    layoutShifts,
  };
}
