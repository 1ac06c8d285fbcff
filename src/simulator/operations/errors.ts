/**
 * Errors of the simulated operations. A ResponseError becomes one error response message (the rest of
 * the batch goes on, as in Exchange); UnsupportedOperationError tells the SOAP shell that the simulator
 * does not implement an operation, so it can answer with the fault Exchange gives.
 */
import type * as m from '../../../generated/messages';
import { MalformedIdError } from '../store/ids';

/** The message texts Exchange sends with these codes. */
// The index signature: some codes are newer than Exchange 2007's schema.
const MESSAGE_TEXTS: Partial<Record<m.ResponseCodeType, string>> & Readonly<Record<string, string>> = {
  ErrorItemNotFound: 'The specified object was not found in the store.',
  ErrorInvalidIdMalformed: 'Id is malformed.',
  ErrorInvalidChangeKey: 'The change key is invalid.',
  ErrorIrresolvableConflict: 'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
  ErrorInvalidPropertyRequest: 'Property is not valid for this object type.',
  ErrorInvalidPropertySet: 'Set action is invalid for property.',
  ErrorInvalidPropertyAppend: 'Append action is invalid for property.',
  ErrorInvalidPropertyDelete: 'Delete action is invalid for property.',
  ErrorIncorrectUpdatePropertyCount: 'An object within a change description must contain one and only one property to modify.',
  ErrorFolderNotFound: 'The specified folder could not be found in the store.',
  ErrorParentFolderNotFound: 'The specified parent folder could not be found.',
  ErrorFolderExists: 'A folder with the specified name already exists.',
  ErrorInvalidSyncStateData: 'Synchronization state data is corrupt or otherwise invalid.',
  ErrorMessageDispositionRequired: 'MessageDisposition attribute is required.',
  ErrorAffectedTaskOccurrencesRequired: 'AffectedTaskOccurrences attribute is required for Task items.',
  ErrorCannotCreateCalendarItemInNonCalendarFolder: 'Cannot create a calendar item in a non-calendar folder.',
  ErrorCannotCreateContactInNonContactFolder: 'Cannot create a contact in a non-contact Folder.',
  ErrorCannotCreateTaskInNonTaskFolder: 'Cannot create a task in a non-task Folder.',
  ErrorCalendarFolderIsInvalidForCalendarView: 'The folder is not a calendar folder.',
  ErrorCalendarEndDateIsEarlierThanStartDate: 'EndDate is earlier than StartDate',
  ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange: 'Occurrence index is out of recurrence range.',
  ErrorInvalidItemForOperationSendItem: 'The item is invalid for this operation.',
  ErrorInvalidIndexedPagingParameters: 'Invalid paging parameters.',
  ErrorInvalidFractionalPagingParameters: 'Invalid fractional paging parameters.',
  ErrorContainsFilterWrongType: 'The Contains filter can only be used for string properties.',
  ErrorInvalidValueForProperty: 'The value is invalid for property.',
  ErrorCrossMailboxMoveCopy: 'Cannot move or copy an item between mailboxes.',
  ErrorInvalidRequest: 'The request is invalid.',
};

export class ResponseError extends Error {
  constructor(
    readonly code: Exclude<m.ResponseCodeType, 'NoError'>,
    message: string = MESSAGE_TEXTS[code] ?? code,
    /** Details Exchange puts in m:MessageXml, e.g. the offending t:FieldURI. */
    readonly messageXml?: m.ResponseMessageType_MessageXml,
  ) {
    super(message);
    this.name = 'ResponseError';
  }
}

/** The error as a ResponseError when it is one EWS reports in a response message; undefined otherwise. */
export function asResponseError(error: unknown): ResponseError | undefined {
  if (error instanceof ResponseError) return error;
  if (error instanceof MalformedIdError) return new ResponseError('ErrorInvalidIdMalformed', error.message);
  return undefined;
}

export class UnsupportedOperationError extends Error {
  constructor(readonly operation: string) {
    super(`The EWS simulator does not support the ${operation} operation.`);
    this.name = 'UnsupportedOperationError';
  }
}
