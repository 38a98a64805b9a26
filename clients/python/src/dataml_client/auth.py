"""Bearer-token authentication for httpx: sign in once, renew with the refresh token when the API answers 401."""

from __future__ import annotations

import threading
from collections.abc import Generator

import httpx

from .errors import ApiError, AuthenticationError

LOGIN_PATH = "/api/v1/login/access-token"
REFRESH_PATH = "/api/v1/refresh"


class TokenAuth(httpx.Auth):
    """httpx auth flow: the sign-in and refresh requests are yielded from the flow, so they go through the same
    client (transport, timeouts) as the request they authorise, and a 401 is retried once with a new token."""

    requires_response_body = True

    def __init__(self, base_url: str, username: str, password: str):
        self._base = base_url.rstrip("/")
        self._username = username
        self._password = password
        self._access: str | None = None
        self._refresh: str | None = None
        self._lock = threading.Lock()

    def _login_request(self) -> httpx.Request:
        return httpx.Request(
            "POST", self._base + LOGIN_PATH, data={"username": self._username, "password": self._password}
        )

    def _take_tokens(self, response: httpx.Response) -> None:
        if response.status_code != 200:
            error = ApiError.from_response(response)
            # Any refusal of the credentials is an authentication error, whatever its status (401, 422, 429).
            raise AuthenticationError(error.status, error.code, error.message, error.details, error.request_id)
        body = response.json()
        self._access = body["access_token"]
        # The server returns a new refresh token only when it rotates it.
        self._refresh = body.get("refresh_token") or self._refresh

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        with self._lock:
            if self._access is None:
                self._take_tokens((yield self._login_request()))
            sent_with = self._access
        request.headers["Authorization"] = f"Bearer {sent_with}"
        response = yield request
        if response.status_code != 401:
            return
        with self._lock:
            if self._access == sent_with:  # nobody renewed it meanwhile
                renewed = False
                if self._refresh:
                    refreshed = yield httpx.Request(
                        "POST", self._base + REFRESH_PATH, params={"refresh_token": self._refresh}
                    )
                    if refreshed.status_code == 200:
                        self._take_tokens(refreshed)
                        renewed = True
                if not renewed:  # refresh token expired or revoked: sign in again
                    self._refresh = None
                    self._take_tokens((yield self._login_request()))
            request.headers["Authorization"] = f"Bearer {self._access}"
        yield request
