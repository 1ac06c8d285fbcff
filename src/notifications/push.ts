/**
 * Push notifications: Exchange calls the subscriber's URL with SendNotification requests; this
 * listener answers each with a SendNotificationResult (OK, or Unsubscribe once the consumer stopped)
 * written through the descriptors, and hands the events to one async iterator. Mount `handler` in
 * your own HTTP(S) server, or `listen()` on a port. A full queue answers HTTP 503: Exchange sends the
 * notification again later, so nothing is dropped while the consumer is slow.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type * as m from '../../generated/messages';
import type { CallOptions, ExchangeClient } from '../client/exchange-client';
import { readEnvelope } from '../runtime/envelope-reader';
import { writeEnvelope } from '../runtime/writer';
import type { SchemaSet } from '../schema/descriptors';
import { ewsSchema } from '../schema/ews-schema';
import { eventsOf, lastWatermark, type NotificationEvent } from './events';
import { scopeOf, subscribe, type Subscribed, type SubscriptionScope } from './requests';

export interface PushListenerOptions {
  /** Events held for the consumer before new notifications are refused with 503 (default 10,000). */
  readonly maxQueuedEvents?: number;
  /** Largest request body accepted (default 16 MiB). */
  readonly maxBodyBytes?: number;
  readonly schema?: SchemaSet;
}

export interface PushSubscriptionOptions extends SubscriptionScope {
  /** The listener's URL as Exchange can reach it. */
  readonly url: string;
  /** Minutes between StatusEvents when there is nothing to report (1–1440); 1 by default. */
  readonly statusFrequencyMinutes?: number;
  readonly callerData?: string;
  /** Resume after this watermark. */
  readonly watermark?: string;
  readonly callOptions?: CallOptions;
}

/** Subscribes `url` to push notifications. */
export function subscribePush(client: ExchangeClient, options: PushSubscriptionOptions): Promise<Subscribed> {
  return subscribe(client, {
    PushSubscriptionRequest: {
      ...scopeOf(options), StatusFrequency: options.statusFrequencyMinutes ?? 1, URL: options.url,
      ...(options.callerData !== undefined && { CallerData: options.callerData }),
      ...(options.watermark !== undefined && { Watermark: options.watermark }),
    },
  }, options, options.callOptions ?? {});
}

export class PushNotificationListener {
  /** The last watermark received per subscription id (to re-subscribe from after a restart). */
  readonly watermarks = new Map<string, string>();
  private readonly queue: NotificationEvent[] = [];
  private wake: (() => void) | undefined;
  private stopped = false;
  private server: http.Server | undefined;
  private readonly schema: SchemaSet;
  private readonly maxQueued: number;
  private readonly maxBodyBytes: number;

  constructor(options: PushListenerOptions = {}) {
    this.schema = options.schema ?? ewsSchema();
    this.maxQueued = options.maxQueuedEvents ?? 10_000;
    this.maxBodyBytes = options.maxBodyBytes ?? 16 * 1024 * 1024;
  }

  /** A Node request handler answering SendNotification; mount it at the URL you subscribe. */
  readonly handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (req.method !== 'POST') return plain(res, 405, 'SendNotification requests are POSTed');
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= this.maxBodyBytes) chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (size > this.maxBodyBytes) return plain(res, 413, 'request body too large');
      this.answer(Buffer.concat(chunks), res);
    });
  };

  /** Starts a server of its own (127.0.0.1 and a free port by default); resolves with its URL. */
  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = this.server = http.createServer(this.handler);
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    const address = server.address() as AddressInfo;
    return `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}/`;
  }

  /** Stops answering OK (later notifications get Unsubscribe) and closes the server `listen()` started. */
  async close(): Promise<void> {
    this.stop();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
  }

  /** The events, in the order notifications arrived; ends when `signal` aborts or on close(). One consumer. */
  async *events(signal?: AbortSignal): AsyncGenerator<NotificationEvent, void, undefined> {
    const onAbort = (): void => this.stop();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      while (!this.stopped && !signal?.aborted) {
        if (this.queue.length === 0) {
          await new Promise<void>((resolve) => { this.wake = resolve; });
          continue;
        }
        yield this.queue.shift()!;
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.stop();
    }
  }

  private stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  private answer(body: Buffer, res: http.ServerResponse): void {
    if (!this.stopped && this.queue.length >= this.maxQueued) return plain(res, 503, 'the consumer is behind; send again later');
    let messages: m.ArrayOfResponseMessagesTypeEntry[];
    try {
      const content = readEnvelope(this.schema, body);
      if (content.body?.element !== 'm:SendNotification') throw new Error(`expected <m:SendNotification>, got ${content.body ? `<${content.body.element}>` : 'no body'}`);
      messages = (content.body.value as m.SendNotificationResponseType).ResponseMessages ?? [];
    } catch (error) {
      this.push({ kind: 'Diagnostic', message: `a push request that is not a SendNotification was refused: ${(error as Error).message}` });
      return plain(res, 400, 'not a SendNotification request');
    }
    if (!this.stopped) {
      for (const entry of messages) {
        if (entry.$el !== 'SendNotificationResponseMessage' || !entry.Notification) continue;
        const events = eventsOf(entry.Notification);
        const watermark = lastWatermark(events, this.watermarks.get(entry.Notification.SubscriptionId));
        if (watermark !== undefined) this.watermarks.set(entry.Notification.SubscriptionId, watermark);
        for (const event of events) this.push(event);
      }
    }
    const result: m.SendNotificationResultType = { SubscriptionStatus: this.stopped ? 'Unsubscribe' : 'OK' };
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
    res.end(writeEnvelope(this.schema, { body: { element: 'm:SendNotificationResult', value: result } }));
  }

  private push(event: NotificationEvent): void {
    this.queue.push(event);
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

function plain(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}
