/**
 * The sinks of one call's streamed base64 elements: opened as the reader meets each element, asked for
 * room after every piece of the response (the slowest sink holds the reading), and failed together if
 * the call fails before they were complete.
 */
import type { BinaryContentOptions, BinaryElementPlace, BinarySink } from '../runtime/binary-content';

/** A sink that can say when it holds too much not yet passed on. */
export interface FlowingSink extends BinarySink {
  /** A promise while the sink is backed up (resolves once it has room again); undefined when it has room. */
  waitForRoom(): Promise<void> | undefined;
}

export class CallSinks {
  private readonly open = new Set<FlowingSink>();

  /** `sinkFor` opens a sink per element (undefined: read that one as a string). */
  constructor(private readonly elements: readonly string[], private readonly sinkFor: (place: BinaryElementPlace) => FlowingSink | undefined) {}

  /** What CallOptions.binaryContent takes. */
  options(): BinaryContentOptions {
    return {
      elements: this.elements,
      open: (place) => {
        const sink = this.sinkFor(place);
        if (sink === undefined) return undefined;
        this.open.add(sink);
        return {
          write: (bytes) => sink.write(bytes),
          end: () => { this.open.delete(sink); sink.end(); },
          fail: (error) => { this.open.delete(sink); sink.fail(error); },
        };
      },
      backPressure: () => {
        for (const sink of this.open) {
          const wait = sink.waitForRoom();
          if (wait) return wait;
        }
        return undefined;
      },
    };
  }

  /** The call failed: every sink still open learns it (a partial file is removed, a stream errors). */
  failOpen(error: unknown): void {
    const reason = error instanceof Error ? error : new Error(String(error));
    for (const sink of this.open) sink.fail(reason);
    this.open.clear();
  }
}
