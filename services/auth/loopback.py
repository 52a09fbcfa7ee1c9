"""Is an address loopback only? (`--no-auth` is allowed on loopback listeners alone.)"""

from __future__ import annotations

import ipaddress


def is_loopback(host: str) -> bool:
    host = host.strip().strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_no_auth(auth: bool, hosts: dict[str, str]) -> None:
    """Refuse authentication off on a listener reachable from other machines."""
    if auth:
        return
    exposed = [f"{what} {host}" for what, host in hosts.items() if not is_loopback(host)]
    if exposed:
        raise ValueError(
            f"authentication can only be switched off when every listener is loopback; exposed: {', '.join(exposed)}"
        )
