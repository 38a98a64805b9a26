"""Validates rendered Kubernetes manifests (stdin, from `kubectl kustomize`) offline.

Core kinds: against the Kubernetes JSON schemas that the kubernetes-validate package ships (strict: unknown
fields fail). RayCluster: against the openAPIV3Schema of KubeRay's own CRD, given as the first argument
(closed the same way).
Prints one JSON line per document ({kind, name, ok, error}); exits 1 if any failed or any kind is unknown.
"""

from __future__ import annotations

import json
import sys

import jsonschema
import kubernetes_validate
import yaml

K8S_VERSION = "1.37.0"


def closed(schema: dict) -> dict:
    """The schema with unknown fields refused, as the API server prunes (drops) them: a misspelt field fails here."""
    if isinstance(schema, dict):
        if "properties" in schema and not schema.get("x-kubernetes-preserve-unknown-fields"):
            schema.setdefault("additionalProperties", False)
        for value in schema.values():
            if isinstance(value, dict):
                closed(value)
            elif isinstance(value, list):
                for item in value:
                    closed(item)
    return schema


def crd_schema(path: str, version: str) -> dict:
    with open(path) as f:
        crd = yaml.safe_load(f)
    for v in crd["spec"]["versions"]:
        if v["name"] == version:
            return closed(v["schema"]["openAPIV3Schema"])
    raise SystemExit(f"{path} has no version {version}")


def main() -> int:
    ray_schema = crd_schema(sys.argv[1], "v1")
    failed = 0
    for doc in yaml.safe_load_all(sys.stdin):
        if not doc:
            continue
        kind, name = doc.get("kind"), doc.get("metadata", {}).get("name")
        try:
            if kind == "RayCluster":
                if doc.get("apiVersion") != "ray.io/v1":
                    raise ValueError(f"apiVersion {doc.get('apiVersion')} is not ray.io/v1")
                jsonschema.validate(doc, ray_schema)
            else:
                kubernetes_validate.validate(doc, K8S_VERSION, strict=True)
            print(json.dumps({"kind": kind, "name": name, "ok": True}))
        except Exception as err:  # every failure is reported, then counted
            failed += 1
            print(json.dumps({"kind": kind, "name": name, "ok": False, "error": str(err).splitlines()[0]}))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
