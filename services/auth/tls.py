"""TLS material: `ocrmesh certs init DIR` makes a small CA, a server and a client certificate.

Router <-> backends across hosts speak mutual TLS: a backend started with
`--tls-cert/--tls-key/--tls-client-ca` accepts only clients holding a
certificate of that CA (the router's client certificate), and the router
checks the backend's server certificate against the CA named in its YAML.
Keys are EC P-256, written 0600; the CA key stays in DIR (move it offline
once the certificates are made).
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import socket
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_DAYS = 3650
LEAF_DAYS = 825


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "ocrmesh"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _write_key(path: Path, key: ec.EllipticCurvePrivateKey) -> None:
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)


def _san(hosts: list[str]) -> x509.SubjectAlternativeName:
    names: list[x509.GeneralName] = []
    for host in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    return x509.SubjectAlternativeName(names)


def _key_usage(*, signs_certificates: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        key_encipherment=False,
        content_commitment=False,
        data_encipherment=False,
        key_agreement=not signs_certificates,
        key_cert_sign=signs_certificates,
        crl_sign=signs_certificates,
        encipher_only=False,
        decipher_only=False,
    )


def _certificate(
    subject: x509.Name, issuer: x509.Name, key: ec.EllipticCurvePrivateKey, days: int, *, ca: bool
) -> x509.CertificateBuilder:
    now = datetime.datetime.now(datetime.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), critical=True)
        .add_extension(_key_usage(signs_certificates=ca), critical=True)
    )


def _leaf(
    ca_cert: x509.Certificate, ca_key: ec.EllipticCurvePrivateKey, common_name: str, hosts: list[str], usage: x509.ObjectIdentifier
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:  # fmt: skip
    key = ec.generate_private_key(ec.SECP256R1())
    builder = _certificate(_name(common_name), ca_cert.subject, key, LEAF_DAYS, ca=False).add_extension(
        x509.ExtendedKeyUsage([usage]), critical=False
    )
    if hosts:
        builder = builder.add_extension(_san(hosts), critical=False)
    return builder.sign(ca_key, hashes.SHA256()), key


# Always in the server certificate: a container's health check (and `ocrmesh up`) reach it on loopback.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1")


def default_hosts() -> list[str]:
    return sorted({*LOOPBACK_HOSTS, "::1", socket.gethostname()})


def server_hosts(hosts: list[str] | None) -> list[str]:
    """The names and addresses of the server certificate: `hosts` (first = its common name), then loopback."""
    chosen = list(dict.fromkeys(hosts or default_hosts()))
    return chosen + [h for h in LOOPBACK_HOSTS if h not in chosen]


def init_certs(directory: Path, hosts: list[str] | None = None) -> dict[str, Path]:
    """Write ca.pem/ca.key, server.pem/server.key (for `hosts` and loopback) and client.pem/client.key."""
    directory.mkdir(parents=True, exist_ok=True)
    existing = [p.name for p in directory.glob("*.pem")]
    if existing:
        raise FileExistsError(f"{directory} already holds certificates ({', '.join(sorted(existing))})")
    hosts = server_hosts(hosts)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("ocrmesh CA")
    ca_cert = _certificate(ca_name, ca_name, ca_key, CA_DAYS, ca=True).sign(ca_key, hashes.SHA256())
    server_cert, server_key = _leaf(ca_cert, ca_key, hosts[0], hosts, ExtendedKeyUsageOID.SERVER_AUTH)
    client_cert, client_key = _leaf(ca_cert, ca_key, "ocrmesh-router", [], ExtendedKeyUsageOID.CLIENT_AUTH)
    paths = {}
    for name, cert, key in (
        ("ca", ca_cert, ca_key),
        ("server", server_cert, server_key),
        ("client", client_cert, client_key),
    ):
        (directory / f"{name}.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        _write_key(directory / f"{name}.key", key)
        paths[f"{name}_cert"], paths[f"{name}_key"] = directory / f"{name}.pem", directory / f"{name}.key"
    return paths
