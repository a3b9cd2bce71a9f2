"""`labkit serve` from the command line: serving on loopback, --check, the switches."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from labkit.web import control
from tests.web.conftest import free_port


def _labkit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "labkit", *args], capture_output=True,
                          text=True, timeout=60)  # fmt: skip


def test_serve_binds_loopback_by_default_and_prints_the_addresses(session_root: Path) -> None:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "labkit", "serve", str(session_root),
                               "--port", str(port)], stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert server.stdout is not None
        lines = [server.stdout.readline() for _ in range(4)]
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1) as r:
                    assert r.read() == b"ok"
                break
            except OSError:
                assert time.monotonic() < deadline
                time.sleep(0.1)
    finally:
        server.terminate()
        server.wait(timeout=20)
    token = control.read(session_root).session_token  # type: ignore[union-attr]
    assert lines[0].strip() == f"Serveur prêt\u00a0: http://127.0.0.1:{port}"
    assert lines[1].strip() == f"Lien à scanner (session)\u00a0: http://127.0.0.1:{port}/j/{token}"
    assert "/projector?key=" in lines[2]
    assert "127.0.0.1" in lines[3] and "--lan" in lines[3]


def test_check_on_loopback_says_phones_cannot_reach_it(session_root: Path) -> None:
    result = _labkit("serve", str(session_root), "--check", "--port", str(free_port()))
    assert result.returncode == 1
    assert "Les téléphones pourront-ils joindre labkit\u00a0?" in result.stdout
    assert "libre sur 127.0.0.1\u00a0: oui" in result.stdout
    assert "aucun téléphone ne pourra se connecter" in result.stdout


def test_check_says_when_the_port_is_busy(session_root: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = _labkit("serve", str(session_root), "--check", "--port", str(port))
    assert result.returncode == 1
    assert f"Port {port} occupé sur 127.0.0.1" in result.stdout


def test_switches_and_revoke(session_root: Path) -> None:
    first = _labkit("serve", str(session_root), "--lock", "on", "--reveal", "on")
    assert first.returncode == 0, first.stderr
    assert "Saisies\u00a0: fermées" in first.stdout and "montrés" in first.stdout
    before = control.read(session_root)
    assert before is not None and before.locked and before.revealed
    revoked = _labkit("serve", str(session_root), "--revoke")
    assert revoked.returncode == 0 and "Liens révoqués" in revoked.stdout
    after = control.read(session_root)
    assert after is not None and after.generation == before.generation + 1
    assert after.session_token != before.session_token and after.locked
    assert _labkit("serve", str(session_root), "--lock", "maybe").returncode == 2


def test_lan_and_bind_together_are_refused(session_root: Path) -> None:
    assert _labkit("serve", str(session_root), "--lan", "--bind", "127.0.0.1").returncode == 2


def test_table_cards_carry_each_tables_join_link(session_root: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from labkit.prepare import docx_common, table_cards
    from labkit.store.session_folder import open_session

    seen: list[str] = []
    real = docx_common.add_qr
    monkeypatch.setattr(docx_common, "add_qr", lambda p, url, *a: (seen.append(url),
                                                                   real(p, url, *a))[1])
    session = open_session(session_root).session
    links = {1: "https://atelier.example.org/j/AAA", 2: "https://atelier.example.org/j/BBB"}
    assert table_cards.build_table_cards(session, join_urls=links) is not None
    assert seen == [links[1], links[2]]


def test_materials_join_url_uses_the_servers_table_tokens(session_root: Path,
                                                          tmp_path: Path) -> None:  # fmt: skip
    result = _labkit("materials", str(session_root), "--out", str(tmp_path / "out"),
                     "--join-url", "https://atelier.example.org")  # fmt: skip
    assert result.returncode == 0, result.stderr
    tokens = control.read(session_root)
    assert tokens is not None and set(tokens.table_tokens) >= {"1", "2"}
    assert _labkit("materials", str(session_root), "--out", str(tmp_path / "o2"),
                   "--join-url", "not a url").returncode == 2
