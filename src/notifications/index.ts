/** Notifications: pull, streaming and push subscriptions as async iterators of typed events. */
export { pullNotifications } from './pull';
export type { PullOptions } from './pull';
export { streamNotifications, SilentConnection } from './streaming';
export type { StreamingOptions } from './streaming';
export { PushNotificationListener, subscribePush } from './push';
export type { PushListenerOptions, PushSubscriptionOptions } from './push';
export { EwsSubscriptionError } from './requests';
export type { SubscriptionScope, Subscribed } from './requests';
export { eventsOf } from './events';
export type {
  ChangeEvent, ChangeEventKind, DiagnosticEvent, DisconnectedEvent, NotificationEvent, ResyncEvent, ResyncReason, StatusEvent,
} from './events';
export { HeartbeatWatchdog, backOffDelay } from './resilience';
export type { BackOffOptions, Timers } from './resilience';
