"""The package's layout rules, read from the source with `ast` (nothing is imported):

- each `jobs/*.py` entrypoint stays small (at most JOB_MAX_LINES lines);
- library modules (everything but `jobs/`) never import from `jobs/`, and a job never imports another job:
  entrypoints are wiring (read input, call the library, signal the result);
- the modules import each other without a loop, counting imports inside functions too (a lazy import
  still ties the two modules together).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = "dataml_jobs"
ROOT = Path(__file__).resolve().parents[1] / PACKAGE
JOB_MAX_LINES = 120


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, modules: set[str], root: Path = ROOT) -> set[str]:
    """The package's modules that `path` imports (a package import counts as its __init__)."""
    name = module_name(path, root)
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            # `from pkg import mod` imports the submodule pkg.mod.
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return {m for m in found if m in modules and m != name}


def graph(root: Path = ROOT) -> dict[str, set[str]]:
    files = sorted(root.rglob("*.py"))
    modules = {module_name(p, root) for p in files}
    return {module_name(p, root): imports_of(p, modules, root) for p in files}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected component of more than one module, or one that imports itself (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in edges.get(v, ()):
                out.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def is_job(module: str) -> bool:
    return module.startswith(f"{PACKAGE}.jobs.") or module == f"{PACKAGE}.jobs"


def layer_violations(edges: dict[str, set[str]]) -> list[str]:
    bad = []
    for src, targets in sorted(edges.items()):
        for dst in sorted(targets):
            if is_job(dst) and dst != f"{PACKAGE}.jobs":
                who = "job" if is_job(src) else "library module"
                bad.append(f"{who} {src} imports the job {dst}")
    return bad


def test_jobs_are_wiring_sized():
    sizes = {p.name: len(p.read_text().splitlines()) for p in (ROOT / "jobs").glob("*.py")}
    assert {name: n for name, n in sizes.items() if n > JOB_MAX_LINES} == {}


def test_library_modules_do_not_import_jobs():
    assert layer_violations(graph()) == []


def test_no_import_loops():
    assert cycles(graph()) == []


def test_the_checks_see_a_loop_and_a_library_importing_a_job(tmp_path: Path):
    # The checks themselves, on a throwaway package shaped like the old one (training/forecast.py imported
    # read_dataset back from jobs/train.py, which imports training/forecast.py lazily).
    pkg = tmp_path / PACKAGE
    for folder in ("jobs", "training"):
        (pkg / folder).mkdir(parents=True)
        (pkg / folder / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "jobs" / "train.py").write_text("def main():\n    from ..training.forecast import run\n")
    (pkg / "training" / "forecast.py").write_text("def run():\n    from ..jobs.train import read_dataset\n")
    edges = graph(pkg)
    assert edges[f"{PACKAGE}.jobs.train"] == {f"{PACKAGE}.training.forecast"}
    assert cycles(edges) == [[f"{PACKAGE}.jobs.train", f"{PACKAGE}.training.forecast"]]
    assert layer_violations(edges) == [
        f"library module {PACKAGE}.training.forecast imports the job {PACKAGE}.jobs.train"
    ]
