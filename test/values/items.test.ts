import { attendees, body, InvalidValueError, newItem, reminder } from '../../src/values';

describe('item value helpers', () => {
  it('builds attendees from addresses, with names where given', () => {
    expect(attendees('bob@contoso.com', { email: 'carol@contoso.com', name: 'Carol' })).toEqual([
      { Mailbox: { EmailAddress: 'bob@contoso.com' } }, { Mailbox: { EmailAddress: 'carol@contoso.com', Name: 'Carol' } },
    ]);
    expect(() => attendees('bob@contoso.com', ' ')).toThrow(/attendee 2 has no email address/);
    expect(() => (attendees as (...a: unknown[]) => unknown)()).toThrow(InvalidValueError);
  });

  it('builds HTML and text bodies', () => {
    expect(body.html('<p>Agenda</p>')).toEqual({ BodyType: 'HTML', $value: '<p>Agenda</p>' });
    expect(body.text('Agenda')).toEqual({ BodyType: 'Text', $value: 'Agenda' });
    expect(() => body.text(42 as unknown as string)).toThrow(/a body is a string/);
  });

  it('sets reminders as numbers within the schema range and refuses others', () => {
    expect(reminder(15)).toEqual({ ReminderIsSet: true, ReminderMinutesBeforeStart: 15 });
    expect(reminder(false)).toEqual({ ReminderIsSet: false });
    expect(reminder(2629800)).toEqual({ ReminderIsSet: true, ReminderMinutesBeforeStart: 2629800 });
    expect(() => reminder(-1)).toThrow(/0 to 2629800 minutes/);
    expect(() => reminder(2629801)).toThrow(InvalidValueError);
    expect(() => reminder(1.5)).toThrow(InvalidValueError);
  });

  it('tags a new item with its element', () => {
    const item = newItem('CalendarItem', { Subject: 'Sync', Start: new Date('2026-11-24T08:00:00Z') });
    expect(item).toEqual({ $el: 'CalendarItem', Subject: 'Sync', Start: new Date('2026-11-24T08:00:00Z') });
    // @ts-expect-error Start is not a property of a message
    const wrong = newItem('Message', { Start: '2026-11-24T08:00:00Z' });
    expect(wrong.$el).toBe('Message');
  });
});
