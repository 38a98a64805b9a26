"""Sign-in and renewal against a fake API (httpx.MockTransport): the flow the real stack rarely exercises."""

from __future__ import annotations

import httpx
import pytest
from dataml_client.auth import TokenAuth
from dataml_client.errors import AuthenticationError


class FakeApi:
    def __init__(self, *, refresh_works: bool = True):
        self.refresh_works = refresh_works
        self.valid = set()
        self.calls: list[str] = []
        self.logins = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(request.url.path)
        if request.url.path == "/api/v1/login/access-token":
            form = dict(httpx.QueryParams(request.content.decode()))
            if form.get("password") != "right-password":
                return httpx.Response(
                    401,
                    json={
                        "error": {"code": "invalid_credentials", "message": "Incorrect username or password"},
                        "request_id": "r1",
                    },
                )
            self.logins += 1
            token = f"access-{self.logins}"
            self.valid = {token}
            return httpx.Response(
                200,
                json={"access_token": token, "token_type": "bearer", "refresh_token": "refresh-1", "expires_in": 900},
            )
        if request.url.path == "/api/v1/refresh":
            if not self.refresh_works or request.url.params.get("refresh_token") != "refresh-1":
                return httpx.Response(401, json={"error": {"code": "invalid_token", "message": "expired"}})
            self.valid = {"access-refreshed"}
            return httpx.Response(
                200, json={"access_token": "access-refreshed", "token_type": "bearer", "expires_in": 900}
            )
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        if token not in self.valid:
            return httpx.Response(401, json={"error": {"code": "unauthorized", "message": "token expired"}})
        return httpx.Response(200, json={"token": token})


def client(api: FakeApi, password: str = "right-password") -> httpx.Client:
    return httpx.Client(
        base_url="http://api", transport=httpx.MockTransport(api), auth=TokenAuth("http://api", "u", password)
    )


def test_signs_in_once_then_reuses_the_token():
    api = FakeApi()
    http = client(api)
    assert http.get("/x").json() == {"token": "access-1"}
    assert http.get("/x").json() == {"token": "access-1"}
    assert api.calls == ["/api/v1/login/access-token", "/x", "/x"]


def test_a_401_is_renewed_with_the_refresh_token_and_retried_once():
    api = FakeApi()
    http = client(api)
    http.get("/x")
    api.valid = set()  # the access token expired
    assert http.get("/x").json() == {"token": "access-refreshed"}
    assert api.calls[-3:] == ["/x", "/api/v1/refresh", "/x"]


def test_an_expired_refresh_token_falls_back_to_signing_in_again():
    api = FakeApi(refresh_works=False)
    http = client(api)
    http.get("/x")
    api.valid = set()
    assert http.get("/x").json() == {"token": "access-2"}
    assert api.calls[-4:] == ["/x", "/api/v1/refresh", "/api/v1/login/access-token", "/x"]


def test_a_wrong_password_raises_authentication_error_with_the_server_message():
    http = client(FakeApi(), password="wrong")
    with pytest.raises(AuthenticationError) as raised:
        http.get("/x")
    assert raised.value.status == 401
    assert raised.value.code == "invalid_credentials"
    assert "Incorrect username or password" in str(raised.value)
