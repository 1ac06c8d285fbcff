/** What one Autodiscover exchange answers, the same for both protocols. */
import type { ExchangeVersionType } from '../../generated/types';
import type { ServerBuild } from './server-version';

export type AutodiscoverProtocol = 'soap' | 'pox';

/** The settings an EWS client needs, as one server answered them. */
export interface DiscoveredSettings {
  /** The EWS URL to use: the external one unless `prefer: 'internal'`, else whichever exists. */
  readonly ewsUrl: string;
  readonly externalEwsUrl?: string;
  readonly internalEwsUrl?: string;
  /** The mailbox's primary SMTP address as the server knows it. */
  readonly smtpAddress: string;
  /** Value for the X-AnchorMailbox header, which routes every request to the mailbox's server. */
  readonly anchorMailbox: string;
  readonly displayName?: string;
  /** The server's build, e.g. `15.1.2507`. */
  readonly serverVersion?: string;
  /** The newest RequestServerVersion the server accepts; absent when the answer did not say. */
  readonly exchangeVersion?: ExchangeVersionType;
  /** How long the answer may be cached, when the server said (POX `TTL`). */
  readonly ttlMs?: number;
}

export type AutodiscoverAnswer =
  | { readonly kind: 'settings'; readonly settings: DiscoveredSettings }
  /** Ask again with another address (POX `redirectAddr`, SOAP `RedirectAddress`). */
  | { readonly kind: 'redirectAddr'; readonly email: string }
  /** Ask the same question at another Autodiscover URL (POX `redirectUrl`, SOAP `RedirectUrl`). */
  | { readonly kind: 'redirectUrl'; readonly url: string }
  /** The server understood and refused (unknown user, invalid request…). */
  | { readonly kind: 'error'; readonly code: string; readonly message: string };

export interface SettingsSource {
  readonly email: string;
  readonly prefer: 'external' | 'internal';
  readonly smtpAddress?: string;
  readonly displayName?: string;
  readonly externalEwsUrl?: string;
  readonly internalEwsUrl?: string;
  readonly build?: ServerBuild;
  readonly exchangeVersion?: ExchangeVersionType;
  readonly ttlMs?: number;
}

/** Settings from what a protocol read, or an error answer when the server named no EWS URL. */
export function settingsAnswer(source: SettingsSource): AutodiscoverAnswer {
  const { externalEwsUrl, internalEwsUrl } = source;
  const ewsUrl = source.prefer === 'internal' ? internalEwsUrl ?? externalEwsUrl : externalEwsUrl ?? internalEwsUrl;
  if (!ewsUrl) return { kind: 'error', code: 'NoEwsUrl', message: 'the answer names no EWS URL for this mailbox' };
  const smtpAddress = source.smtpAddress || source.email;
  return {
    kind: 'settings',
    settings: {
      ewsUrl,
      ...(externalEwsUrl && { externalEwsUrl }),
      ...(internalEwsUrl && { internalEwsUrl }),
      smtpAddress,
      anchorMailbox: smtpAddress,
      ...(source.displayName && { displayName: source.displayName }),
      ...(source.build && { serverVersion: `${source.build.major}.${source.build.minor}.${source.build.build}` }),
      ...(source.exchangeVersion && { exchangeVersion: source.exchangeVersion }),
      ...(source.ttlMs !== undefined && { ttlMs: source.ttlMs }),
    },
  };
}
