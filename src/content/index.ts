/** Content as streams: MIME content of items, attachment content, and the sinks and sources behind them. */
export { attachmentContentStreams, createFileAttachment, fileSource, mimeContentStreams } from './content-streams';
export type { ContentStream, FileAttachmentSource } from './content-streams';
export { FileSink } from './file-sink';
export type { WrittenFile } from './file-sink';
export { ReadableSink } from './readable-sink';
export type { FlowingSink } from './sinks';
export { InvalidBase64Error } from '../runtime/base64-stream';
export type { BinaryContentOptions, BinaryElementPlace, BinarySink } from '../runtime/binary-content';
export type { BinarySource } from '../runtime/binary-source';
