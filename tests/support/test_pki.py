"""Certificates for wss:// tests and benchmarks, made at run time with
python3-cryptography: a throwaway authority and a server certificate it
signs for localhost and 127.0.0.1, written as PEM files. ECDSA P-256 keys:
quick to make. (The C++ tests make theirs with GnuTLS:
test_certificates.hpp.)"""
import datetime
import ipaddress
import os

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def new_certificate(subject, key, issuer, issuer_key, authority, names=()):
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (x509.CertificateBuilder()
               .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
               .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
               .public_key(key.public_key())
               .serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(hours=1))
               .not_valid_after(now + datetime.timedelta(days=1))
               .add_extension(x509.BasicConstraints(ca=authority, path_length=None), critical=True))
    if names:
        builder = builder.add_extension(x509.SubjectAlternativeName(list(names)), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def write_pki(directory, prefix=""):
    """An authority (ca.pem) and a server certificate it signed for
    localhost and 127.0.0.1 (server.pem, server.key); with a prefix,
    PREFIX-ca.pem and so on."""
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = new_certificate("zmx test authority", ca_key, "zmx test authority", ca_key, True)
    server_key = ec.generate_private_key(ec.SECP256R1())
    server = new_certificate("localhost", server_key, "zmx test authority", ca_key, False,
                             [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))])
    files = {
        "ca.pem": ca.public_bytes(serialization.Encoding.PEM),
        "server.pem": server.public_bytes(serialization.Encoding.PEM),
        "server.key": server_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()),
    }
    for name, pem in files.items():
        with open(os.path.join(directory, f"{prefix}-{name}" if prefix else name), "wb") as out:
            out.write(pem)
