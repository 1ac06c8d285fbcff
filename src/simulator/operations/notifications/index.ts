/**
 * Notifications in the simulator: Subscribe (pull, push, streaming), GetEvents, GetStreamingEvents,
 * Unsubscribe, push calls to loopback URLs, and the controls tests use to break things on purpose.
 */
import type { SimulatorState } from '../../store/state';
import { streamingConnections } from './streaming';
import { notificationsOf } from './subscriptions';

export { getEvents, subscribe, unsubscribe } from './operations';
export { streamEvents } from './streaming';
export { notificationsOf } from './subscriptions';
export type { NotificationSimulatorOptions } from './subscriptions';

/** Fault injection for notification tests (and your own). */
export interface NotificationControls {
  /** Breaks every open GetStreamingEvents connection, optionally after part of one more envelope; returns how many. */
  dropStreamingConnections(partialChars?: number): number;
  /** Open streaming connections stop writing (no events, no heartbeats) but stay open; returns how many. */
  silenceStreamingConnections(): number;
  /** Every subscription expires: its next use answers ErrorExpiredSubscription. */
  expireSubscriptions(): void;
  /** Every mailbox forgets its event history: older watermarks become ErrorInvalidWatermark. */
  forgetEvents(): void;
  /** Streaming connections open now. */
  streamingConnectionCount(): number;
}

export function notificationControls(state: SimulatorState): NotificationControls {
  const registry = notificationsOf(state);
  return {
    dropStreamingConnections: (partialChars) => {
      const open = streamingConnections(registry);
      for (const connection of open) connection.drop(partialChars);
      return open.length;
    },
    silenceStreamingConnections: () => {
      const open = streamingConnections(registry);
      for (const connection of open) connection.silence();
      return open.length;
    },
    expireSubscriptions: () => {
      for (const subscription of registry.all()) subscription.expired = true;
    },
    forgetEvents: () => {
      for (const mailbox of state.mailboxes) registry.journal(mailbox).forget();
    },
    streamingConnectionCount: () => streamingConnections(registry).length,
  };
}
