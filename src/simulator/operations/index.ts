/**
 * The simulator's operations: one handler per EWS operation, typed request body in, typed response
 * body out. `runOperation` dispatches by name and throws UnsupportedOperationError for the rest, which
 * the SOAP shell turns into the fault Exchange gives for an operation it cannot serve.
 */
import type { OperationName, OperationTypes } from '../../../generated/operations';
import { createAttachment, deleteAttachment, getAttachment } from './attachments';
import type { OperationContext, OperationHandler } from './context';
import { createItem } from './create-item';
import { deleteFolder } from './delete-folder';
import { deleteItem } from './delete-item';
import { exportUploadHandlers } from './export-upload';
import { UnsupportedOperationError } from './errors';
import { findFolder } from './find-folder';
import { findItem } from './find-item';
import { createFolder, getFolder } from './folders';
import { getItem } from './get-item';
import { getEvents, subscribe, unsubscribe } from './notifications';
import { copyItem, moveItem } from './move-copy-item';
import { sendItem } from './send-item';
import { syncFolderHierarchy } from './sync-folder-hierarchy';
import { syncFolderItems } from './sync-folder-items';
import { updateItem } from './update-item';

type HandlerTable = { readonly [K in OperationName]?: OperationHandler<K> };

export const simulatedOperations = {
  CreateItem: createItem,
  GetItem: getItem,
  UpdateItem: updateItem,
  DeleteItem: deleteItem,
  MoveItem: moveItem,
  CopyItem: copyItem,
  SendItem: sendItem,
  CreateAttachment: createAttachment,
  GetAttachment: getAttachment,
  DeleteAttachment: deleteAttachment,
  GetFolder: getFolder,
  FindFolder: findFolder,
  CreateFolder: createFolder,
  FindItem: findItem,
  SyncFolderItems: syncFolderItems,
  SyncFolderHierarchy: syncFolderHierarchy,
  DeleteFolder: deleteFolder,
  ...exportUploadHandlers,
  Subscribe: subscribe,
  GetEvents: getEvents,
  Unsubscribe: unsubscribe,
} satisfies HandlerTable;

export type SimulatedOperation = keyof typeof simulatedOperations;

export function isSimulatedOperation(name: string): name is SimulatedOperation {
  return Object.prototype.hasOwnProperty.call(simulatedOperations, name);
}

export function runOperation<K extends OperationName>(name: K, context: OperationContext, request: OperationTypes[K]['request']): OperationTypes[K]['response'] {
  const handler = (simulatedOperations as HandlerTable)[name] as OperationHandler<K> | undefined;
  if (!handler) throw new UnsupportedOperationError(name);
  return handler(context, request);
}

export type { OperationContext, OperationHandler } from './context';
export { ResponseError, UnsupportedOperationError } from './errors';
