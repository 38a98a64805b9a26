"""The session uploader's retry, without a server: a fake API and a fake store (httpx.MockTransport) in which one
part's first PUT fails, as a dropped connection would. The real round trip is in test_round_trip.py."""

from __future__ import annotations

import httpx
from dataml_client.sessions import upload_in_session

PART = 4


def test_a_failed_part_is_sent_again_with_a_fresh_url_and_only_it(tmp_path):
    data = bytes(range(256)) * 2 + b"tail"  # 516 bytes: parts of 4 bytes, the last one shorter
    path = tmp_path / "big.csv"
    path.write_bytes(data)
    count = -(-len(data) // PART)
    parts = [
        {"part_number": n, "size": min(PART, len(data) - (n - 1) * PART), "url": f"http://store/p{n}?v=1"}
        for n in range(1, count + 1)
    ]
    received: dict[int, bytes] = {}
    puts: list[str] = []
    calls: list[tuple[str, str]] = []

    def store(request: httpx.Request) -> httpx.Response:
        puts.append(str(request.url))
        number = int(request.url.path.removeprefix("/p"))
        if number == 3 and request.url.params["v"] == "1":
            return httpx.Response(500)
        received[number] = request.read()
        return httpx.Response(200)

    def api(method: str, route: str, **kwargs) -> httpx.Response:
        calls.append((method, route))
        if method == "POST" and route.endswith("/upload_sessions"):
            assert kwargs["json"] == {"file_name": "big.csv", "size": len(data)}
            return httpx.Response(
                201, json={"session_id": 9, "part_size": PART, "part_count": count, "missing_parts": parts}
            )
        if method == "GET":
            return httpx.Response(200, json={"missing_parts": [{**parts[2], "url": "http://store/p3?v=2"}]})
        return httpx.Response(200, json={"workflow_id": "upload-9"})

    progress: list[int] = []
    with httpx.Client(transport=httpx.MockTransport(store)) as client:
        answer = upload_in_session(api, 5, path, store=client, on_progress=lambda sent, _: progress.append(sent))

    assert answer == {"workflow_id": "upload-9"}
    assert b"".join(received[n] for n in range(1, count + 1)) == data
    assert puts.count("http://store/p3?v=2") == 1 and len(puts) == count + 1
    assert calls == [
        ("POST", "/api/v1/files/upload_sessions"),
        ("GET", "/api/v1/files/upload_sessions/9"),
        ("POST", "/api/v1/files/upload_sessions/9/complete"),
    ]
    assert progress[-1] == len(data)
