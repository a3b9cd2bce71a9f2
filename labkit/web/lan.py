"""Finding the laptop's local-network addresses and saying whether phones will reach it."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass


@dataclass(frozen=True)
class Interface:
    name: str
    address: str


def interfaces() -> list[Interface]:
    """The IPv4 addresses of the network interfaces, loopback and link-local left out
    (`socket.gethostbyname(gethostname())` often says 127.0.0.1: the interface list does not)."""
    import ifaddr

    found = []
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            if not isinstance(ip.ip, str):
                continue
            address = ipaddress.ip_address(ip.ip)
            if address.is_loopback or address.is_link_local:
                continue
            found.append(Interface(str(adapter.nice_name or adapter.name), ip.ip))
    private = [i for i in found if ipaddress.ip_address(i.address).is_private]
    return private + [i for i in found if i not in private]


def port_free(address: str, port: int) -> bool:
    """Whether `port` can be bound on `address` now."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((address, port))
        except OSError:
            return False
    return True


def check_lines(bind: str, port: int, public_url: str | None, lang: str) -> tuple[list[str], bool]:
    """What `labkit serve --check` says, line by line, and whether phones should get through."""
    from labkit.i18n import t

    lines = [t("web.check.title", lang)]
    found = interfaces()
    for interface in found:
        lines.append(t("web.check.interface", lang, name=interface.name,
                       address=interface.address))  # fmt: skip
    addresses = [bind] if bind not in ("0.0.0.0", "::") else [i.address for i in found]
    ok = True
    for address in addresses or [bind]:
        if port_free(address, port):
            lines.append(t("web.check.port_free", lang, port=port, address=address))
        else:
            lines.append(t("web.check.port_busy", lang, port=port, address=address))
            ok = False
    if public_url:
        lines.append(t("web.check.public", lang, url=public_url))
    elif not found:
        lines.append(t("web.check.no_network", lang))
        ok = False
    elif ipaddress.ip_address(bind).is_loopback:
        lines.append(t("web.check.loopback", lang))
        ok = False
    if found:
        url = f"http://{found[0].address if bind in ('0.0.0.0', '::') else bind}:{port}"
        lines.append(t("web.check.firewall", lang, port=port))
        lines.append(t("web.check.guest_wifi", lang, url=url))
        if ok:
            lines.append(t("web.check.ok", lang, url=url))
    return lines, ok
