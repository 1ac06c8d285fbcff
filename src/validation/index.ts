export { XsdSchemaError, XsdValidator } from './xsd-validator';
export type { SchemaDocument, XmlDocumentInput, XsdValidationResult, XsdValidatorOptions } from './xsd-validator';
export { DEFAULT_ENTRY_SCHEMA, findPackageSchemaDir } from './schema-files';
