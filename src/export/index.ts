/** Bulk export and import: ExportItems and UploadItems as streams, through the batch layer. */
export { exportItems, exportItemsTo } from './export-items';
export type { ExportRecord, ExportToRecord, ExportSink, ExportFailure, BulkOptions } from './export-items';
export { EXCHANGE_DEFAULT_MAX_REQUEST_BYTES, uploadItems } from './upload-items';
export type { UploadOptions, UploadRecord, UploadResult } from './upload-items';
