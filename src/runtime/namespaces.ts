/** Namespace URIs the runtime knows itself, independent of any SchemaSet. */
export const SOAP_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
/** Where Exchange puts `ResponseCode` and `Message` of a SOAP fault detail. */
export const EWS_ERRORS_NS = 'http://schemas.microsoft.com/exchange/services/2006/errors';
export const EWS_TYPES_NS = 'http://schemas.microsoft.com/exchange/services/2006/types';
export const EWS_MESSAGES_NS = 'http://schemas.microsoft.com/exchange/services/2006/messages';
