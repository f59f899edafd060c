// Resolves every selector of a `factcheck export annotations` collection the
// way a browser annotation client does: with dom-anchor-text-position and
// dom-anchor-text-quote (the Hypothesis client's anchoring libraries) over a
// DOM holding the snapshot's text.
//
//   node resolve.mjs ANNOTATIONS.json SOURCES_DIR
//
// The snapshot is found by the target's `urn:sha256:` (its `state.cached`, or
// its `source` when it has no url) in SOURCES_DIR. Each annotation's target,
// and each evidence link that carries both selectors, must
//  - by its TextPositionSelector, converted from code points (what the model
//    and the export count) to UTF-16 code units (what DOM offsets count),
//    select exactly `exact`;
//  - by its TextQuoteSelector alone (exact, prefix, suffix; no position
//    hint), be found at that same place.
// Prints one line per failure and a summary; exits 1 on any failure.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import * as textPosition from 'dom-anchor-text-position';
import * as textQuote from 'dom-anchor-text-quote';

const [file, sourcesDir] = process.argv.slice(2);
if (!file || !sourcesDir) {
  console.error('usage: node resolve.mjs ANNOTATIONS.json SOURCES_DIR');
  process.exit(2);
}

const collection = JSON.parse(readFileSync(file, 'utf8'));
if (collection.type !== 'AnnotationCollection') {
  console.error(`${file}: not an AnnotationCollection`);
  process.exit(1);
}
const items = collection.first ? collection.first.items : [];
if (items.length !== collection.total) {
  console.error(`${file}: total is ${collection.total} but the page holds ${items.length}`);
  process.exit(1);
}

// Code points -> UTF-16 code units, and back: a character outside the Basic
// Multilingual Plane is one code point but two UTF-16 units.
function toUtf16(text, codePoints) {
  let units = 0;
  let seen = 0;
  for (const ch of text) {
    if (seen === codePoints) break;
    units += ch.length;
    seen += 1;
  }
  if (seen !== codePoints) throw new Error(`offset ${codePoints} is past the end of the text`);
  return units;
}

function toCodePoints(text, units) {
  return [...text.slice(0, units)].length;
}

// The libraries were written for browsers, where `Node` is a global.
const { window } = new JSDOM('<!DOCTYPE html>');
globalThis.Node = window.Node;

const files = readdirSync(sourcesDir);
const documents = new Map();

// A document whose body text is the snapshot's text, one element per line
// so ranges cross nodes as they do on a real page.
function documentOf(hex) {
  if (documents.has(hex)) return documents.get(hex);
  const name = files.find((f) => f.startsWith(`${hex}.`) && !f.endsWith('.yaml'));
  if (!name) throw new Error(`no snapshot ${hex} in ${sourcesDir}`);
  if (/\.html?$/.test(name)) throw new Error(`${name} is HTML: this check reads text snapshots`);
  let text = readFileSync(join(sourcesDir, name), 'utf8');
  if (text.startsWith('\ufeff')) text = text.slice(1);
  const doc = window.document.implementation.createHTMLDocument('');
  for (const line of text.split(/(?<=\n)/)) {
    const span = doc.createElement('span');
    span.textContent = line;
    doc.body.appendChild(span);
  }
  if (doc.body.textContent !== text) throw new Error(`${name}: the DOM does not hold the text`);
  const entry = { root: doc.body, text };
  documents.set(hex, entry);
  return entry;
}

let failures = 0;
let astral = 0;
const counts = { target: [0, 0], evidence: [0, 0] };

// Checks one SpecificResource's selectors; returns a failure message or null.
function check(resource) {
  const urn = (resource.state && resource.state.cached) || resource.source;
  const hex = /^urn:sha256:([0-9a-f]{64})$/.exec(urn);
  if (!hex) return `no urn:sha256: snapshot in ${JSON.stringify(urn)}`;
  const { root, text } = documentOf(hex[1]);
  const selectors = [].concat(resource.selector || []);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  if (!quote || !position) return 'a TextQuoteSelector or a TextPositionSelector is missing';
  const start = toUtf16(text, position.start);
  const end = toUtf16(text, position.end);
  if (start !== position.start || end !== position.end) astral += 1;

  const byPosition = textPosition.toRange(root, { start, end });
  if (!byPosition || byPosition.toString() !== quote.exact) {
    return `the position ${position.start}..${position.end} selects ${JSON.stringify(byPosition && byPosition.toString())}, not ${JSON.stringify(quote.exact)}`;
  }

  const selector = { exact: quote.exact };
  if (quote.prefix !== undefined) selector.prefix = quote.prefix;
  if (quote.suffix !== undefined) selector.suffix = quote.suffix;
  const byQuote = textQuote.toRange(root, selector);
  if (!byQuote) return 'the quote is not found';
  if (byQuote.toString() !== quote.exact) {
    return `the quote resolves to ${JSON.stringify(byQuote.toString())}`;
  }
  const found = textPosition.fromRange(root, byQuote);
  const at = [toCodePoints(text, found.start), toCodePoints(text, found.end)];
  if (at[0] !== position.start || at[1] !== position.end) {
    return `the quote is found at ${at[0]}..${at[1]}, not at the recorded ${position.start}..${position.end}`;
  }
  return null;
}

function run(annotation, what, resource) {
  counts[what][1] += 1;
  let failure;
  try {
    failure = check(resource);
  } catch (e) {
    failure = e.message;
  }
  if (failure) {
    failures += 1;
    console.log(`FAIL ${annotation.id} ${what}: ${failure}`);
  } else {
    counts[what][0] += 1;
  }
}

for (const annotation of items) {
  run(annotation, 'target', annotation.target);
  // Evidence whose excerpt was found in its snapshot carries both selectors.
  for (const body of [].concat(annotation.body || [])) {
    const selectors = [].concat(body.selector || []);
    if (body.purpose === 'linking' && selectors.some((s) => s.type === 'TextPositionSelector')) {
      run(annotation, 'evidence', body);
    }
  }
}

console.log(
  `resolved ${counts.target[0]} of ${counts.target[1]} claim selectors and ` +
    `${counts.evidence[0]} of ${counts.evidence[1]} evidence selectors in ${documents.size} snapshot(s); ` +
    `${astral} lie where UTF-16 offsets differ from code points`,
);
process.exit(failures === 0 ? 0 : 1);
