"""Load on `labkit serve`: 60 phones posting 20 ideas each, concurrently, while the live app runs.

The session is benchmarks/tui.py's large one (3 days, 150 participants, 3,000 journal events, the
day-3 café running). The server runs in its own process (`labkit serve`, loopback only); the
phones in another (asyncio, one keep-alive HTTP/1.1 connection per phone, written by hand so
that the simulated phones take little of the 2 cores they share with the server and the live app:
real phones bring their own; join by a table link, then for each idea GET the page for its form
token and POST the idea, as a phone without JavaScript does); the live app in this one, typing
ideas in the café meanwhile. Prints, after the load average:

- the posts' rate and the CPU seconds of the server and of the phone simulator over the load;
- contributions lost and duplicated (target 0 and 0);
- post latency p50 / p95 (target p95 < 200 ms on 2 cores);
- the live app's keypress → journal p50 / p95 during the load (target p95 < 50 ms).

Run:  python benchmarks/serve.py [--phones 60] [--posts 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from harness import load_line, percentile  # noqa: E402
from tui import fill_journal, keypresses, write_session  # noqa: E402

PHONES = r"""
import asyncio, json, re, sys, time
from urllib.parse import urlencode, urlsplit

base, tokens = sys.argv[1], json.loads(sys.argv[2])
phones, posts = int(sys.argv[3]), int(sys.argv[4])
CSRF = re.compile(rb'name="csrf" value="([^"]+)"')
COOKIE = re.compile(rb"set-cookie: (labkit_p=[^;]+)", re.I)
where = urlsplit(base)


class Phone:
    # One phone: one keep-alive HTTP/1.1 connection, written by hand so that the 60 simulated
    # phones cost the shared CPU little (real phones bring their own).

    def __init__(self):
        self.cookie = b""

    async def open(self):
        self.reader, self.writer = await asyncio.open_connection(where.hostname, where.port)

    async def request(self, method, path, form=None):
        body = urlencode(form).encode() if form is not None else b""
        head = [f"{method} {path} HTTP/1.1", f"Host: {where.netloc}", f"Origin: {base}"]
        if form is not None:
            head += ["Content-Type: application/x-www-form-urlencoded",
                     f"Content-Length: {len(body)}"]
        if self.cookie:
            head.append("Cookie: " + self.cookie.decode())
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        headers = await self.reader.readuntil(b"\r\n\r\n")
        status = int(headers.split(b" ", 2)[1])
        length = int(re.search(rb"content-length: (\d+)", headers, re.I).group(1))
        page = await self.reader.readexactly(length)
        found = COOKIE.search(headers)
        if found:
            self.cookie = found.group(1)
        return status, page


async def phone(number, latencies, failures):
    token = tokens[number % len(tokens)]
    me = Phone()
    await me.open()
    _, page = await me.request("GET", f"/j/{token}")
    await me.request("POST", f"/j/{token}", {"csrf": CSRF.search(page).group(1).decode()})
    for post in range(posts):
        _, page = await me.request("GET", "/me")
        data = {"csrf": CSRF.search(page).group(1).decode(), "block": "cafe-3", "kind": "idea",
                "text": f"Téléphone {number} idée {post}"}
        start = time.perf_counter()
        status, _ = await me.request("POST", "/me/contribute", data)
        latencies.append(time.perf_counter() - start)
        if status != 303:
            failures.append(status)
    me.writer.close()

async def main():
    latencies, failures = [], []
    began = time.process_time()
    await asyncio.gather(*(phone(n, latencies, failures) for n in range(phones)))
    print(json.dumps({"latencies": latencies, "failures": failures,
                      "cpu": time.process_time() - began}))

asyncio.run(main())
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def process_cpu(pid: int) -> float:
    """User + system CPU seconds of a running process (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_server(folder: Path, port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen([sys.executable, "-m", "labkit", "serve", str(folder),
                               "--port", str(port)], stdout=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start")


async def keys_during(load: subprocess.Popen[str], folder: Path) -> list[float]:
    """Keypress → journal latencies of the live app, in batches, until the load is over."""
    found: list[float] = []
    while load.poll() is None or not found:
        to_disk, _ = await keypresses(folder, 25)
        found += to_disk
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--phones", type=int, default=60)
    parser.add_argument("--posts", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="20 phones, 5 posts each")
    args = parser.parse_args()
    if args.quick:
        args.phones, args.posts = min(args.phones, 20), min(args.posts, 5)
    from labkit.store.journal import Journal
    from labkit.web import control

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "grande-session"
        write_session(folder)
        count = fill_journal(folder)
        print(load_line())
        print(f"session: 3 days, 150 participants, {count} events; day-3 café running")
        port = free_port()
        server = start_server(folder, port)
        try:
            found = control.read(folder)
            assert found is not None
            tokens = [found.table_tokens[str(n)] for n in range(1, 11)]
            server_cpu = process_cpu(server.pid)
            started = time.perf_counter()
            load = subprocess.Popen(
                [sys.executable, "-c", PHONES, f"http://127.0.0.1:{port}", json.dumps(tokens),
                 str(args.phones), str(args.posts)], stdout=subprocess.PIPE, text=True)  # fmt: skip
            keys = asyncio.run(keys_during(load, folder))
            out, _ = load.communicate(timeout=600)
            elapsed = time.perf_counter() - started
            server_cpu = process_cpu(server.pid) - server_cpu
        finally:
            server.terminate()
            server.wait(timeout=30)
        result = json.loads(out)
        latencies, failures = result["latencies"], result["failures"]
        with Journal.open(folder, device="bench-check") as journal:
            texts = [c.text for c in journal.state().contributions.values()
                     if c.device == "phone"]  # fmt: skip
        expected = {f"Téléphone {p} idée {n}" for p in range(args.phones)
                    for n in range(args.posts)}  # fmt: skip
        lost = len(expected - set(texts))
        duplicated = len(texts) - len(set(texts))
        print(
            f"posts: {len(latencies)} by {args.phones} phones in {elapsed:.1f} s "
            f"({len(latencies) / elapsed:.0f}/s), refused: {len(failures)}; CPU over the load: "
            f"server {server_cpu:.1f} s, phone simulator {result['cpu']:.1f} s"
        )
        verdict = "OK" if lost == 0 and duplicated == 0 else "ABOVE TARGET"
        print(
            f"TARGET contributions lost {lost}, duplicated {duplicated} (target 0 and 0) {verdict}"
        )
        p95 = percentile(latencies, 95)
        print(
            f"TARGET post latency: p50 {percentile(latencies, 50) * 1000:5.1f} ms, p95 "
            f"{p95 * 1000:5.1f} ms, max {max(latencies) * 1000:5.1f} ms (target p95 < 200 ms) "
            f"{'OK' if p95 < 0.2 else 'ABOVE TARGET'}"
        )
        k95 = percentile(keys, 95)
        print(
            f"TARGET live app keypress → journal during the load: p50 "
            f"{percentile(keys, 50) * 1000:5.1f} ms, p95 {k95 * 1000:5.1f} ms over "
            f"{len(keys)} ideas (target p95 < 50 ms) {'OK' if k95 < 0.05 else 'ABOVE TARGET'}"
        )


if __name__ == "__main__":
    main()
