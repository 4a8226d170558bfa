// After a change, the cells the reader sees run first and are painted; the others run after the paint.

/** The runtime internals this reads (not in its public API; stable across 5.x and 6.x). */
interface GraphVariable {
  _version: number;
  _outputs: Set<GraphVariable>;
}

/** What the page offers the policy: which outputs are on screen, and a wait for the next paint. */
export interface Screen {
  /** The cell output elements on screen now. */
  onScreen(): Iterable<HTMLElement>;
  /** Starts following `element` (a cell's output) on and off screen. */
  watch(element: HTMLElement): void;
  unwatch(element: HTMLElement): void;
  /** Resolves once the next frame has been painted. */
  afterPaint(): Promise<void>;
}

type Run = (this: unknown, ...args: unknown[]) => unknown;

/**
 * A change (a slider moved, a cell edited) recomputes every dependent cell in one task, so the
 * page paints only once the last of them is done, the charts far below as well as the one beside
 * the slider. Here a cell's re-run waits for the next paint when its output is off screen, some
 * cell on screen is pending, and no pending cell on screen reads from it (directly or through
 * others): what the reader looks at is painted first, the rest runs in the task after that paint.
 * A run that a newer change made stale meanwhile is skipped (the runtime would discard its value),
 * so a drag recomputes off-screen cells only when it pauses. Values are the same: a deferred run
 * gets the inputs it was called with. When nothing on screen changes, nothing waits.
 */
export function createVisibleFirst(screen: Screen) {
  const owners = new WeakMap<GraphVariable, HTMLElement>();

  /** Whether a pending cell on screen reads from `variable`: the graph walked through its outputs. */
  const isReadOnScreen = (variable: GraphVariable, pendingOnScreen: Set<HTMLElement>): boolean => {
    const seen = new Set<GraphVariable>([variable]);
    for (const v of seen) {
      const owner = owners.get(v);
      if (owner && pendingOnScreen.has(owner)) return true;
      for (const output of v._outputs) seen.add(output);
    }
    return false;
  };

  const isDeferred = (element: HTMLElement, variable: GraphVariable): boolean => {
    const pendingOnScreen = new Set<HTMLElement>();
    for (const shown of screen.onScreen()) {
      if (shown === element) return false;
      if (shown.dataset.status === "pending") pendingOnScreen.add(shown);
    }
    return pendingOnScreen.size > 0 && !isReadOnScreen(variable, pendingOnScreen);
  };

  return {
    /** Notes that `variables` (a cell's hidden variable and its names) show in `element`. */
    watch(element: HTMLElement, variables: readonly object[]): void {
      for (const variable of variables) owners.set(variable as GraphVariable, element);
      screen.watch(element);
    },
    unwatch(element: HTMLElement): void {
      screen.unwatch(element);
    },
    /**
     * `run` as the definition of `variable()`, whose cell shows in `element`: a re-run (when
     * `isRerun()`) that may wait for the paint does. `variable()` is the cell's variable while the
     * cell is on the page, undefined once it is gone (read at call time: it is made from this definition).
     * `onWait` runs when a run starts waiting: what the previous run left going (its timers) ends
     * when the runtime starts the next run, as it does when nothing waits.
     */
    defer(run: Run, element: HTMLElement, variable: () => object | undefined, isRerun: () => boolean, onWait?: () => void): Run {
      return function (this: unknown, ...args: unknown[]): unknown {
        const own = variable() as GraphVariable | undefined;
        if (!own || !isRerun() || !isDeferred(element, own)) return run.apply(this, args);
        onWait?.();
        const version = own._version;
        // Skipped when stale: a newer change ran meanwhile, or the cell is gone (its variable with it).
        return screen.afterPaint().then(() => (own._version === version && variable() === own ? run.apply(this, args) : undefined));
      };
    },
  };
}

/**
 * The browser's screen: an IntersectionObserver over the outputs, and a frame then a task. A page
 * that is hidden or printing shows nothing on screen, so no run waits; one hidden or printed while
 * runs wait lets them run at once: a hidden page paints no frame, and a printed one must show
 * every output at the current values (a print started from the browser's menu runs the waiting
 * cells in the microtasks after `beforeprint`, before the page is laid out for paper).
 */
export function createBrowserScreen(): Screen {
  const shown = new Set<HTMLElement>();
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) shown.add(entry.target as HTMLElement);
      else shown.delete(entry.target as HTMLElement);
    }
  });
  let printing = false;
  let painted: Promise<void> | undefined;
  let release = (): void => {};
  addEventListener("beforeprint", () => {
    printing = true;
    release();
  });
  addEventListener("afterprint", () => void (printing = false));
  document.addEventListener("visibilitychange", () => document.visibilityState === "visible" || release());
  return {
    onScreen: () => (document.visibilityState === "visible" && !printing ? shown : []),
    watch: (element) => observer.observe(element),
    unwatch: (element) => {
      observer.unobserve(element);
      shown.delete(element);
    },
    afterPaint: () =>
      (painted ??= new Promise<void>((resolve) => {
        // The task after the frame's callbacks runs once that frame is painted. The timer is a
        // backstop for frames that stop coming while the page stays visible (a hidden page lets
        // the runs go itself). It outlasts a late frame: on a loaded machine a frame can come
        // 100 ms and more after the change, and a shorter backstop then ran the off-screen cells
        // before the paint they were to wait for, so the screen was painted last, as without this.
        const done = (): void => {
          if (release !== done) return; // Released already (hidden, printed): this frame's task is late.
          release = () => {};
          clearTimeout(backstop);
          painted = undefined;
          resolve();
        };
        const backstop = setTimeout(done, 1000);
        release = done;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = done;
          channel.port2.postMessage(null);
        });
      })),
  };
}

let page: ReturnType<typeof createVisibleFirst> | null | undefined;

/** The page's policy; null where there is no screen to follow (Node, a DOM without IntersectionObserver). */
export function pageVisibleFirst(): ReturnType<typeof createVisibleFirst> | null {
  if (page === undefined) page = typeof IntersectionObserver === "function" && typeof requestAnimationFrame === "function" ? createVisibleFirst(createBrowserScreen()) : null;
  return page;
}
