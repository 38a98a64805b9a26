"""Upload sessions from the notebook: a file on disk PUT straight to the object store in parts, several at a time,
each read from its own byte range (nothing is held beyond the parts in flight). A part that fails is sent again
with a fresh URL from the session, which lists what the store already holds: a dropped connection costs one part.
The API never sees the bytes (see the API's `/api/v1/files/upload_sessions`)."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

#: Files at least this large go through an upload session (smaller ones through 7.1's multipart), as in the TS SDK.
SESSION_THRESHOLD_BYTES = 64 * 1024 * 1024
PARTS_IN_FLIGHT = 4
ATTEMPTS = 4


class _Range:
    """A file-like view of `size` bytes from `start`: httpx streams it with its length, in chunks."""

    def __init__(self, path: str | os.PathLike[str], start: int, size: int):
        self._file = open(path, "rb")  # noqa: SIM115 (closed by close(), after the request)
        self._file.seek(start)
        self._left = size

    def __iter__(self):
        while self._left > 0:
            chunk = self._file.read(min(1 << 20, self._left))
            if not chunk:
                raise OSError("the file got shorter while it was being uploaded")
            self._left -= len(chunk)
            yield chunk

    def close(self) -> None:
        self._file.close()


def _put_part(store: httpx.Client, path: str | os.PathLike[str], part_size: int, part: dict[str, Any]) -> int:
    body = _Range(path, (part["part_number"] - 1) * part_size, part["size"])
    try:
        response = store.put(part["url"], content=iter(body), headers={"content-length": str(part["size"])})
    finally:
        body.close()
    if response.is_error:
        raise httpx.HTTPStatusError(
            f"part {part['part_number']}: the store answered {response.status_code}",
            request=response.request,
            response=response,
        )
    return part["size"]


def upload_in_session(
    api: Callable[..., httpx.Response],
    dataset_id: int,
    path: str | os.PathLike[str],
    *,
    name: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    timeout: float = 300.0,
    store: httpx.Client | None = None,
) -> dict[str, Any]:
    """Opens a session for `path` on the dataset, uploads every missing part, completes the session and returns its
    answer (7.1's shape: the file and the validation's `workflow_id`). `api(method, path, **kwargs)` is the
    signed-in client's request function; `store` the HTTP client for the part URLs (one without the API's token)."""
    size = os.path.getsize(path)
    file_name = name or os.path.basename(path)
    session = api(
        "POST",
        "/api/v1/files/upload_sessions",
        params={"dataset_id": dataset_id},
        json={"file_name": file_name, "size": size},
    ).json()
    sent = size - sum(p["size"] for p in session["missing_parts"])
    if on_progress:
        on_progress(sent, size)
    # Presigned URLs carry their own signature: the API's bearer token must not go to the store.
    own = store is None
    store = store or httpx.Client(timeout=httpx.Timeout(timeout, connect=10.0))
    try:
        _upload_parts(api, store, path, session, sent, size, on_progress)
    finally:
        if own:
            store.close()
    return api("POST", f"/api/v1/files/upload_sessions/{session['session_id']}/complete").json()


def _upload_parts(
    api: Callable[..., httpx.Response],
    store: httpx.Client,
    path: str | os.PathLike[str],
    session: dict[str, Any],
    sent: int,
    size: int,
    on_progress: Callable[[int, int], None] | None,
) -> None:
    with ThreadPoolExecutor(PARTS_IN_FLIGHT) as pool:
        for attempt in range(1, ATTEMPTS + 1):
            futures = [pool.submit(_put_part, store, path, session["part_size"], p) for p in session["missing_parts"]]
            failures = []
            for future in futures:
                try:
                    sent += future.result()
                    if on_progress:
                        on_progress(sent, size)
                except (httpx.HTTPError, OSError) as err:
                    failures.append(err)
            if not failures:
                break
            if attempt == ATTEMPTS:
                raise failures[0]
            # What the store holds now: failed parts come back with fresh URLs, the rest are not sent again.
            session.update(api("GET", f"/api/v1/files/upload_sessions/{session['session_id']}").json())
