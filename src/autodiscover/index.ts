/** Autodiscover: from an email address to the EWS URL (and a ready ExchangeClient). */
export { discover, MAX_REDIRECTS } from './discover';
export type { AutodiscoverResult, DiscoverOptions, RedirectionContext, RedirectionReason, RedirectionUrlValidator } from './discover';
export { connectByEmail } from './connect';
export type { ConnectByEmailOptions, ConnectedClient } from './connect';
export { AutodiscoverCache, defaultAutodiscoverCache, DEFAULT_CACHE_TTL_MS } from './cache';
export type { AutodiscoverCacheOptions, CachedDiscovery } from './cache';
export { AutodiscoverError } from './errors';
export type { AttemptFailure, AutodiscoverAttempt } from './errors';
export type { AutodiscoverProtocol, DiscoveredSettings } from './answer';
export type { SrvRecord } from './candidates';
export { autodiscoverSchema } from './schema';
