/** Options of the simulator's Autodiscover endpoints, and the lookup both protocols share. */
import type { ServerVersionInfo } from '../../../../generated/types';

/** How the simulator answers Autodiscover (both endpoints, for the mailboxes it holds). */
export interface SimulatorAutodiscoverOptions {
  /**
   * The EWS URL announced (as external and internal URL); the simulator's own URL by default. Give the
   * public name tests or the demo address (`https://mail.contoso.com/EWS/Exchange.asmx`) when they map
   * that host onto the simulator with `rewriteConnectUrl`.
   */
  readonly ewsUrl?: string;
  /** Answer these addresses (lower-case keys) with redirectAddr / RedirectAddress to another address. */
  readonly redirectAddr?: Readonly<Record<string, string>>;
  /** Answer these addresses with redirectUrl / RedirectUrl to another Autodiscover URL. */
  readonly redirectUrl?: Readonly<Record<string, string>>;
  /** POX TTL in hours (1 by default). */
  readonly ttlHours?: number;
  /** Endpoints served; both by default. A protocol left out answers 404, as a server without it would. */
  readonly protocols?: readonly ('soap' | 'pox')[];
}

export interface AutodiscoverMailbox {
  readonly smtpAddress: string;
  readonly displayName: string;
}

/** What the handlers need from the simulator, nothing more. */
export interface AutodiscoverContext {
  readonly options: SimulatorAutodiscoverOptions;
  readonly ewsUrl: string;
  readonly serverVersion: ServerVersionInfo;
  mailbox(address: string): AutodiscoverMailbox | undefined;
}

/** The outcome every handler shares: the settings, or where to send the client instead. */
export type Lookup =
  | { readonly kind: 'settings'; readonly mailbox: AutodiscoverMailbox }
  | { readonly kind: 'redirectAddr' | 'redirectUrl'; readonly target: string }
  | { readonly kind: 'unknown' };

export function lookUp(context: AutodiscoverContext, address: string): Lookup {
  const key = address.trim().toLowerCase();
  const redirectAddr = context.options.redirectAddr?.[key];
  if (redirectAddr) return { kind: 'redirectAddr', target: redirectAddr };
  const redirectUrl = context.options.redirectUrl?.[key];
  if (redirectUrl) return { kind: 'redirectUrl', target: redirectUrl };
  const mailbox = context.mailbox(key);
  return mailbox ? { kind: 'settings', mailbox } : { kind: 'unknown' };
}
