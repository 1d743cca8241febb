"""An HTTP client that uses the site the way a browser does, for the end-to-end tests."""

from __future__ import annotations

import re
import time
from pathlib import Path

import httpx
from serve_support import Server

ROOT = Path(__file__).resolve().parents[2]
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


class Learner:
    """An HTTP client that fills in forms the way a browser does, CSRF token included."""

    def __init__(self, server: Server) -> None:
        self.client = httpx.Client(base_url=server.url, follow_redirects=True, timeout=30)

    def form(self, path: str, data: dict[str, str]) -> httpx.Response:
        page = self.client.get(path)
        token = CSRF.search(page.text)
        assert token, f"no CSRF token on {path}"
        return self.client.post(path, data={"csrf_token": token.group(1), **data})

    def register(self, email: str, password: str = "correct horse battery") -> httpx.Response:
        return self.form("/auth/register", {"email": email, "display_name": email.split("@")[0],
                                            "password": password, "confirm": password})

    def submit(self, exercise: str, files: dict[str, str], mode: str = "submit") -> int:
        page = self.client.get(f"/tracks/{exercise}")
        labels = re.findall(r'<label[^>]*for="(file_\d+)"[^>]*>\s*([^<\s]+)\s*<', page.text)
        field_for = {name: field for field, name in labels}
        data = {field_for[name]: text for name, text in files.items()}
        response = self.form(f"/tracks/{exercise}", {**data, mode: "1"})
        match = re.search(r"/submissions/(\d+)", str(response.url))
        assert match, f"no submission page after submitting: {response.url}\n{response.text[:2000]}"
        return int(match.group(1))

    def wait_for_result(self, submission_id: int, timeout: float = 120) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            data = self.client.get(f"/api/submissions/{submission_id}").json()
            if data["state"] == "done":
                return data
            time.sleep(0.2)
        raise AssertionError(f"submission {submission_id} was not graded within {timeout} s")
