/**
 * Answers kept per email domain, so that the second client of a domain skips the candidate search.
 * In memory; `toJSON()` and the `entries`/`onChange` options let a caller persist it (a file, a database).
 * Only domain-wide facts are kept (URLs and versions), never credentials or a user's display name.
 */
import type { ExchangeVersionType } from '../../generated/types';
import type { AutodiscoverProtocol } from './answer';

export interface CachedDiscovery {
  /** The email domain, lower-cased. */
  readonly domain: string;
  readonly ewsUrl: string;
  readonly externalEwsUrl?: string;
  readonly internalEwsUrl?: string;
  readonly serverVersion?: string;
  readonly exchangeVersion?: ExchangeVersionType;
  readonly protocol: AutodiscoverProtocol;
  /** The Autodiscover endpoint that answered. */
  readonly autodiscoverUrl: string;
  /** Epoch milliseconds after which the entry is ignored. */
  readonly expiresAt: number;
}

export interface AutodiscoverCacheOptions {
  /** Entries to start with (a persisted `toJSON()`); expired ones are dropped. */
  readonly entries?: readonly CachedDiscovery[];
  /** Lifetime of an answer that gives no TTL; one hour by default. */
  readonly defaultTtlMs?: number;
  /** Called with every live entry after each change, to persist them. */
  readonly onChange?: (entries: CachedDiscovery[]) => void;
  readonly now?: () => number;
}

export const DEFAULT_CACHE_TTL_MS = 3_600_000;

export class AutodiscoverCache {
  readonly defaultTtlMs: number;
  private readonly entries = new Map<string, CachedDiscovery>();
  private readonly now: () => number;

  constructor(private readonly options: AutodiscoverCacheOptions = {}) {
    this.defaultTtlMs = options.defaultTtlMs ?? DEFAULT_CACHE_TTL_MS;
    this.now = options.now ?? Date.now;
    for (const entry of options.entries ?? []) if (isEntry(entry) && entry.expiresAt > this.now()) this.entries.set(entry.domain.toLowerCase(), entry);
  }

  get(domain: string): CachedDiscovery | undefined {
    const key = domain.toLowerCase();
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      this.changed();
      return undefined;
    }
    return entry;
  }

  /** Stores an answer for `ttlMs` (the answer's TTL) or the default lifetime. */
  set(entry: Omit<CachedDiscovery, 'expiresAt'>, ttlMs = this.defaultTtlMs): CachedDiscovery {
    const stored = { ...entry, domain: entry.domain.toLowerCase(), expiresAt: this.now() + ttlMs };
    this.entries.set(stored.domain, stored);
    this.changed();
    return stored;
  }

  delete(domain: string): void {
    if (this.entries.delete(domain.toLowerCase())) this.changed();
  }

  clear(): void {
    this.entries.clear();
    this.changed();
  }

  /** The live entries, for persisting and for `new AutodiscoverCache({ entries })`. */
  toJSON(): CachedDiscovery[] {
    const now = this.now();
    return [...this.entries.values()].filter((entry) => entry.expiresAt > now);
  }

  private changed(): void {
    this.options.onChange?.(this.toJSON());
  }
}

/** A persisted entry is data from outside: keep only well-formed ones. */
function isEntry(value: unknown): value is CachedDiscovery {
  const entry = value as Partial<CachedDiscovery> | null;
  return typeof entry?.domain === 'string' && typeof entry.ewsUrl === 'string' && typeof entry.expiresAt === 'number'
    && typeof entry.autodiscoverUrl === 'string' && (entry.protocol === 'soap' || entry.protocol === 'pox');
}

/** The process-wide cache `discover()` uses unless given another (or `cache: false`). */
export const defaultAutodiscoverCache = new AutodiscoverCache();
