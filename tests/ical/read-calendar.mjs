// Reads an iCalendar document on stdin with ical.js (Mozilla's parser, independent of Ical.Net, which writes the
// feed) and prints what a calendar client would see as JSON on stdout: the calendar's properties and, per VEVENT,
// its UID, dates, texts and every other property. The C# tests assert on this. Exit code 1 and a reason on stderr
// when the document does not parse.
import ICAL from 'ical.js';

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}

const text = Buffer.concat(chunks).toString('utf8');

// RFC 5545 section 3.8.8.2: a non-standard property's value type defaults to TEXT. ical.js leaves unknown
// properties raw (still escaped), so the feed's own X- properties are declared as TEXT here.
for (const name of ['x-wr-calname', 'x-scheduler-rule', 'x-scheduler-key']) {
  ICAL.design.icalendar.property[name] = { defaultType: 'text' };
}
let root;
try {
  root = new ICAL.Component(ICAL.parse(text));
} catch (error) {
  process.stderr.write(`ical.js could not parse the calendar: ${error.message}\n`);
  process.exit(1);
}

if (root.name !== 'vcalendar') {
  process.stderr.write(`expected a VCALENDAR, found ${root.name}\n`);
  process.exit(1);
}

const str = (value) => (value === null || value === undefined ? null : value.toString());

// Every property of a component as name -> list of values (strings), parameters as name -> value.
const properties = (component) => {
  const result = {};
  for (const property of component.getAllProperties()) {
    const entry = { values: property.getValues().map(str), parameters: {} };
    for (const [name, value] of Object.entries(property.toJSON()[1])) {
      entry.parameters[name] = str(value);
    }

    (result[property.name] ??= []).push(entry);
  }

  return result;
};

const events = root.getAllSubcomponents('vevent').map((vevent) => {
  const event = new ICAL.Event(vevent);
  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    start: str(event.startDate),
    startIsDate: event.startDate?.isDate ?? null,
    end: str(event.endDate),
    endIsDate: event.endDate?.isDate ?? null,
    dtstamp: str(vevent.getFirstPropertyValue('dtstamp')),
    url: str(vevent.getFirstPropertyValue('url')),
    categories: vevent.getAllProperties('categories').flatMap((p) => p.getValues().map(str)),
    properties: properties(vevent),
  };
});

process.stdout.write(JSON.stringify({
  properties: properties(root),
  components: root.getAllSubcomponents().map((c) => c.name),
  events,
}));
