/**
 * An element's start tag as the reader resolves it (see namespace-scope.ts), shaped like a saxes
 * namespace-aware tag. Declared here, structurally, so that the
 * package's published typings do not pull in saxes' own declarations, which fail a consumer's
 * `skipLibCheck: false` build (saxes 6.0.0's d.ts has generic-constraint errors).
 */
export interface XmlAttribute {
  name: string;
  prefix: string;
  local: string;
  uri: string;
  value: string;
}

export interface XmlTag {
  name: string;
  prefix: string;
  local: string;
  uri: string;
  attributes: Record<string, XmlAttribute>;
  /** Namespace declarations made on this tag: prefix → URI. */
  ns: Record<string, string>;
  isSelfClosing: boolean;
}
