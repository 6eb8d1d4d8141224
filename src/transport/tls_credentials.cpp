#include "transport/tls_credentials.hpp"

#include "base/error.hpp"

#include <cerrno>
#include <string>

namespace zmx {

namespace {

gnutls_datum_t datum_of(const std::string& pem) {
    return {reinterpret_cast<unsigned char*>(const_cast<char*>(pem.data())), static_cast<unsigned>(pem.size())};
}

}  // namespace

std::shared_ptr<const tls_credentials> tls_credentials::for_server(const tls_options& options) {
    gnutls_certificate_credentials_t credentials;
    if (gnutls_certificate_allocate_credentials(&credentials) < 0)
        return fail_null(ENOMEM);
    std::shared_ptr<const tls_credentials> loaded(new tls_credentials(credentials));
    const gnutls_datum_t cert = datum_of(options.cert_pem);
    const gnutls_datum_t key = datum_of(options.key_pem);
    if (options.cert_pem.empty() || options.key_pem.empty() ||
        gnutls_certificate_set_x509_key_mem(credentials, &cert, &key, GNUTLS_X509_FMT_PEM) < 0)
        return fail_null(EINVAL);
    return loaded;
}

std::shared_ptr<const tls_credentials> tls_credentials::for_client(const tls_options& options) {
    gnutls_certificate_credentials_t credentials;
    if (gnutls_certificate_allocate_credentials(&credentials) < 0)
        return fail_null(ENOMEM);
    std::shared_ptr<const tls_credentials> loaded(new tls_credentials(credentials));
    // A system without a trust store leaves only ZMQ_WSS_TRUST_PEM to
    // verify by: not an error, as in libzmq.
    if (options.trust_system)
        gnutls_certificate_set_x509_system_trust(credentials);
    const gnutls_datum_t trust = datum_of(options.trust_pem);
    if (!options.trust_pem.empty() && gnutls_certificate_set_x509_trust_mem(credentials, &trust, GNUTLS_X509_FMT_PEM) <= 0)
        return fail_null(EINVAL);
    return loaded;
}

tls_credentials::~tls_credentials() { gnutls_certificate_free_credentials(credentials_); }

} // namespace zmx
