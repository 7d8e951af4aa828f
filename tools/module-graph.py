#!/usr/bin/env python3
"""Prints the library's module graph and fails (--check) on any import circle.

Two levels are checked: the crate's top-level modules (`crate::index` uses
`crate::gazetteer`, …) and, inside each, its submodules (`query::search` uses
`query::filter`, …). A parent's own file (mod.rs) is left out of its children's graph:
re-exporting them is what it is for. Test modules are left out: a test may use anything.

Usage: python3 tools/module-graph.py [--check] [--dot]
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
# The binaries are other crates: they see the library only through `haven::`.
SKIP = {"main.rs", "bin", "cli"}


def module_path(rel):
    """src-relative path to its module path: query/search.rs -> ['query', 'search']."""
    parts = rel[:-3].split(os.sep)
    if parts[-1] in ("mod", "lib"):
        parts = parts[:-1]
    return parts


def code_of(text):
    """The text without comments and without `#[cfg(test)]` items."""
    text = re.sub(r"//[^\n]*", "", text)
    out, i = [], 0
    for m in re.finditer(r"#\[cfg\(test\)\]\s*mod\s+\w+\s*\{", text):
        if m.start() < i:
            continue
        out.append(text[i:m.start()])
        depth, j = 1, m.end()
        while j < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
        i = j
    out.append(text[i:])
    return "".join(out)


def uses(path, code):
    """Every module path this file refers to, absolute from the crate root."""
    found = set()
    # `use a::{b, c::d}` groups are expanded only as far as their first segment.
    for m in re.finditer(r"\b(crate|super|self)((?:::\w+)+)", code):
        head, rest = m.group(1), [p for p in m.group(2).split("::") if p]
        if head == "crate":
            found.add(tuple(rest))
        elif head == "super":
            base = path[:-1]
            while rest and rest[0] == "super":
                base, rest = base[:-1], rest[1:]
            found.add(tuple(base + rest))
        else:
            found.add(tuple(path + rest))
    for m in re.finditer(r"\b(crate|super)::\{([^}]*)\}", code):
        base = [] if m.group(1) == "crate" else path[:-1]
        for item in m.group(2).split(","):
            item = item.strip().split("::")[0]
            if item:
                found.add(tuple(base + [item]))
    return found


def graph():
    modules = {}
    for dirpath, dirnames, filenames in os.walk(ROOT):
        rel_dir = os.path.relpath(dirpath, ROOT)
        if rel_dir.split(os.sep)[0] in SKIP:
            continue
        for name in filenames:
            rel = os.path.normpath(os.path.join(rel_dir, name))
            if not name.endswith(".rs") or rel in SKIP:
                continue
            with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
                modules[tuple(module_path(rel))] = code_of(f.read())
    known = set(modules)
    edges = {}
    for path, code in modules.items():
        for target in uses(list(path), code):
            # The longest known module the path starts with.
            while target and target not in known:
                target = target[:-1]
            if target and target != path:
                edges.setdefault(path, set()).add(target)
    return known, edges


def level_edges(known, edges, parent):
    """Edges among the direct children of `parent`, each side lifted to its child."""
    depth = len(parent) + 1
    children = {m[:depth] for m in known if len(m) >= depth and m[: len(parent)] == parent}
    out = {c: set() for c in children}
    for src, targets in edges.items():
        if len(src) < depth or src[: len(parent)] != parent:
            continue
        for t in targets:
            if len(t) >= depth and t[: len(parent)] == parent and t[:depth] != src[:depth]:
                out[src[:depth]].add(t[:depth])
    return out


def cycles(g):
    """Strongly connected components of more than one node (Tarjan)."""
    index, low, stack, on, result, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(g.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                result.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return result


def main():
    known, edges = graph()
    parents = sorted({m[:-1] for m in known if len(m) > 1} | {()})
    found = []
    name = lambda m: "::".join(m) or "crate"
    for parent in parents:
        g = level_edges(known, edges, parent)
        if "--dot" in sys.argv:
            for src in sorted(g):
                for t in sorted(g[src]):
                    print(f'  "{name(src)}" -> "{name(t)}";')
        elif parent == ():
            for src in sorted(g):
                print(f"{name(src)} -> {', '.join(name(t) for t in sorted(g[src])) or '(nothing)'}")
        for comp in cycles(g):
            found.append((parent, comp))
    for parent, comp in found:
        print(f"import circle in {name(parent)}: {' <-> '.join(name(c) for c in comp)}", file=sys.stderr)
    if not found:
        print(f"no import circles among {len(known)} modules", file=sys.stderr)
    if "--check" in sys.argv and found:
        sys.exit(1)


if __name__ == "__main__":
    main()
