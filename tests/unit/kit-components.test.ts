/**
 * The kit's components rendered to HTML (preact-render-to-string, no DOM):
 * FormField's label/hint/error wiring, Badge's words, the dates' <time>
 * elements, StatusMessage's two live regions, the breadcrumb's landmark, and
 * user text staying text.
 */
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { AbsoluteDate, Badge, Breadcrumb, BusyButton, EmptyState, FormField, RelativeDate, StatusMessage, controlProps } from '../../web/src/components/kit/index.ts';
import { formatAbsolute } from '../../web/src/components/kit/format.ts';

const input = (props: object) => h('input', { ...props, type: 'text' });

describe('FormField', () => {
  it('labels its control and describes it by its hint, without an error while there is none', () => {
    const html = render(h(FormField, { id: 'title', label: 'Title', hint: 'Short.', children: input }));
    expect(html).toContain('<label for="title">Title</label>');
    expect(html).toContain('<input id="title" aria-describedby="title-hint" type="text"/>');
    expect(html).toContain('<p id="title-hint" class="hint">Short.</p>');
    expect(html).toContain('<p id="title-error" class="field-error" hidden></p>');
    expect(html).not.toContain('aria-invalid');
  });

  it('marks the control invalid and points it at its error while there is one', () => {
    const html = render(h(FormField, { id: 'title', label: 'Title', error: 'Please fill this in.', children: input }));
    expect(html).toContain('<input id="title" aria-describedby="title-error" aria-invalid="true" type="text"/>');
    expect(html).toContain('<p id="title-error" class="field-error">Please fill this in.</p>');
  });

  it('wires a shared error of a group (a date and a time) and other descriptions first', () => {
    expect(controlProps('start-date', { describedBy: ['zone-hint', 'startsAt-error'], invalid: true })).toEqual({
      id: 'start-date',
      'aria-describedby': 'zone-hint startsAt-error',
      'aria-invalid': 'true',
    });
    expect(controlProps('x', {})).toEqual({ id: 'x' });
  });
});

describe('Badge', () => {
  it('says its meaning in words; the variant only adds a colour class', () => {
    expect(render(h(Badge, { variant: 'success', children: 'Approved' }))).toBe('<span class="badge badge-success">Approved</span>');
    expect(render(h(Badge, { children: 'Teacher' }))).toBe('<span class="badge badge-neutral">Teacher</span>');
  });
});

describe('dates', () => {
  it('AbsoluteDate is a <time> with the instant and the one format', () => {
    const at = '2026-12-01T08:30:00.000Z';
    const html = render(h(AbsoluteDate, { value: at, locale: 'en-GB', timeZone: 'Europe/Madrid' }));
    expect(html).toBe(`<time datetime="${at}">${formatAbsolute(at, 'en-GB', 'Europe/Madrid')}</time>`);
  });
  it('RelativeDate says how long ago, the absolute date as its title', () => {
    const html = render(h(RelativeDate, { value: '2026-12-09T12:00:00.000Z', locale: 'en', now: new Date('2026-12-10T12:00:00.000Z') }));
    expect(html).toMatch(/^<time datetime="2026-12-09T12:00:00.000Z" title="[^"]+">yesterday<\/time>$/);
  });
});

describe('StatusMessage', () => {
  it('keeps both live regions in the page and fills the one of its tone', () => {
    expect(render(h(StatusMessage, { status: undefined }))).toBe('<div class="status-message"><p role="status" class="status-message-success"></p><p role="alert" class="status-message-error"></p></div>');
    const html = render(h(StatusMessage, { status: { tone: 'error', text: 'Please check the marked fields.' } }));
    expect(html).toContain('<p role="alert" class="status-message-error">Please check the marked fields.</p>');
    expect(html).toContain('<p role="status" class="status-message-success"></p>');
  });
});

describe('Breadcrumb', () => {
  it('is a labelled navigation; the last step is the current page', () => {
    const html = render(h(Breadcrumb, { label: 'You are here', crumbs: [{ label: 'Desktop', href: '/en/desktop/' }, { label: 'Agenda' }] }));
    expect(html).toBe('<nav aria-label="You are here" class="breadcrumb"><ol><li><a href="/en/desktop/">Desktop</a></li><li><span aria-current="page">Agenda</span></li></ol></nav>');
  });
});

describe('BusyButton', () => {
  it('is a plain button while idle, disabled and aria-busy with its busy label while busy', () => {
    expect(render(h(BusyButton, { busyLabel: 'Working…', children: 'Save' }))).toBe('<button type="button">Save</button>');
    expect(render(h(BusyButton, { busyLabel: 'Working…', busy: true, type: 'submit', children: 'Save' }))).toBe('<button type="submit" disabled aria-busy="true">Working…</button>');
  });
});

describe('user text stays text', () => {
  it('escapes markup in labels, errors, badges and empty states', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const html = [
      render(h(FormField, { id: 'f', label: evil, error: evil, children: input })),
      render(h(Badge, { children: evil })),
      render(h(EmptyState, { children: evil })),
    ].join('');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
  });
});
