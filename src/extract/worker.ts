/**
 * The extraction worker: parses untrusted files off the main thread, one job at a time, inside the
 * time and memory limits the sandbox sets. Jobs and results are plain data (structured clone).
 */
import { parentPort } from 'node:worker_threads';
import { blindCopy } from './blind.js';
import { ExtractError } from './errors.js';
import { extractText } from './index.js';
import { extractOfficeText, scrubMetadata } from './scrub.js';
import type { SandboxJob, SandboxReply } from './sandbox.js';

async function run(job: SandboxJob): Promise<unknown> {
  switch (job.op) {
    case 'extractText':
      return extractText(job.buf, job.filename, job.maxBytes === undefined ? undefined : { maxBytes: job.maxBytes });
    case 'extractOfficeText':
      return extractOfficeText(job.buf, job.kind);
    case 'scrubMetadata':
      return scrubMetadata(job.buf, job.kind);
    case 'blindCopy':
      return blindCopy(job.buf, job.kind, job.who);
  }
}

const port = parentPort;
if (port === null) throw new Error('worker.ts runs only as a worker thread');

port.on('message', (message: { id: number; job: SandboxJob }) => {
  run(message.job).then(
    (result) => {
      // A blind copy carries its bytes inside an object.
      if (result !== null && typeof result === 'object' && 'bytes' in result && result.bytes instanceof Uint8Array) {
        const bytes = result.bytes.slice();
        port.postMessage({ id: message.id, ok: true, result: { ...result, bytes } } satisfies SandboxReply, [bytes.buffer as ArrayBuffer]);
        return;
      }
      if (!(result instanceof Uint8Array)) {
        port.postMessage({ id: message.id, ok: true, result } satisfies SandboxReply);
        return;
      }
      // Cloning a view would copy its whole backing buffer (a pooled Buffer's is shared); hand
      // over an exact copy instead, without a second copy in transit.
      const own =
        result.byteOffset === 0 && result.byteLength === result.buffer.byteLength && !Buffer.isBuffer(result) ? result : result.slice();
      port.postMessage({ id: message.id, ok: true, result: own } satisfies SandboxReply, [own.buffer as ArrayBuffer]);
    },
    (err: unknown) => {
      const reply: SandboxReply =
        err instanceof ExtractError
          ? {
              id: message.id,
              ok: false,
              extract: { code: err.code, message: err.message, ...(err.detail === undefined ? {} : { detail: err.detail }) },
            }
          : { id: message.id, ok: false, message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
      port.postMessage(reply);
    },
  );
});
port.postMessage({ ready: true });
