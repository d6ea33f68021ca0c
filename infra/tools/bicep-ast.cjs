#!/usr/bin/env node
// Parses Bicep files with the tree-sitter Bicep grammar (WebAssembly build shipped in the npm
// package tree-sitter-bicep, run by web-tree-sitter: no native build, no download) and prints,
// as JSON, each file's syntax errors and a small declaration model that the infra tests
// cross-check. Usage: node infra/tools/bicep-ast.cjs <file.bicep>... (exit 0 even when a file has
// syntax errors: they are reported in the JSON; exit 2 on usage or I/O errors).
'use strict';

const fs = require('fs');
const { Parser, Language } = require('web-tree-sitter');

const DECLARATIONS = {
  target_scope_assignment: 'targetScope',
  parameter_declaration: 'param',
  variable_declaration: 'var',
  resource_declaration: 'resource',
  module_declaration: 'module',
  output_declaration: 'output',
  type_declaration: 'type',
  user_defined_function: 'func',
  import_statement: 'import',
  import_with_statement: 'import',
  import_functionality: 'import',
  metadata_declaration: 'metadata',
};

function named(node) {
  const out = [];
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i);
    if (c.isNamed && c.type !== 'comment') out.push(c);
  }
  return out;
}

function hasKeyword(node, keyword) {
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i);
    if (!c.isNamed && c.type === keyword) return true;
  }
  return false;
}

function refs(node, acc = new Set()) {
  if (node.type === 'identifier') acc.add(node.text);
  for (const c of named(node)) refs(c, acc);
  return acc;
}

function unescape(text) {
  return text.replace(/\\(.)/g, (_, ch) => ({ n: '\n', r: '\r', t: '\t' }[ch] ?? ch));
}

function stringValue(node) {
  const parts = named(node);
  if (parts.some((p) => p.type === 'interpolation')) {
    return { $interp: node.text, refs: [...refs(node)] };
  }
  return parts.map((p) => (p.type === 'escape_sequence' ? unescape(p.text) : p.text)).join('');
}

function value(node) {
  if (!node) return null;
  switch (node.type) {
    case 'string':
      return stringValue(node);
    case 'multiline_string':
      return node.text.replace(/^'''\r?\n?/, '').replace(/'''$/, '');
    case 'number':
      return Number(node.text);
    case 'boolean':
      return node.text === 'true';
    case 'null':
      return null;
    case 'identifier':
      return { $ref: node.text };
    case 'parenthesized_expression':
      return value(named(node)[0]);
    case 'object': {
      const obj = {};
      for (const p of named(node)) {
        if (p.type !== 'object_property') continue;
        const [key, val] = named(p);
        const k = key.type === 'string' ? stringValue(key) : key.text;
        obj[typeof k === 'string' ? k : k.$interp] = value(val);
      }
      return obj;
    }
    case 'array':
      return named(node).map(value);
    case 'for_statement': {
      const kids = named(node);
      const body = kids[kids.length - 1];
      const head = kids.slice(0, -1);
      return {
        $for: {
          item: head[0].type === 'for_loop_parameters' ? named(head[0])[0].text : head[0].text,
          source: value(head[head.length - 1]),
          body: value(body),
        },
      };
    }
    case 'if_statement': {
      const [cond, body] = named(node);
      return { $if: { condition: cond.text, refs: [...refs(cond)], body: value(body) } };
    }
    default:
      return { $expr: node.text, refs: [...refs(node)] };
  }
}

function decorator(node) {
  const call = named(node)[0];
  if (!call) return { name: node.text };
  if (call.type === 'call_expression') {
    const fn = call.childForFieldName('function');
    const args = call.childForFieldName('arguments');
    return { name: fn ? fn.text : call.text, args: args ? named(args).map(value) : [] };
  }
  return { name: call.text, args: [] };
}

function declaration(node, decorators) {
  const kind = DECLARATIONS[node.type];
  const kids = named(node);
  const decl = { kind, line: node.startPosition.row + 1, decorators };
  switch (kind) {
    case 'targetScope':
      decl.value = value(kids[0]);
      break;
    case 'param':
    case 'output':
      decl.name = kids[0].text;
      decl.type = kids[1] ? kids[1].text : null;
      decl.value = kids[2] ? value(kids[2]) : undefined;
      break;
    case 'var':
      decl.name = kids[0].text;
      decl.value = value(kids[kids.length - 1]);
      break;
    case 'resource':
      decl.name = kids[0].text;
      decl.type = stringValue(kids[1]);
      decl.existing = hasKeyword(node, 'existing');
      decl.value = value(kids[kids.length - 1]);
      break;
    case 'module':
      decl.name = kids[0].text;
      decl.path = stringValue(kids[1]);
      decl.value = value(kids[kids.length - 1]);
      break;
    default:
      decl.name = kids[0] ? kids[0].text : null;
      decl.text = node.text;
  }
  return decl;
}

function errors(node, out = []) {
  if (node.isError || node.isMissing) {
    out.push({
      line: node.startPosition.row + 1,
      column: node.startPosition.column + 1,
      message: node.isMissing ? `missing ${node.type}` : `unexpected ${JSON.stringify(node.text.slice(0, 40))}`,
    });
    if (node.isError) return out;
  }
  for (let i = 0; i < node.childCount; i++) errors(node.child(i), out);
  return out;
}

function model(tree) {
  const root = tree.rootNode;
  const declarations = [];
  let pending = [];
  for (const node of named(root)) {
    if (node.type === 'decorators') {
      pending = named(node).map(decorator);
    } else if (DECLARATIONS[node.type]) {
      declarations.push(declaration(node, pending));
      pending = [];
    } else if (node.type !== 'ERROR') {
      declarations.push({ kind: node.type, line: node.startPosition.row + 1, text: node.text });
    }
  }
  return declarations;
}

async function main(files) {
  if (files.length === 0) {
    process.stderr.write('usage: bicep-ast.cjs <file.bicep>...\n');
    return 2;
  }
  await Parser.init();
  const language = await Language.load(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  const result = [];
  for (const file of files) {
    const tree = parser.parse(fs.readFileSync(file, 'utf8'));
    const errs = errors(tree.rootNode);
    result.push({ path: file, ok: errs.length === 0, errors: errs, declarations: model(tree) });
  }
  process.stdout.write(JSON.stringify({ files: result }, null, 1) + '\n');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(String(err && err.stack ? err.stack : err) + '\n');
    process.exit(2);
  },
);
