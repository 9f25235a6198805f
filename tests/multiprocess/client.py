"""A small HTTP client for the app server: one new connection per request (no
keep-alive, so requests spread over the workers), cookies kept by hand, no
redirects followed, and the headers the load balancer in front would add."""

import http.client
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: str

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")


@dataclass
class Visitor:
    """One browser behind the load balancer, coming from `address`.

    `remember=False` sends the same cookies every time whatever the server
    answers: someone replaying a copied cookie."""

    server: object
    address: str = "198.51.100.10"
    cookies: dict = field(default_factory=lambda: {"django_language": "en"})
    remember: bool = True

    def request(self, method: str, path: str, data: dict | None = None) -> Answer:
        host = f"{self.server.host}:{self.server.port}"
        headers = {
            "Host": host,
            "Connection": "close",
            # The load balancer ends TLS and says so, and appends the client.
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.address,
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{host}"
            headers["Referer"] = f"https://{host}{path}"
        connection = http.client.HTTPConnection(
            self.server.host, self.server.port, timeout=60
        )
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            answer = Answer(
                response.status,
                response.headers,
                response.read().decode("utf-8", "replace"),
            )
        finally:
            connection.close()
        if self.remember:
            for header in answer.headers.get_all("Set-Cookie") or ():
                for name, morsel in SimpleCookie(header).items():
                    if morsel.value and morsel["max-age"] != "0":
                        self.cookies[name] = morsel.value
                    else:
                        self.cookies.pop(name, None)
        return answer

    def get(self, path: str) -> Answer:
        return self.request("GET", path)

    def post(self, path: str, data: dict) -> Answer:
        return self.request("POST", path, data)

    def log_in(self, email: str, password: str) -> None:
        form = self.get("/accounts/login/")
        assert form.status == 200, form.status
        token = CSRF_INPUT.search(form.body).group(1)
        answer = self.post(
            "/accounts/login/",
            {"csrfmiddlewaretoken": token, "username": email, "password": password},
        )
        assert answer.status == 302, (answer.status, answer.body[:2000])
        assert "sessionid" in self.cookies

    def log_out(self) -> None:
        answer = self.post(
            "/accounts/logout/", {"csrfmiddlewaretoken": self.cookies["csrftoken"]}
        )
        assert answer.status == 302, (answer.status, answer.body[:2000])
        assert "sessionid" not in self.cookies

    def replaying(self) -> "Visitor":
        """Someone who copied this browser's cookies and keeps sending them."""
        return Visitor(
            self.server, self.address, cookies=dict(self.cookies), remember=False
        )


def send_many(server, call, count: int = 30, *, every_worker: bool = True):
    """`call()` `count` times, three at a time, each on its own connection; with
    `every_worker`, asserts that every gunicorn worker answered at least one."""
    mark = server.access_log_mark()
    with ThreadPoolExecutor(max_workers=3) as pool:
        answers = list(pool.map(lambda _: call(), range(count)))
    if every_worker:
        workers = server.workers_since(mark, count)
        assert len(workers) >= server.worker_count, (
            f"only workers {sorted(workers)} of {server.worker_count} answered "
            f"{count} requests"
        )
    return answers
