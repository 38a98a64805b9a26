"""Regenerates the low-level client (src/dataml_client/openapi) from the API's own OpenAPI document.

    python generate.py --url http://127.0.0.1:8000/openapi.json            # rewrite the committed client
    python generate.py --url http://127.0.0.1:8000/openapi.json --check    # exit 1 and print a diff if it drifted

The generator is openapi-python-client, pinned in ml/pyproject.toml's dev group so that every run produces the
same code (its output and ruff's formatting depend on their versions).
"""

from __future__ import annotations

import argparse
import difflib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
TARGET = HERE / "src" / "dataml_client" / "openapi"
CONFIG = HERE / "openapi-python-client.yaml"
IGNORED = {"__pycache__", ".ruff_cache"}  # bytecode, and ruff's cache left by the generator's post hooks


def _tree(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file() and not set(p.relative_to(root).parts) & IGNORED
    }


def normalise(document: bytes) -> bytes:
    """The document, with nullable components rewritten as nullable references (same meaning).

    zod-openapi registers `ErrorReport.nullable()` as a component of `type: [object, null]`; openapi-python-client
    0.29 then drops the model and keeps imports of it. Here the component becomes a plain object and every
    reference to it `anyOf: [ref, null]`, which the generator reads.
    """
    doc = json.loads(document)
    schemas = doc.get("components", {}).get("schemas", {})
    nullable = set()
    for name, schema in schemas.items():
        kinds = schema.get("type")
        if isinstance(kinds, list) and "null" in kinds and len(kinds) == 2:
            schema["type"] = next(k for k in kinds if k != "null")
            nullable.add(f"#/components/schemas/{name}")

    def walk(node: object) -> object:
        if isinstance(node, dict):
            if node.get("$ref") in nullable:
                rest = {k: v for k, v in node.items() if k != "$ref"}
                return {"anyOf": [{"$ref": node["$ref"]}, {"type": "null"}], **rest}
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return json.dumps(walk(doc), indent=2).encode()


def generate(document: bytes, out: Path) -> None:
    """Writes the generated package to `out` (which must not exist)."""
    bindir = Path(sys.executable).parent
    generator = bindir / "openapi-python-client"
    if not generator.exists():
        raise SystemExit(f"{generator} is missing: install ml/'s dev group (uv sync) first")
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / "openapi.json"
        doc.write_bytes(normalise(document))
        # The post hooks call ruff: the one of this environment, whatever PATH says.
        env = {"PATH": f"{bindir}:/usr/bin:/bin"}
        result = subprocess.run(
            [
                str(generator),
                "generate",
                "--path",
                str(doc),
                "--meta",
                "none",
                "--output-path",
                str(out),
                "--config",
                str(CONFIG),
            ],
            capture_output=True,
            check=False,
            text=True,
            env=env,
            cwd=tmp,
        )
        # A schema the generator cannot read is dropped with a warning: the client would be incomplete.
        if result.returncode != 0 or not out.is_dir() or "Unable to" in result.stdout + result.stderr:
            raise SystemExit(f"openapi-python-client failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")


def diff(expected: dict[str, str], actual: dict[str, str]) -> str:
    lines: list[str] = []
    for name in sorted(set(expected) | set(actual)):
        if expected.get(name) == actual.get(name):
            continue
        lines.extend(
            difflib.unified_diff(
                actual.get(name, "").splitlines(keepends=True),
                expected.get(name, "").splitlines(keepends=True),
                fromfile=f"committed/{name}" if name in actual else "/dev/null",
                tofile=f"generated/{name}" if name in expected else "/dev/null",
            )
        )
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--url", help="address of the running API's /openapi.json")
    source.add_argument("--file", type=Path, help="a saved OpenAPI document")
    parser.add_argument(
        "--check", action="store_true", help="compare with the committed client instead of rewriting it"
    )
    args = parser.parse_args(argv)

    if args.url:
        response = httpx.get(args.url, timeout=30)
        response.raise_for_status()
        document = response.content
    else:
        document = args.file.read_bytes()

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "openapi"
        generate(document, out)
        if args.check:
            changes = diff(_tree(out), _tree(TARGET) if TARGET.is_dir() else {})
            if changes:
                sys.stdout.write(changes)
                print(
                    "\nThe committed client (clients/python/src/dataml_client/openapi) differs from the API's document:"
                    "\nregenerate it with clients/python/generate.py --url <api>/openapi.json",
                    file=sys.stderr,
                )
                return 1
            print("the committed client matches the API's document")
            return 0
        if TARGET.exists():
            shutil.rmtree(TARGET)
        shutil.copytree(out, TARGET, ignore=shutil.ignore_patterns(*IGNORED))
        print(f"wrote {TARGET}")
        return 0


if __name__ == "__main__":
    sys.exit(main())
