/**
 * The whole simulated organisation: mailboxes by SMTP address (case-insensitive, like Exchange), the
 * clock, and the seeded source of GUIDs. `toJSON()`/`fromJSON()` persist and restore all of it.
 */
import { type Clock, systemClock } from './clock';
import { Mailbox, type MailboxSnapshot } from './mailbox';
import { SerialSource } from './serials';

export interface MailboxSpec {
  readonly smtpAddress: string;
  readonly displayName?: string;
}

export interface SimulatorStateOptions {
  /** Makes every id and GUID reproducible (tests); a random seed is used otherwise. */
  readonly seed?: string;
  readonly clock?: Clock;
  readonly mailboxes?: readonly MailboxSpec[];
}

export interface SimulatorSnapshot {
  readonly format: 'typed-ews-simulator/1';
  readonly seed: string;
  readonly serialPosition: number;
  readonly mailboxes: readonly MailboxSnapshot[];
}

export class SimulatorState {
  readonly clock: Clock;
  readonly serials: SerialSource;
  private readonly byAddress = new Map<string, Mailbox>();
  private readonly byGuid = new Map<string, Mailbox>();

  constructor(options: SimulatorStateOptions = {}, serials = new SerialSource(options.seed)) {
    this.clock = options.clock ?? systemClock;
    this.serials = serials;
    for (const spec of options.mailboxes ?? []) this.addMailbox(spec);
  }

  addMailbox(spec: MailboxSpec): Mailbox {
    if (this.mailbox(spec.smtpAddress)) throw new Error(`a mailbox ${spec.smtpAddress} already exists`);
    const identity = { smtpAddress: spec.smtpAddress, displayName: spec.displayName ?? spec.smtpAddress.split('@')[0], guid: this.serials.guid() };
    return this.register(new Mailbox(identity, this.clock));
  }

  /** The mailbox with this SMTP address, compared case-insensitively. */
  mailbox(smtpAddress: string): Mailbox | undefined {
    return this.byAddress.get(smtpAddress.toLowerCase());
  }

  mailboxByGuid(guid: string): Mailbox | undefined {
    return this.byGuid.get(guid);
  }

  get mailboxes(): readonly Mailbox[] {
    return [...this.byAddress.values()];
  }

  toJSON(): SimulatorSnapshot {
    return { format: 'typed-ews-simulator/1', seed: this.serials.seed, serialPosition: this.serials.position, mailboxes: this.mailboxes.map((m) => m.toJSON()) };
  }

  /** Restores a state saved with `toJSON()` (after a JSON round trip or not). */
  static fromJSON(snapshot: SimulatorSnapshot, options: { clock?: Clock } = {}): SimulatorState {
    if (snapshot.format !== 'typed-ews-simulator/1') throw new Error(`unknown simulator state format: ${String(snapshot.format)}`);
    const state = new SimulatorState({ clock: options.clock }, new SerialSource(snapshot.seed, snapshot.serialPosition));
    for (const saved of snapshot.mailboxes) state.register(new Mailbox(saved.identity, state.clock, saved));
    return state;
  }

  private register(mailbox: Mailbox): Mailbox {
    this.byAddress.set(mailbox.identity.smtpAddress.toLowerCase(), mailbox);
    this.byGuid.set(mailbox.identity.guid, mailbox);
    return mailbox;
  }
}
