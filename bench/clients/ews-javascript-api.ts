/**
 * The peer, ews-javascript-api, used as its README shows. It writes strings into the XML unescaped,
 * so the caller escapes them (inside the timed call: it is work every application must do).
 */
import {
  AffectedTaskOccurrence, AggregateType, Appointment, BasePropertySet, BodyType, DateTime, DeleteMode, EmailMessage,
  EmailMessageSchema, ExchangeService, ExchangeVersion, FolderId, GroupedFindItemsResults, Item, ItemId, ItemSchema, ItemView,
  MessageBody, PropertySet, SendCancellationsMode, SendInvitationsMode, ServiceResult, SortDirection, Uri, WellKnownFolderName,
  Grouping, WebCredentials, type IXHRApi, type ServiceResponseCollection, type ServiceResponse,
} from 'ews-javascript-api';
import { appointments, itemIds } from '../fixtures/workload';
import { escapeText } from '../fixtures/xml-text';
import { BENCH_PASSWORD, BENCH_USER } from './credentials';
import type { BenchClient, Endpoint, Outcome, ScenarioName, TimedCall } from './bench-client';

export function ewsJavascriptApiClient(): BenchClient {
  return {
    prepare(scenario: ScenarioName, count: number, endpoint: Endpoint): TimedCall {
      const service = connect(endpoint);
      switch (scenario) {
        case 'findItemGrouped': return () => findItemGrouped(service, count);
        case 'getItem': {
          const ids = itemIds(count);
          return () => getItem(service, ids);
        }
        case 'createItem': {
          const data = appointments(count);
          return () => createItem(service, data);
        }
        case 'deleteItem': {
          const ids = itemIds(count);
          return () => deleteItem(service, ids);
        }
      }
    },
    close: () => undefined,
  };
}

function connect(endpoint: Endpoint): ExchangeService {
  const service = new ExchangeService(ExchangeVersion.Exchange2013_SP1);
  service.Credentials = new WebCredentials(BENCH_USER, BENCH_PASSWORD);
  if (endpoint.kind === 'http') {
    service.Url = new Uri(endpoint.url);
    return service;
  }
  service.Url = new Uri('http://127.0.0.1/EWS/Exchange.asmx');
  service.XHRApi = inMemoryXhr(endpoint.response);
  return service;
}

/** Hands back the response bytes as @ewsjs/xhr would after reading them from a socket (decoding included). */
function inMemoryXhr(response: Buffer): IXHRApi {
  const headers: Record<string, string> = { 'content-type': 'text/xml; charset=utf-8' };
  const xhr = async () => ({
    status: 200,
    statusText: 'OK',
    responseType: '',
    responseText: response.toString('utf8'),
    headers,
    getAllResponseHeaders: () => Object.entries(headers).map(([name, value]) => `${name} : ${value}\r\n`).join(''),
    getResponseHeader: (name: string) => headers[name.toLowerCase()] ?? null,
  }) as never;
  return { xhr, xhrStream: xhr, disconnect: () => undefined, apiName: 'in-memory' };
}

async function findItemGrouped(service: ExchangeService, count: number): Promise<Outcome> {
  const view = new ItemView(count);
  view.PropertySet = new PropertySet(BasePropertySet.IdOnly, [
    ItemSchema.Subject, ItemSchema.DateTimeReceived, ItemSchema.Categories, EmailMessageSchema.From,
  ]);
  const grouping = new Grouping(EmailMessageSchema.From, SortDirection.Ascending, ItemSchema.DateTimeReceived, AggregateType.Maximum);
  const results: GroupedFindItemsResults<Item> = await service.FindItems(new FolderId(WellKnownFolderName.Inbox), view, grouping);
  let items = 0;
  let touched = 0;
  for (const group of results.ItemGroups) {
    for (const item of group.Items) {
      const message = item as EmailMessage;
      touched += message.Subject.length + message.DateTimeReceived.TotalMilliSeconds + message.Categories.Count
        + message.From.Address.length;
      items++;
    }
  }
  return { items: touched > 0 ? items : 0, errors: 0 };
}

async function getItem(service: ExchangeService, ids: readonly string[]): Promise<Outcome> {
  const propertySet = new PropertySet(BasePropertySet.FirstClassProperties);
  propertySet.RequestedBodyType = BodyType.HTML;
  const responses = await service.BindToItems(ids.map((id) => new ItemId(id)), propertySet);
  let items = 0;
  let touched = 0;
  for (const response of responses.Responses) {
    const appointment = response.Item as Appointment;
    touched += appointment.Subject.length + appointment.Body.Text.length + appointment.Start.TotalMilliSeconds
      + appointment.RequiredAttendees.Count;
    items++;
  }
  return { items: touched > 0 ? items : 0, errors: 0 };
}

async function createItem(service: ExchangeService, data: ReturnType<typeof appointments>): Promise<Outcome> {
  const items = data.map((source) => {
    const appointment = new Appointment(service);
    appointment.Subject = escapeText(source.subject);
    appointment.Body = new MessageBody(BodyType.HTML, escapeText(source.htmlBody));
    appointment.Start = DateTime.Parse(source.start);
    appointment.End = DateTime.Parse(source.end);
    appointment.Location = escapeText(source.location);
    for (const who of source.attendees) appointment.RequiredAttendees.Add(escapeText(who.name), escapeText(who.email));
    return appointment;
  });
  const responses = await service.CreateItems(items, new FolderId(WellKnownFolderName.Calendar), null as never, SendInvitationsMode.SendToNone);
  const created = items.filter((item) => item.Id?.UniqueId).length;
  return { items: created, errors: errorsIn(responses) };
}

async function deleteItem(service: ExchangeService, ids: readonly string[]): Promise<Outcome> {
  const responses = await service.DeleteItems(
    ids.map((id) => new ItemId(id)), DeleteMode.MoveToDeletedItems, SendCancellationsMode.SendToNone, AffectedTaskOccurrence.AllOccurrences,
  );
  return { items: responses.Count, errors: errorsIn(responses) };
}

function errorsIn(responses: ServiceResponseCollection<ServiceResponse>): number {
  let errors = 0;
  for (const response of responses.Responses) if (response.Result === ServiceResult.Error) errors++;
  return errors;
}
