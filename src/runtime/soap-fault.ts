/**
 * A `soap:Fault` read into plain data. Exchange puts its own error in the detail: `e:ResponseCode`
 * and `e:Message` (errors namespace), and a `t:MessageXml` with `t:LineNumber`, `t:LinePosition`,
 * `t:Violation` for schema errors or `t:Value Name="BackOffMilliseconds"` when throttled.
 */
import type { XmlTag } from './xml-tag';
import { EWS_ERRORS_NS, EWS_TYPES_NS } from './namespaces';
import { RawXmlWriter } from './raw-xml';
import type { CaptureSink } from './reader';

export interface SoapFaultDetail {
  readonly responseCode?: string;
  readonly message?: string;
  readonly lineNumber?: number;
  readonly linePosition?: number;
  readonly violation?: string;
  readonly backOffMilliseconds?: number;
  /** `t:Value Name="…"` entries, and every other leaf element of the detail by local name. */
  readonly values: Record<string, string>;
  /** The detail's content as self-contained XML. */
  readonly rawXml?: string;
}

export interface SoapFault {
  /** As sent, e.g. `a:ErrorSchemaValidation` or `soap:Client`. */
  readonly faultCode: string;
  readonly faultString: string;
  readonly faultActor?: string;
  readonly detail?: SoapFaultDetail;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Collects a fault from the events of its subtree; depth 1 is `soap:Fault`, 2 its children. */
export class FaultCollector implements CaptureSink {
  private depth = 0;
  private currentText = '';
  /** Depth of the element opened last: an element closing at that depth had no child elements. */
  private lastOpenedDepth = 0;
  /** `Name` attribute of the element opened last (`t:Value Name="BackOffMilliseconds"`). */
  private lastName: string | undefined;
  private fault: Mutable<SoapFault> = { faultCode: '', faultString: '' };
  private detail: Mutable<SoapFaultDetail> | undefined;
  private detailXml: RawXmlWriter | undefined;

  open(tag: XmlTag): void {
    this.depth++;
    this.currentText = '';
    this.lastOpenedDepth = this.depth;
    this.lastName = tag.attributes.Name?.value;
    if (this.depth === 2 && tag.local === 'detail') {
      this.detail = { values: {} };
      this.detailXml = new RawXmlWriter();
    } else if (this.depth > 2) {
      this.detailXml?.open(tag);
    }
  }

  text(text: string): void {
    this.currentText += text;
    if (this.depth >= 2) this.detailXml?.text(text);
  }

  close(tag: XmlTag): void {
    if (this.depth === 2) this.closeFaultPart(tag.local);
    else if (this.depth > 2 && this.detailXml) {
      this.detailXml.close(tag);
      if (this.lastOpenedDepth === this.depth) this.detailLeaf(tag, this.currentText.trim());
    }
    this.depth--;
  }

  result(): SoapFault {
    return this.fault;
  }

  private closeFaultPart(local: string): void {
    const text = this.currentText.trim();
    if (local === 'faultcode') this.fault.faultCode = text;
    else if (local === 'faultstring') this.fault.faultString = text;
    else if (local === 'faultactor') this.fault.faultActor = text;
    else if (local === 'detail' && this.detail && this.detailXml) {
      const rawXml = this.detailXml.toString().trim();
      if (rawXml !== '') this.detail.rawXml = rawXml;
      this.fault.detail = this.detail;
      this.detailXml = undefined;
    }
  }

  private detailLeaf(tag: XmlTag, text: string): void {
    const detail = this.detail!;
    const key = `${tag.uri === EWS_ERRORS_NS ? 'e' : tag.uri === EWS_TYPES_NS ? 't' : ''}:${tag.local}`;
    switch (key) {
      case 'e:ResponseCode': detail.responseCode = text; return;
      case 'e:Message': detail.message = text; return;
      case 'e:Line': case 't:LineNumber': setNumber(detail, 'lineNumber', text); return;
      case 'e:Position': case 't:LinePosition': setNumber(detail, 'linePosition', text); return;
      case 't:Violation': detail.violation = text; return;
      case 't:Value':
        if (this.lastName === undefined) break;
        detail.values[this.lastName] = text;
        if (this.lastName === 'BackOffMilliseconds') setNumber(detail, 'backOffMilliseconds', text);
        return;
    }
    detail.values[tag.local] = text;
  }
}

/** Fault content is informational: a number that does not parse is left out rather than failing the read. */
function setNumber(detail: Mutable<SoapFaultDetail>, key: 'lineNumber' | 'linePosition' | 'backOffMilliseconds', text: string): void {
  const value = Number(text);
  if (text !== '' && Number.isFinite(value)) detail[key] = value;
}
