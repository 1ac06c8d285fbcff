/**
 * The simulator's subscriptions (pull, push, streaming), one registry per SimulatorState. A
 * subscription is a filter (folders, event types) and a cursor into its mailbox's event journal.
 * Time here is "subscription minutes" (`minuteMs`), so tests can see a 30-minute connection end.
 */
import type * as t from '../../../../generated/types';
import type { Mailbox } from '../../store/mailbox';
import type { SimulatorState } from '../../store/state';
import { schema as ewsSchema } from '../../../../generated/schema';
import { writeEnvelope, type WriteOptions } from '../../../runtime/writer';
import { ResponseError } from '../errors';
import { EventJournal, encodeWatermark, type JournalEntry } from './journal';

export interface NotificationSimulatorOptions {
  /** How long a subscription "minute" lasts (Timeout, ConnectionTimeout, StatusFrequency); 60,000 ms by default. */
  readonly minuteMs?: number;
  /** Interval of the ConnectionStatus OK envelopes on an idle streaming connection; 30,000 ms by default. */
  readonly heartbeatMs?: number;
  /** Events kept per mailbox for watermarks to resume from; 50,000 by default. */
  readonly retainedEvents?: number;
  /** Most events in one GetEvents answer or one streamed or pushed notification; 100 by default. */
  readonly maxEventsPerNotification?: number;
}

export type SubscriptionKind = 'pull' | 'push' | 'streaming';

export interface Subscription {
  readonly id: string;
  readonly kind: SubscriptionKind;
  readonly journal: EventJournal;
  /** Folder keys watched; undefined for SubscribeToAllFolders. */
  readonly folderKeys: ReadonlySet<number> | undefined;
  readonly eventTypes: ReadonlySet<string>;
  /** Number of the last event handed over (pull: the last watermark the client sent). */
  cursor: number;
  /** Pull: minutes without GetEvents before it expires. Streaming: 30 minutes without a connection. */
  readonly timeoutMinutes: number;
  lastUsed: number;
  /** Push: where and how often. */
  readonly push?: { readonly url: string; readonly statusFrequencyMinutes: number; readonly callerData?: string };
  /** Streaming: the connection currently serving it, if any. */
  connection?: { detach(subscription: Subscription): void };
  expired: boolean;
}

const STREAMING_IDLE_MINUTES = 30;

export class NotificationRegistry {
  readonly minuteMs: number;
  readonly heartbeatMs: number;
  readonly maxEvents: number;
  private readonly retain: number;
  private readonly journals = new Map<Mailbox, EventJournal>();
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly stoppers: (() => void)[] = [];
  /** Writes an envelope around a body element (the SOAP shell sets its own, with ServerVersionInfo). */
  writeEnvelope: (element: string, value: unknown, options?: WriteOptions) => string = (element, value, options) => writeEnvelope(ewsSchema, { body: { element, value } }, options);

  constructor(private readonly state: SimulatorState, options: NotificationSimulatorOptions = {}) {
    this.minuteMs = options.minuteMs ?? 60_000;
    this.heartbeatMs = options.heartbeatMs ?? 30_000;
    this.retain = options.retainedEvents ?? 50_000;
    this.maxEvents = options.maxEventsPerNotification ?? 100;
  }

  journal(mailbox: Mailbox): EventJournal {
    let journal = this.journals.get(mailbox);
    if (!journal) this.journals.set(mailbox, journal = new EventJournal(mailbox, this.retain));
    return journal;
  }

  create(spec: Omit<Subscription, 'id' | 'lastUsed' | 'expired' | 'timeoutMinutes'> & { timeoutMinutes?: number }): Subscription {
    const id = Buffer.from(`${spec.journal.mailbox.identity.guid}:${this.state.serials.guid()}`).toString('base64');
    const subscription: Subscription = { ...spec, id, lastUsed: Date.now(), expired: false, timeoutMinutes: spec.timeoutMinutes ?? STREAMING_IDLE_MINUTES };
    this.subscriptions.set(id, subscription);
    return subscription;
  }

  /**
   * The live subscription `id` of `mailbox` (of any mailbox when undefined: one streaming connection
   * serves the subscriptions of several impersonated mailboxes); an expired one is removed and reported.
   */
  get(id: string, mailbox: Mailbox | undefined, kind?: SubscriptionKind): Subscription {
    const subscription = this.subscriptions.get(id);
    if (!subscription || (mailbox !== undefined && subscription.journal.mailbox !== mailbox)) throw new ResponseError('ErrorSubscriptionNotFound', 'The specified subscription was not found.');
    if (subscription.expired || this.idleTooLong(subscription)) {
      this.remove(subscription);
      throw new ResponseError('ErrorExpiredSubscription', 'The subscription has expired.');
    }
    if (kind === 'pull' && subscription.kind !== 'pull') throw new ResponseError('ErrorInvalidPullSubscriptionId', 'The subscription is not a pull subscription.');
    if (kind === 'streaming' && subscription.kind !== 'streaming') throw new ResponseError('ErrorInvalidSubscription', 'The subscription is not a streaming subscription.');
    return subscription;
  }

  remove(subscription: Subscription): void {
    this.subscriptions.delete(subscription.id);
    subscription.expired = true;
    subscription.connection?.detach(subscription);
  }

  /** The next events for `subscription` after its cursor (which moves past everything examined). */
  take(subscription: Subscription, max = this.maxEvents): t.NotificationTypeEventsEntry[] {
    const { entries, cursor } = subscription.journal.read(subscription.cursor, max, (entry) => accepts(subscription, entry));
    subscription.cursor = cursor;
    return entries.map((entry) => withWatermark(subscription, entry));
  }

  /** The newest watermark of the subscription's mailbox. */
  watermark(subscription: Subscription, seq = subscription.cursor): string {
    return encodeWatermark(subscription.journal.mailbox, seq);
  }

  /** Every live subscription (test controls). */
  all(): Subscription[] {
    return [...this.subscriptions.values()];
  }

  onClose(stop: () => void): void {
    this.stoppers.push(stop);
  }

  close(): void {
    for (const stop of this.stoppers.splice(0)) stop();
  }

  private idleTooLong(subscription: Subscription): boolean {
    if (subscription.kind === 'push' || (subscription.kind === 'streaming' && subscription.connection)) return false;
    return Date.now() - subscription.lastUsed > subscription.timeoutMinutes * this.minuteMs;
  }
}

function accepts(subscription: Subscription, entry: JournalEntry): boolean {
  if (!subscription.eventTypes.has(entry.event.$el)) return false;
  const folders = subscription.folderKeys;
  return folders === undefined || entry.folderKeys.some((key) => folders.has(key));
}

function withWatermark(subscription: Subscription, entry: JournalEntry): t.NotificationTypeEventsEntry {
  return { ...entry.event, Watermark: encodeWatermark(subscription.journal.mailbox, entry.seq) } as t.NotificationTypeEventsEntry;
}

const registries = new WeakMap<SimulatorState, NotificationRegistry>();

/** The registry of a state, created on first use with `options` (the simulator passes its own first). */
export function notificationsOf(state: SimulatorState, options?: NotificationSimulatorOptions): NotificationRegistry {
  let registry = registries.get(state);
  if (!registry) registries.set(state, registry = new NotificationRegistry(state, options));
  return registry;
}
