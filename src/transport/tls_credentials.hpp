// The certificates a wss:// connection's TLS works with, loaded once per
// bind or connect from the socket's ZMQ_WSS_* options and shared by every
// connection made from it: a listener's certificate and key, a connecter's
// trusted authorities.
//
// Threading: made on the application's thread, then read (never changed)
// by the I/O threads' sessions, which GnuTLS allows.
#pragma once

#include "transport/transport_options.hpp"

#include <gnutls/gnutls.h>

#include <memory>

namespace zmx {

class tls_credentials {
public:
    // A server's: nullptr with EINVAL when the certificate or key is
    // missing or does not load (libzmq asserts instead).
    static std::shared_ptr<const tls_credentials> for_server(const tls_options& options);
    // A client's: nullptr with EINVAL when ZMQ_WSS_TRUST_PEM does not load.
    static std::shared_ptr<const tls_credentials> for_client(const tls_options& options);

    ~tls_credentials();
    tls_credentials(const tls_credentials&) = delete;
    tls_credentials& operator=(const tls_credentials&) = delete;

    gnutls_certificate_credentials_t get() const { return credentials_; }

private:
    explicit tls_credentials(gnutls_certificate_credentials_t credentials) : credentials_(credentials) {}

    gnutls_certificate_credentials_t credentials_;
};

} // namespace zmx
