"""Every guard of the server refuses with a clear message and writes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from labkit.web import control
from tests.web.conftest import Served, csrf_of, join, serve


def _count(served: Served) -> int:
    return len(served.journal.events(types=["contribution.added"]))


def _post_idea(phone: httpx.Client, text: str = "Une idée", csrf: str | None = None,
               **headers: str) -> httpx.Response:  # fmt: skip
    token = csrf if csrf is not None else csrf_of(phone.get("/me").text)
    return phone.post("/me/contribute", headers=headers,
                      data={"csrf": token, "block": "cafe", "kind": "idea", "text": text})


@pytest.fixture
def phone(cafe: Served) -> Iterator[httpx.Client]:
    with cafe.client() as client:
        join(client, cafe, table=1)
        yield client


def test_a_good_post_is_written(cafe: Served, phone: httpx.Client) -> None:
    assert _post_idea(phone).status_code == 303
    assert _count(cafe) == 1


def test_wrong_join_token(cafe: Served) -> None:
    with cafe.client() as client:
        answer = client.get("/j/not-a-token")
        assert answer.status_code == 403 and "pas (ou plus) valable" in answer.text
        assert client.post("/j/not-a-token", data={"csrf": "x"}).status_code == 403
        assert client.get("/me").status_code == 401
        assert client.post("/me/contribute", data={"text": "x"}).status_code == 401
    assert _count(cafe) == 0


def test_forged_cookie(cafe: Served) -> None:
    with cafe.client() as client:
        client.cookies.set("labkit_p", "eyJwIjoid2ViLTEiLCJnIjoxfQ.forged")
        assert client.get("/me").status_code == 401


def test_no_csrf_and_replayed_form(cafe: Served, phone: httpx.Client) -> None:
    missing = _post_idea(phone, csrf="")
    assert missing.status_code == 403 and "expiré ou a déjà été envoyé" in missing.text
    token = csrf_of(phone.get("/me").text)
    assert _post_idea(phone, csrf=token).status_code == 303
    replayed = _post_idea(phone, "Encore", csrf=token)
    assert replayed.status_code == 403
    assert _count(cafe) == 1


def test_csrf_of_another_participant(cafe: Served, phone: httpx.Client) -> None:
    with cafe.client() as other:
        join(other, cafe, table=2)
        stolen = csrf_of(other.get("/me").text)
    assert _post_idea(phone, csrf=stolen).status_code == 403
    assert _count(cafe) == 0


def test_foreign_origin(cafe: Served, phone: httpx.Client) -> None:
    answer = _post_idea(phone, Origin="http://evil.example")
    assert answer.status_code == 403 and "ne vient pas de cette page" in answer.text
    del phone.headers["Origin"]
    assert _post_idea(phone).status_code == 403  # neither Origin nor Referer
    assert _count(cafe) == 0


def test_foreign_host_dns_rebinding(cafe: Served, phone: httpx.Client) -> None:
    answer = phone.get("/me", headers={"Host": "evil.example:8765"})
    assert answer.status_code == 421
    posted = _post_idea(phone, Host="evil.example", Origin="http://evil.example")
    assert posted.status_code == 421
    assert _count(cafe) == 0


def test_oversized_body_and_oversized_idea(cafe: Served, phone: httpx.Client) -> None:
    big = _post_idea(phone, "x" * 20_000)
    assert big.status_code == 413 and "trop long" in big.text
    long_idea = _post_idea(phone, "x" * 2_500)
    assert long_idea.status_code == 400 and "trop long" in long_idea.text
    chunks = (b"csrf=x&text=" + b"y" * 1000 for _ in range(40))  # no Content-Length
    streamed = phone.post("/me/contribute", content=chunks,
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert streamed.status_code == 413
    assert _count(cafe) == 0


def test_empty_idea(cafe: Served, phone: httpx.Client) -> None:
    answer = _post_idea(phone, "   ")
    assert answer.status_code == 400 and "vide" in answer.text
    assert _count(cafe) == 0


def test_after_the_lock(cafe: Served, phone: httpx.Client) -> None:
    control.switch(cafe.root, 2, locked=True)
    answer = _post_idea(phone)
    assert answer.status_code == 423 and "fermées" in answer.text
    control.switch(cafe.root, 2, locked=False)
    assert _post_idea(phone).status_code == 303
    assert _count(cafe) == 1


def test_after_the_block_ended(cafe: Served, phone: httpx.Client) -> None:
    token = csrf_of(phone.get("/me").text)
    cafe.journal.end_round("cafe")
    cafe.journal.end_block("cafe")
    answer = _post_idea(phone, csrf=token)
    assert answer.status_code == 400 and "plus en cours" in answer.text
    assert _count(cafe) == 0


def test_revoked_tokens_and_cookies(cafe: Served, phone: httpx.Client) -> None:
    old_link = cafe.join_url(1)
    control.revoke(cafe.root, 2)
    assert phone.get("/me").status_code == 401  # the old cookie's generation is gone
    with cafe.client() as client:
        assert client.get(old_link).status_code == 403
        join(client, cafe, table=1)  # the new link works
        assert client.get("/me").status_code == 200


def test_rate_limit(session_root: Path) -> None:
    for served in serve(session_root, rate=(3, 60.0)):
        served.journal.start_block("cafe")
        with served.client() as client:
            join(client, served, table=1)
            codes = [_post_idea(client, f"Idée {n}").status_code for n in range(4)]
            assert codes == [303, 303, 303, 429]
            assert "Doucement" in _post_idea(client, "encore").text
        assert _count(served) == 3


def test_security_headers(cafe: Served, phone: httpx.Client) -> None:
    page = phone.get("/me")
    assert page.headers["Referrer-Policy"] == "same-origin"
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    cookie = next(c for c in phone.cookies.jar if c.name == "labkit_p")
    assert cookie.has_nonstandard_attr("HttpOnly")


def test_behind_a_reverse_proxy_the_public_name_is_accepted(session_root: Path) -> None:
    public = "https://atelier.lab.example.org"
    for served in serve(session_root, public_url=public):
        served.journal.start_block("cafe")
        token = served.control().table_tokens["1"]
        proxy = {"Host": "atelier.lab.example.org", "Origin": public}
        with httpx.Client(base_url=served.url, headers=proxy, timeout=10) as phone:
            page = phone.get(f"/j/{token}")
            assert page.status_code == 200
            joined = phone.post(f"/j/{token}", data={"csrf": csrf_of(page.text)})
            assert joined.status_code == 303
            assert "secure" in joined.headers["set-cookie"].lower()
            screen = phone.get(f"/projector?key={served.web.projector_key()}")
            assert f"{public}/j/{served.control().session_token}" in screen.text
            forged = phone.post(f"/j/{token}", data={"csrf": "x"},
                                headers={"Origin": "https://evil.example"})
            assert forged.status_code == 403
        assert _count(served) == 0
