// When each open document is checked: after a quiet time (kehoach.debounceMs) once its last edit
// arrived, the newest version only. A newer version cancels the wait, and at most one check per
// document runs at a time with at most one waiting (the newest), so nothing ever queues up; a
// check whose document moved on while it ran is not published.
import type { Analysis } from './analysis.js';
import { concernsPlan } from './index-changes.js';
import type { PlanService } from './service.js';

/** Quiet time after the last change to the workspace index before the plans it concerns are checked again. */
const INDEX_SETTLE_MS = 100;

export interface SchedulerOptions {
  service: PlanService;
  /** URIs of the open documents. */
  openDocuments(): string[];
  /** The index's URI for a document. */
  indexUri(uri: string): string;
  /** The plans concerned by a burst of index changes are being checked again. */
  indexSettled(): void;
  /** The quiet time for a document, in milliseconds. */
  debounceMs(uri: string): number;
  /** A check of the document's current version is done: publish it. */
  checked(analysis: Analysis): void;
  log(message: string): void;
}

export class CheckScheduler {
  private readonly timers = new Map<string, { cancel(): void }>();
  /** Documents being checked now; true when another check is wanted once this one is over. */
  private readonly running = new Map<string, boolean>();
  private indexTimer: NodeJS.Timeout | undefined;
  /** Index changes since the last re-check; undefined when every plan is concerned. */
  private indexChanges: Array<{ touched: ReadonlySet<string>; source: string }> | undefined = [];

  constructor(private readonly options: SchedulerOptions) {}

  /** Whether a check of the document is waiting or running. */
  isScheduled(uri: string): boolean {
    return this.timers.has(uri) || this.running.has(uri);
  }

  /** Checks the document once its quiet time is over, replacing any check scheduled before. */
  schedule(uri: string): void {
    this.cancel(uri);
    const delay = this.options.debounceMs(uri);
    const run = (): void => {
      this.timers.delete(uri);
      this.start(uri);
    };
    if (delay === 0) {
      // "As soon as idle": the JSON-RPC reader takes one queued message per turn of the event loop,
      // so a check queued one turn ahead would run between every two queued edits. Two turns let
      // the next queued edit arrive first and cancel it.
      let immediate = setImmediate(() => {
        immediate = setImmediate(run);
      });
      this.timers.set(uri, { cancel: () => clearImmediate(immediate) });
    } else {
      const timeout = setTimeout(run, delay);
      this.timers.set(uri, { cancel: () => clearTimeout(timeout) });
    }
  }

  cancel(uri: string): void {
    this.timers.get(uri)?.cancel();
    this.timers.delete(uri);
  }

  /** Every open document, after a settings or configuration change. */
  scheduleAll(): void {
    for (const uri of this.options.openDocuments()) this.schedule(uri);
  }

  /**
   * The workspace index changed: once the burst of file events is over, check again the open plans
   * it concerns (all of them after a scan, when `touched` is undefined).
   */
  indexChanged(touched?: ReadonlySet<string>, source?: string): void {
    if (!touched || source === undefined) this.indexChanges = undefined;
    else this.indexChanges?.push({ touched, source });
    clearTimeout(this.indexTimer);
    this.indexTimer = setTimeout(() => {
      const changes = this.indexChanges;
      this.indexChanges = [];
      const { service } = this.options;
      if (!changes) {
        service.invalidate();
        this.scheduleAll();
      } else {
        for (const analysis of [...service.openPlans()]) {
          // A plan's own entry never changes its own findings: the cross-file rules skip it.
          const self = this.options.indexUri(analysis.uri);
          if (!changes.some((change) => change.source !== self && concernsPlan(analysis.check.model, change.touched))) continue;
          service.stale(analysis.uri);
          this.schedule(analysis.uri);
        }
      }
      this.options.indexSettled();
    }, INDEX_SETTLE_MS);
  }

  /** Checks the document now, or once the check running for it is over. */
  private start(uri: string): void {
    if (this.running.has(uri)) {
      this.running.set(uri, true);
      return;
    }
    this.running.set(uri, false);
    this.run(uri)
      .catch((error: unknown) => this.options.log(`Check of ${uri} failed: ${(error as Error).stack ?? String(error)}`))
      .finally(() => {
        const again = this.running.get(uri);
        this.running.delete(uri);
        if (again) this.start(uri);
      });
  }

  private async run(uri: string): Promise<void> {
    const analysis = await this.options.service.analyze(uri);
    if (!analysis) return;
    // Publish only after pending input is read: an edit that arrived during the check makes it stale.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.options.service.cached(uri) === analysis) this.options.checked(analysis);
  }
}
