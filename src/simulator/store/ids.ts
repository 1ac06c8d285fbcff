/**
 * Opaque ids shaped like Exchange's: base64 of a small binary structure (a mailbox GUID, then a
 * MAPI-style entry id), so they have the familiar `AAMkA...` look and length (~150 characters for an
 * item). They are decodable, which lets the simulator tell a malformed id (ErrorInvalidIdMalformed)
 * from a well-formed id of nothing (ErrorItemNotFound). As in Exchange, an item id names the folder
 * too: moving an item gives it a new id.
 *
 * Layout: [0x00 compression][0x03 id type][uint16 LE 36][mailbox GUID, ASCII][instruction]
 *         [uint16 LE entry-id length][entry id][occurrence start, int64 BE ms — occurrences only]
 * Entry id (item, 70 bytes): flags(4) store(16) type 0x0007(2) store(16) folder(6) pad(2) store(16) item(6) pad(2)
 * Entry id (folder, 46 bytes): flags(4) store(16) type 0x0001(2) store(16) folder(6) pad(2)
 */
import { guidBytes } from './serials';

export class MalformedIdError extends Error {
  constructor(what = 'Id') {
    super(`${what} is malformed.`);
    this.name = 'MalformedIdError';
  }
}

export interface FolderIdParts {
  readonly mailboxGuid: string;
  readonly folderKey: number;
}

export interface ItemIdParts extends FolderIdParts {
  readonly itemKey: number;
  /** Set for the id of one occurrence of a recurring series: its original start (epoch ms). */
  readonly occurrenceStart?: number;
}

export interface AttachmentIdParts {
  readonly item: ItemIdParts;
  readonly attachmentKey: number;
}

const GUID_LENGTH = 36;
const HEADER_LENGTH = 2 + 2 + GUID_LENGTH + 1 + 2;
const ITEM_ENTRY_LENGTH = 70;
const FOLDER_ENTRY_LENGTH = 46;
const ENTRY_TYPE_ITEM = 0x0007;
const ENTRY_TYPE_FOLDER = 0x0001;
const INSTRUCTION_NONE = 0;
const INSTRUCTION_OCCURRENCE = 1;
const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/;

export function encodeItemId(parts: ItemIdParts): string {
  const occurrence = parts.occurrenceStart !== undefined;
  const buffer = Buffer.alloc(HEADER_LENGTH + ITEM_ENTRY_LENGTH + (occurrence ? 8 : 0));
  let at = writeHeader(buffer, parts.mailboxGuid, occurrence ? INSTRUCTION_OCCURRENCE : INSTRUCTION_NONE, ITEM_ENTRY_LENGTH);
  at = writeEntryPrefix(buffer, at, parts.mailboxGuid, ENTRY_TYPE_ITEM, parts.folderKey);
  guidBytes(parts.mailboxGuid).copy(buffer, at);
  buffer.writeUIntBE(parts.itemKey, at + 16, 6);
  if (occurrence) buffer.writeBigInt64BE(BigInt(parts.occurrenceStart!), HEADER_LENGTH + ITEM_ENTRY_LENGTH);
  return buffer.toString('base64');
}

export function decodeItemId(id: string): ItemIdParts {
  return readItemId(decodeBase64(id));
}

export function encodeFolderId(parts: FolderIdParts): string {
  const buffer = Buffer.alloc(HEADER_LENGTH + FOLDER_ENTRY_LENGTH);
  const at = writeHeader(buffer, parts.mailboxGuid, INSTRUCTION_NONE, FOLDER_ENTRY_LENGTH);
  writeEntryPrefix(buffer, at, parts.mailboxGuid, ENTRY_TYPE_FOLDER, parts.folderKey);
  return buffer.toString('base64');
}

export function decodeFolderId(id: string): FolderIdParts {
  const buffer = decodeBase64(id);
  const { mailboxGuid, instruction, entryLength } = readHeader(buffer);
  if (instruction !== INSTRUCTION_NONE || entryLength !== FOLDER_ENTRY_LENGTH || buffer.length !== HEADER_LENGTH + entryLength) {
    throw new MalformedIdError();
  }
  return { mailboxGuid, folderKey: readEntryPrefix(buffer, ENTRY_TYPE_FOLDER) };
}

/** An attachment id: the parent item's id bytes followed by the attachment's key. */
export function encodeAttachmentId(parts: AttachmentIdParts): string {
  const item = Buffer.from(encodeItemId(parts.item), 'base64');
  const suffix = Buffer.alloc(6);
  suffix.writeUInt16LE(4, 0);
  suffix.writeUInt32LE(parts.attachmentKey, 2);
  return Buffer.concat([item, suffix]).toString('base64');
}

export function decodeAttachmentId(id: string): AttachmentIdParts {
  const buffer = decodeBase64(id);
  if (buffer.length < 6 || buffer.readUInt16LE(buffer.length - 6) !== 4) throw new MalformedIdError();
  return { item: readItemId(buffer.subarray(0, buffer.length - 6)), attachmentKey: buffer.readUInt32LE(buffer.length - 4) };
}

/** Kinds of change key, as the first four bytes of Exchange's (`CQAAAB...` for a message). */
export const CHANGE_KEY_KIND = { folder: 0x01, message: 0x09, calendar: 0x0f, contact: 0x11, task: 0x13 } as const;
export type ChangeKeyKind = keyof typeof CHANGE_KEY_KIND;

/** A 40-character change key: kind, the store GUID and the change number it was issued at. */
export function encodeChangeKey(kind: ChangeKeyKind, mailboxGuid: string, changeNumber: number): string {
  const buffer = Buffer.alloc(30);
  buffer.writeUInt32LE(CHANGE_KEY_KIND[kind], 0);
  buffer.writeUInt32LE(22, 4);
  guidBytes(mailboxGuid).copy(buffer, 8);
  buffer.writeUIntBE(changeNumber, 24, 6);
  return buffer.toString('base64');
}

/** The change number a change key was issued at. */
export function decodeChangeKey(changeKey: string): number {
  const buffer = decodeBase64(changeKey, 'Change key');
  if (buffer.length !== 30 || buffer.readUInt32LE(4) !== 22) throw new MalformedIdError('Change key');
  return buffer.readUIntBE(24, 6);
}

function readItemId(buffer: Buffer): ItemIdParts {
  const { mailboxGuid, instruction, entryLength } = readHeader(buffer);
  const occurrence = instruction === INSTRUCTION_OCCURRENCE;
  const expected = HEADER_LENGTH + ITEM_ENTRY_LENGTH + (occurrence ? 8 : 0);
  if (instruction > INSTRUCTION_OCCURRENCE || entryLength !== ITEM_ENTRY_LENGTH || buffer.length !== expected) {
    throw new MalformedIdError();
  }
  const folderKey = readEntryPrefix(buffer, ENTRY_TYPE_ITEM);
  const itemKey = buffer.readUIntBE(HEADER_LENGTH + 46 + 16, 6);
  if (!occurrence) return { mailboxGuid, folderKey, itemKey };
  return { mailboxGuid, folderKey, itemKey, occurrenceStart: Number(buffer.readBigInt64BE(HEADER_LENGTH + ITEM_ENTRY_LENGTH)) };
}

function decodeBase64(id: string, what = 'Id'): Buffer {
  if (typeof id !== 'string' || !BASE64_PATTERN.test(id)) throw new MalformedIdError(what);
  const buffer = Buffer.from(id, 'base64');
  if (buffer.toString('base64') !== id) throw new MalformedIdError(what);
  return buffer;
}

function writeHeader(buffer: Buffer, mailboxGuid: string, instruction: number, entryLength: number): number {
  buffer.writeUInt8(0x00, 0);
  buffer.writeUInt8(0x03, 1);
  buffer.writeUInt16LE(GUID_LENGTH, 2);
  buffer.write(mailboxGuid, 4, GUID_LENGTH, 'ascii');
  buffer.writeUInt8(instruction, 4 + GUID_LENGTH);
  buffer.writeUInt16LE(entryLength, 5 + GUID_LENGTH);
  return HEADER_LENGTH;
}

function readHeader(buffer: Buffer): { mailboxGuid: string; instruction: number; entryLength: number } {
  if (buffer.length < HEADER_LENGTH || buffer[0] !== 0x00 || buffer[1] !== 0x03 || buffer.readUInt16LE(2) !== GUID_LENGTH) {
    throw new MalformedIdError();
  }
  const mailboxGuid = buffer.toString('ascii', 4, 4 + GUID_LENGTH);
  if (!GUID_PATTERN.test(mailboxGuid)) throw new MalformedIdError();
  return { mailboxGuid, instruction: buffer[4 + GUID_LENGTH], entryLength: buffer.readUInt16LE(5 + GUID_LENGTH) };
}

/** Writes flags, store, type, store and folder counter; returns where the rest of the entry id goes. */
function writeEntryPrefix(buffer: Buffer, at: number, mailboxGuid: string, type: number, folderKey: number): number {
  const store = guidBytes(mailboxGuid);
  store.copy(buffer, at + 4);
  buffer.writeUInt16LE(type, at + 20);
  store.copy(buffer, at + 22);
  buffer.writeUIntBE(folderKey, at + 38, 6);
  return at + 46;
}

function readEntryPrefix(buffer: Buffer, type: number): number {
  if (buffer.readUInt16LE(HEADER_LENGTH + 20) !== type) throw new MalformedIdError();
  return buffer.readUIntBE(HEADER_LENGTH + 38, 6);
}
