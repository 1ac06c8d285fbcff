/**
 * `typed-ews/simulator`: an embedded EWS server on loopback over in-memory mailboxes, for demos,
 * integration tests and your own tests — no Exchange server needed.
 *
 *   const sim = await startSimulator({ users: [{ username: 'me@contoso.com', password: 'pw' }] });
 *   const client = new ExchangeClient({ url: sim.url, auth: basicAuth('me@contoso.com', 'pw') });
 *   ...
 *   await sim.close();
 */
export { startSimulator, DEFAULT_USERS, EWS_PATH } from './server';
export type { RunningSimulator, SimulatorOptions, SimulatorRequestInfo, SimulatorUser, ThrottleOptions } from './server';
export type { FailureInjector, InjectedFailure, InjectionPoint } from './failure-injection';
export type { SimulatorAuthOptions, SimulatorAuthScheme } from './authentication';
export { SimulatorState, ManualClock } from './store';
export type { Clock, SimulatorSnapshot } from './store';
export { simulatedOperations, UnsupportedOperationError } from './operations';
export type { SimulatorAutodiscoverOptions } from './operations/autodiscover';
// Types the public signatures above refer to, so that users (and the API reference) can name them.
export type { OperationContext, OperationHandler } from './operations/context';
export type { NotificationControls } from './operations/notifications';
export type { NotificationSimulatorOptions } from './operations/notifications/subscriptions';
export type { Mailbox, MailboxSnapshot } from './store/mailbox';
export type { SerialSource } from './store/serials';
export type { MailboxSpec, SimulatorStateOptions } from './store/state';
