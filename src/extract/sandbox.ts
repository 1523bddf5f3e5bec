/**
 * Parsing of uploaded files off the request thread. A hostile DOCX, XLSX, PPTX or PDF can make a
 * parser spin for minutes or allocate gigabytes; here each file is parsed in a worker thread with
 * a hard heap limit (resourceLimits) and a wall-clock limit (the worker is terminated when it runs
 * over). Either limit answers ExtractError 'too_complex', which the forms show as "file too
 * complex"; the server keeps answering meanwhile.
 *
 * A small pool of warm workers is kept (starting one and loading pdf.js costs about a second);
 * a worker that ran over a limit is discarded and a fresh one started on the next job.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ExtractError, type ExtractErrorCode } from './errors.js';
import type { Extracted } from './index.js';
import type { BlindCopy } from './blind.js';
import type { ScrubKind } from './scrub.js';
import type { Identity } from '../domain/redact.js';

export type SandboxJob =
  | { op: 'extractText'; buf: Uint8Array; filename: string; maxBytes?: number }
  | { op: 'extractOfficeText'; buf: Uint8Array; kind: 'pptx' | 'xlsx' }
  | { op: 'scrubMetadata'; buf: Uint8Array; kind: ScrubKind }
  | { op: 'blindCopy'; buf: Uint8Array; kind: ScrubKind; who: Identity };

export type SandboxReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; extract: { code: ExtractErrorCode; message: string; detail?: string } }
  | { id: number; ok: false; message: string };

export interface SandboxOptions {
  /** Workers parsing at once; more jobs wait in line. */
  workers?: number;
  /** Wall-clock limit per file, counted from when a ready worker takes it. */
  timeoutMs?: number;
  /** Heap limit per worker (V8 old generation). */
  maxOldGenerationSizeMb?: number;
  /** An idle worker is stopped after this long. */
  idleMs?: number;
}

// A real 60-page PDF or a 40-page DOCX takes well under 3 s in a warm worker; pdf.js and mammoth
// need about 150 MB for large real documents. One core is always left to the request thread, so a
// parse that runs to its limit cannot slow every other page down.
export const DEFAULTS: Required<SandboxOptions> = {
  workers: Math.max(1, Math.min(4, availableParallelism() - 1)),
  // 6 s: twice what a real 60-page PDF needs; a 250 KB PDF whose content stream inflates to 100 MiB of text operators
  // keeps pdf.js busy for about 8 s on an idle core, so it is refused however quiet the machine is.
  timeoutMs: 6_000,
  maxOldGenerationSizeMb: 384,
  idleMs: 60_000,
};
// Bounded memory growth from libraries' caches: a worker is replaced after this many files.
const JOBS_PER_WORKER = 200;

interface Task {
  job: SandboxJob;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  jobs: number;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  idle: NodeJS.Timeout | null;
  id: number;
}

// Compiled (dist/), the worker is plain JavaScript; from the TypeScript sources (tsx, vitest) a small boot file
// registers tsx in the worker thread first, since workers do not inherit the parent's loader. The path goes through
// ../extract/ so it holds from the server's bundle (dist/bundle/server.js) as well as from dist/extract/.
const BOOT = import.meta.url.endsWith('.ts')
  ? new URL('./worker-boot.mjs', import.meta.url)
  : new URL('../extract/worker.js', import.meta.url);

const isOutOfMemory = (err: unknown) => (err as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

export class ExtractionSandbox {
  private readonly opts: Required<SandboxOptions>;
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private nextId = 1;

  constructor(opts: SandboxOptions = {}) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  extractText(buf: Uint8Array, filename: string, opts?: { maxBytes?: number }): Promise<Extracted> {
    return this.run({
      op: 'extractText',
      buf,
      filename,
      ...(opts?.maxBytes === undefined ? {} : { maxBytes: opts.maxBytes }),
    }) as Promise<Extracted>;
  }

  extractOfficeText(buf: Uint8Array, kind: 'pptx' | 'xlsx'): Promise<string> {
    return this.run({ op: 'extractOfficeText', buf, kind }) as Promise<string>;
  }

  scrubMetadata(buf: Uint8Array, kind: ScrubKind): Promise<Uint8Array> {
    return this.run({ op: 'scrubMetadata', buf, kind }) as Promise<Uint8Array>;
  }

  /** The copy a blind grader downloads (see blind.ts). */
  blindCopy(buf: Uint8Array, kind: ScrubKind, who: Identity): Promise<BlindCopy> {
    return this.run({
      op: 'blindCopy',
      buf,
      kind,
      who: { fullName: who.fullName, email: who.email ?? null, phone: who.phone ?? null },
    }) as Promise<BlindCopy>;
  }

  /** Stops every worker; queued and running jobs fail. */
  async close(): Promise<void> {
    for (const task of this.queue.splice(0)) task.reject(new Error('extraction sandbox closed'));
    await Promise.all([...this.slots].map((s) => this.discard(s, new Error('extraction sandbox closed'))));
  }

  private run(job: SandboxJob): Promise<unknown> {
    // The worker gets its own copy: the caller's bytes stay usable, and the copy moves without a second copy.
    const own = { ...job, buf: new Uint8Array(job.buf) } as SandboxJob;
    return new Promise((resolve, reject) => {
      this.queue.push({ job: own, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const free = [...this.slots].find((s) => s.ready && s.task === null);
      if (free) {
        this.start(free, this.queue.shift()!);
        continue;
      }
      // Workers still starting will take the next jobs when they are ready.
      const starting = [...this.slots].filter((s) => !s.ready).length;
      if (this.slots.size < this.opts.workers && starting < this.queue.length) {
        this.spawn();
        continue;
      }
      return;
    }
  }

  private spawn(): void {
    const worker = new Worker(BOOT, {
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      // The parent's loader flags are not needed (the boot file registers tsx) and some are refused in workers.
      execArgv: [],
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, ready: false, jobs: 0, task: null, timer: null, idle: null, id: this.nextId++ };
    this.slots.add(slot);
    worker.on('message', (m: SandboxReply | { ready: true }) => {
      if ('ready' in m) {
        slot.ready = true;
        this.park(slot);
        this.dispatch();
        return;
      }
      this.finish(slot, m);
    });
    worker.on('error', (err) => {
      const reason = isOutOfMemory(err)
        ? new ExtractError('too_complex', `parsing ran out of its ${this.opts.maxOldGenerationSizeMb} MB memory limit`, { cause: err })
        : err;
      void this.discard(slot, reason);
    });
    worker.on('exit', (code) => {
      if (this.slots.has(slot)) void this.discard(slot, new Error(`extraction worker exited with code ${code}`));
    });
  }

  private start(slot: Slot, task: Task): void {
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    slot.task = task;
    slot.jobs++;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      void this.discard(slot, new ExtractError('too_complex', `parsing took longer than ${this.opts.timeoutMs} ms`));
    }, this.opts.timeoutMs);
    slot.worker.postMessage({ id: slot.jobs, job: task.job }, [task.job.buf.buffer as ArrayBuffer]);
  }

  private finish(slot: Slot, reply: SandboxReply): void {
    const task = slot.task;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    if (task) {
      if (reply.ok) task.resolve(reply.result);
      else if ('extract' in reply) {
        const e = reply.extract;
        task.reject(new ExtractError(e.code, e.message, e.detail === undefined ? undefined : { detail: e.detail }));
      } else task.reject(new Error(`extraction failed: ${reply.message}`));
    }
    if (slot.jobs >= JOBS_PER_WORKER) void this.discard(slot, null);
    else this.park(slot);
    this.dispatch();
  }

  /** An idle worker does not keep the process alive, and stops after idleMs. */
  private park(slot: Slot): void {
    slot.worker.unref();
    slot.idle = setTimeout(() => void this.discard(slot, null), this.opts.idleMs);
    slot.idle.unref();
  }

  private async discard(slot: Slot, reason: unknown): Promise<void> {
    if (!this.slots.delete(slot)) return;
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.idle) clearTimeout(slot.idle);
    const task = slot.task;
    slot.task = null;
    if (task) task.reject(reason ?? new Error('extraction worker stopped'));
    // A worker that died while starting (a broken install) fails the next job instead of being
    // restarted for it forever.
    else if (!slot.ready && reason !== null) this.queue.shift()?.reject(reason);
    await slot.worker.terminate().catch(() => undefined);
    this.dispatch();
  }
}

let shared: ExtractionSandbox | null = null;

/** The process-wide sandbox the services use. */
export function extractionSandbox(): ExtractionSandbox {
  shared ??= new ExtractionSandbox();
  return shared;
}
