#!/usr/bin/env node
// The compromise baseline for newsdex's entity extraction.
//
// usage: node compromise_entities.mjs ARTICLES_DIR [--files LIST]
//
// Runs compromise (the version pinned in package.json) on every .txt article under
// ARTICLES_DIR (recursively, sorted, hidden files and folders skipped; or only the files
// named by --files: a list file of names, whitespace separated, or a comma-separated
// list, relative to ARTICLES_DIR) and prints one JSON line per article, the shape of
// `newsdex-index --extract-only`:
//   {"file": "0001.txt", "people": [...], "places": [...], "organizations": [...]}
// with doc.people(), doc.places() and doc.organizations() of the whole article text,
// each match's text trimmed of surrounding punctuation, duplicates dropped, in order of
// first mention.
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import nlp from 'compromise';

function usage(message) {
  process.stderr.write(`compromise_entities: ${message}\n` +
    'usage: node compromise_entities.mjs ARTICLES_DIR [--files LIST]\n');
  process.exit(2);
}

function parseArgs(argv) {
  let dir = null;
  let files = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--files') {
      if (i + 1 >= argv.length) usage('--files needs a value');
      files = argv[++i];
    } else if (a.startsWith('--files=')) {
      files = a.slice('--files='.length);
    } else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: node compromise_entities.mjs ARTICLES_DIR [--files LIST]\n');
      process.exit(0);
    } else if (a.startsWith('-')) {
      usage(`unknown option ${a}`);
    } else if (dir === null) {
      dir = a;
    } else {
      usage(`unexpected argument ${a}`);
    }
  }
  if (dir === null) usage('ARTICLES_DIR is required');
  return { dir, files };
}

// Relative paths ('/'-separated) of the .txt files under DIR, sorted.
function walk(dir, prefix = '') {
  const out = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      out.push(...walk(dir, rel));
    } else if (entry.name.endsWith('.txt') &&
               (entry.isFile() || fs.statSync(path.join(dir, rel)).isFile())) {
      out.push(rel);
    }
  }
  return out;
}

function listFiles(spec) {
  if (fs.existsSync(spec) && fs.statSync(spec).isFile()) {
    return fs.readFileSync(spec, 'utf8').split(/\s+/).filter(Boolean);
  }
  return spec.split(',').map((s) => s.trim()).filter(Boolean);
}

// Punctuation compromise keeps around a match ("Brussels,", "(Reuters", "Clinton:").
// A final period stays when the name is an abbreviation such as "U.S.".
function clean(text) {
  let s = text.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N}.]+$/u, '');
  if (s.endsWith('.') && !/(^|[.\s])\p{L}\.$/u.test(s)) s = s.replace(/\.+$/, '');
  return s;
}

function names(view) {
  const seen = new Set();
  for (const text of view.out('array')) {
    const s = clean(text);
    if (s) seen.add(s);
  }
  return [...seen];
}

const { dir, files } = parseArgs(process.argv.slice(2));
if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) usage(`not a folder: ${dir}`);
const rels = files === null ? walk(dir).sort() : listFiles(files);

const lines = [];
for (const rel of rels) {
  let text;
  try {
    text = fs.readFileSync(path.join(dir, rel), 'utf8');
  } catch (e) {
    process.stderr.write(`compromise_entities: cannot read ${rel}: ${e.message}\n`);
    process.exit(1);
  }
  const doc = nlp(text);
  lines.push(JSON.stringify({
    file: rel,
    people: names(doc.people()),
    places: names(doc.places()),
    organizations: names(doc.organizations()),
  }));
  if (lines.length >= 64) {
    process.stdout.write(lines.join('\n') + '\n');
    lines.length = 0;
  }
}
if (lines.length) process.stdout.write(lines.join('\n') + '\n');
