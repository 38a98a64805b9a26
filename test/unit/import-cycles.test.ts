// The TypeScript tree has no import loops: every module's imports, as the compiler resolves them (tsconfig.json),
// form an acyclic graph. Type-only imports count too: a loop of types still ties the modules' meanings together.
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** Module graph of the project's own files (node_modules excluded), from each file's import/export declarations. */
function moduleGraph(): Map<string, string[]> {
  const configPath = path.join(root, 'tsconfig.json');
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, root);
  const host = ts.createCompilerHost(parsed.options);
  const graph = new Map<string, string[]>();
  for (const file of parsed.fileNames) {
    const source = ts.createSourceFile(file, ts.sys.readFile(file) ?? '', ts.ScriptTarget.ES2022, false);
    const edges: string[] = [];
    for (const stmt of source.statements) {
      const spec =
        (ts.isImportDeclaration(stmt) || ts.isExportDeclaration(stmt)) && stmt.moduleSpecifier && ts.isStringLiteral(stmt.moduleSpecifier)
          ? stmt.moduleSpecifier.text
          : undefined;
      if (!spec) continue;
      const resolved = ts.resolveModuleName(spec, file, parsed.options, host).resolvedModule;
      if (resolved && !resolved.isExternalLibraryImport && resolved.resolvedFileName.startsWith(root))
        edges.push(resolved.resolvedFileName);
    }
    graph.set(file, edges);
  }
  return graph;
}

/** Every cycle found by a depth-first search (each reported once, from where the search entered it). */
function findCycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('import graph', () => {
  it('finds a loop when there is one (the check itself works)', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findCycles(g)).toEqual([['a', 'b', 'c', 'a']]);
    expect(
      findCycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('has no cycles in the TypeScript tree', () => {
    const graph = moduleGraph();
    expect(graph.size).toBeGreaterThan(100); // the whole tree was read, not an empty include
    const cycles = findCycles(graph).map((c) => c.map((f) => path.relative(root, f)).join(' -> '));
    expect(cycles).toEqual([]);
  });
});
