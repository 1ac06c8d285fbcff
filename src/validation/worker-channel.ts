/** Requests to the libxml2 worker and their answers, matched by id; the worker's failure reaches every caller. */
import type { Worker } from 'node:worker_threads';
import type { RawIssue, WorkerReply, WorkerRequest } from './libxml2-worker';
import { SharedDocumentPool } from './shared-documents';

/** The schema set failed to compile; the message is libxml2's. */
export class XsdSchemaError extends Error {
  override readonly name = 'XsdSchemaError';
}

interface Pending {
  readonly buffer: SharedArrayBuffer;
  readonly resolve: (results: readonly (readonly RawIssue[])[]) => void;
  readonly reject: (error: Error) => void;
}

export class WorkerChannel {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly documents = new SharedDocumentPool();
  private failure: Error | undefined;
  /** Resolves with libxml2's compile time once the worker has compiled the schema set. */
  readonly ready: Promise<number>;
  private settleReady!: { resolve: (compileMs: number) => void; reject: (error: Error) => void };

  constructor(private readonly worker: Worker) {
    this.ready = new Promise((resolve, reject) => { this.settleReady = { resolve, reject }; });
    this.ready.catch(() => undefined); // a failure also reaches every caller of send()
    worker.on('message', (reply: WorkerReply) => this.receive(reply));
    worker.on('error', (error) => this.fail(new Error(`the libxml2 validation worker failed: ${error.message}`, { cause: error })));
    worker.on('exit', () => this.fail(new Error('the libxml2 validation worker has stopped')));
  }

  send(docs: readonly string[]): Promise<readonly (readonly RawIssue[])[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const { buffer, ends } = this.documents.encode(docs);
    return new Promise((resolve, reject) => {
      // An idle worker never keeps the process alive; one with work pending does.
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { buffer, resolve, reject });
      const request: WorkerRequest = { id, buffer, ends };
      this.worker.postMessage(request);
    });
  }

  /** Stops the worker; later calls reject with `reason`. */
  async close(reason: Error): Promise<void> {
    this.failure ??= reason;
    await this.worker.terminate();
  }

  private receive(reply: WorkerReply): void {
    switch (reply.kind) {
      case 'ready':
        this.settleReady.resolve(reply.compileMs);
        return;
      case 'schema-error':
        this.fail(new XsdSchemaError(reply.message));
        void this.worker.terminate();
        return;
      case 'results':
      case 'failed': {
        const pending = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if (this.pending.size === 0) this.worker.unref();
        // The worker has answered, so it no longer reads the buffer.
        if (pending) this.documents.release(pending.buffer);
        if (reply.kind === 'results') pending?.resolve(reply.results);
        else pending?.reject(new Error(`libxml2 could not validate: ${reply.message}`));
      }
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.settleReady.reject(this.failure);
    for (const pending of this.pending.values()) pending.reject(this.failure);
    this.pending.clear();
    this.worker.unref();
  }
}
