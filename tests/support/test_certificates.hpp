// Certificates for wss:// tests, made at run time with GnuTLS: a throwaway
// authority and a server certificate it signs for "localhost" and
// 127.0.0.1, all as PEM text (what the ZMQ_WSS_* options and the tools
// take). ECDSA P-256 keys: quick to make.
#pragma once

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include <gtest/gtest.h>

#include <ctime>
#include <string>
#include <string_view>

namespace tt {

struct tls_identity {
    std::string key_pem;
    std::string cert_pem;
};

namespace certificates_detail {

inline std::string take_pem(gnutls_datum_t& datum) {
    std::string pem(reinterpret_cast<const char*>(datum.data), datum.size);
    gnutls_free(datum.data);
    return pem;
}

inline gnutls_x509_privkey_t new_key() {
    gnutls_x509_privkey_t key;
    EXPECT_EQ(gnutls_x509_privkey_init(&key), 0);
    EXPECT_EQ(gnutls_x509_privkey_generate(key, GNUTLS_PK_ECDSA, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP256R1), 0), 0);
    return key;
}

// A certificate for `key` named `common_name`, valid from an hour ago for a
// day; an authority's may sign others.
inline gnutls_x509_crt_t new_certificate(gnutls_x509_privkey_t key, std::string_view common_name, bool authority) {
    static unsigned serial = 1;
    ++serial;
    gnutls_x509_crt_t crt;
    EXPECT_EQ(gnutls_x509_crt_init(&crt), 0);
    gnutls_x509_crt_set_version(crt, 3);
    gnutls_x509_crt_set_serial(crt, &serial, sizeof serial);
    const time_t now = std::time(nullptr);
    gnutls_x509_crt_set_activation_time(crt, now - 3600);
    gnutls_x509_crt_set_expiration_time(crt, now + 24 * 3600);
    EXPECT_EQ(gnutls_x509_crt_set_key(crt, key), 0);
    EXPECT_EQ(gnutls_x509_crt_set_dn_by_oid(crt, GNUTLS_OID_X520_COMMON_NAME, 0, common_name.data(),
                                            static_cast<unsigned>(common_name.size())),
              0);
    gnutls_x509_crt_set_basic_constraints(crt, authority ? 1 : 0, -1);
    gnutls_x509_crt_set_key_usage(
        crt, authority ? GNUTLS_KEY_KEY_CERT_SIGN | GNUTLS_KEY_CRL_SIGN : GNUTLS_KEY_DIGITAL_SIGNATURE);
    return crt;
}

inline void name_server(gnutls_x509_crt_t crt) {
    const unsigned char loopback[4] = {127, 0, 0, 1};
    EXPECT_EQ(gnutls_x509_crt_set_subject_alt_name(crt, GNUTLS_SAN_DNSNAME, "localhost", 9, GNUTLS_FSAN_APPEND), 0);
    EXPECT_EQ(gnutls_x509_crt_set_subject_alt_name(crt, GNUTLS_SAN_IPADDRESS, loopback, 4, GNUTLS_FSAN_APPEND), 0);
    EXPECT_EQ(gnutls_x509_crt_set_key_purpose_oid(crt, GNUTLS_KP_TLS_WWW_SERVER, 0), 0);
}

inline tls_identity export_identity(gnutls_x509_privkey_t key, gnutls_x509_crt_t crt) {
    gnutls_datum_t key_pem, cert_pem;
    EXPECT_EQ(gnutls_x509_privkey_export2(key, GNUTLS_X509_FMT_PEM, &key_pem), 0);
    EXPECT_EQ(gnutls_x509_crt_export2(crt, GNUTLS_X509_FMT_PEM, &cert_pem), 0);
    return {take_pem(key_pem), take_pem(cert_pem)};
}

}  // namespace certificates_detail

// An authority (ca) and the server certificate it signed (server).
struct test_pki {
    tls_identity ca;
    tls_identity server;

    test_pki() {
        using namespace certificates_detail;
        gnutls_x509_privkey_t ca_key = new_key();
        gnutls_x509_crt_t ca_crt = new_certificate(ca_key, "zmx test authority", true);
        EXPECT_EQ(gnutls_x509_crt_sign2(ca_crt, ca_crt, ca_key, GNUTLS_DIG_SHA256, 0), 0);
        gnutls_x509_privkey_t server_key = new_key();
        gnutls_x509_crt_t server_crt = new_certificate(server_key, "localhost", false);
        name_server(server_crt);
        EXPECT_EQ(gnutls_x509_crt_sign2(server_crt, ca_crt, ca_key, GNUTLS_DIG_SHA256, 0), 0);
        ca = export_identity(ca_key, ca_crt);
        server = export_identity(server_key, server_crt);
        gnutls_x509_crt_deinit(server_crt);
        gnutls_x509_privkey_deinit(server_key);
        gnutls_x509_crt_deinit(ca_crt);
        gnutls_x509_privkey_deinit(ca_key);
    }
};

} // namespace tt
