#include "transport/tls_channel.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace zmx {

namespace {

// Until the handshake is done a peer gets a small buffer (a flood of
// connections that never finish costs little each), then one that holds
// several full records (16 KiB of data each).
constexpr size_t handshake_intake_size = 4 * 1024;
constexpr size_t intake_size = 64 * 1024;

// SNI names a host by DNS name only (RFC 6066 3): not by an IP address.
bool is_ip_literal(const std::string& host) {
    in6_addr unused;
    return ::inet_pton(AF_INET, host.c_str(), &unused) == 1 || ::inet_pton(AF_INET6, host.c_str(), &unused) == 1;
}

}  // namespace

tls_channel::tls_channel(unsigned flags, std::shared_ptr<const tls_credentials> credentials)
    : credentials_(std::move(credentials)), intake_(handshake_intake_size) {
    if (gnutls_init(&session_, flags | GNUTLS_NONBLOCK) < 0) {
        session_ = nullptr;
        return;
    }
    if (gnutls_set_default_priority(session_) < 0 ||
        gnutls_credentials_set(session_, GNUTLS_CRD_CERTIFICATE, credentials_->get()) < 0) {
        gnutls_deinit(session_);
        session_ = nullptr;
        return;
    }
    gnutls_transport_set_ptr(session_, this);
    gnutls_transport_set_push_function(session_, push);
    gnutls_transport_set_pull_function(session_, pull);
}

std::unique_ptr<tls_channel> tls_channel::client(std::shared_ptr<const tls_credentials> credentials,
                                                 const std::string& hostname) {
    std::unique_ptr<tls_channel> channel(new tls_channel(GNUTLS_CLIENT, std::move(credentials)));
    channel->hostname_ = hostname;
    if (!channel->session_)
        return channel;
    if (!hostname.empty() && !is_ip_literal(hostname))
        gnutls_server_name_set(channel->session_, GNUTLS_NAME_DNS, hostname.data(), hostname.size());
    // The chain must verify against the trusted authorities, and the name
    // match when one is given; otherwise the handshake fails.
    gnutls_session_set_verify_cert(channel->session_, hostname.empty() ? nullptr : channel->hostname_.c_str(), 0);
    channel->handshake();  // writes the hello
    return channel;
}

std::unique_ptr<tls_channel> tls_channel::server(std::shared_ptr<const tls_credentials> credentials) {
    return std::unique_ptr<tls_channel>(new tls_channel(GNUTLS_SERVER, std::move(credentials)));
}

tls_channel::~tls_channel() {
    if (session_)
        gnutls_deinit(session_);
}

std::span<uint8_t> tls_channel::intake() {
    if (intake_offset_ < intake_end_)
        return {};
    intake_offset_ = intake_end_ = 0;
    return intake_;
}

bool tls_channel::has_input() const {
    return intake_offset_ < intake_end_ || (session_ && gnutls_record_check_pending(session_) > 0);
}

tls_channel::status tls_channel::handshake() {
    if (!session_)
        return status::failed;
    for (;;) {
        const int rc = gnutls_handshake(session_);
        if (rc == GNUTLS_E_SUCCESS) {
            established_ = true;
            intake_.resize(std::max(intake_size, intake_end_));
            return status::done;
        }
        if (rc == GNUTLS_E_AGAIN)
            return status::need_more;
        if (gnutls_error_is_fatal(rc))
            return status::failed;
        // A warning alert or an interruption: the handshake goes on.
    }
}

tls_channel::status tls_channel::open(std::span<uint8_t> into, size_t& produced) {
    produced = 0;
    for (;;) {
        const ssize_t rc = gnutls_record_recv(session_, into.data(), into.size());
        if (rc > 0) {
            produced = static_cast<size_t>(rc);
            return status::done;
        }
        if (rc == 0)
            return status::closed;
        if (rc == GNUTLS_E_AGAIN)
            return status::need_more;
        // A peer asking to renegotiate is refused by ending the connection,
        // as zmx never renegotiates.
        if (rc == GNUTLS_E_REHANDSHAKE || gnutls_error_is_fatal(static_cast<int>(rc)))
            return status::failed;
    }
}

bool tls_channel::seal(std::span<const uint8_t> plain) {
    while (!plain.empty()) {
        const ssize_t rc = gnutls_record_send(session_, plain.data(), plain.size());
        if (rc < 0 && gnutls_error_is_fatal(static_cast<int>(rc)))
            return false;
        if (rc > 0)
            plain = plain.subspan(static_cast<size_t>(rc));
    }
    return true;
}

// GnuTLS writes: the records go to outgoing(), which the engine sends.
ssize_t tls_channel::push(gnutls_transport_ptr_t self, const void* data, size_t size) {
    std::vector<uint8_t>& records = static_cast<tls_channel*>(self)->outgoing_.bytes();
    const auto* bytes = static_cast<const uint8_t*>(data);
    records.insert(records.end(), bytes, bytes + size);
    return static_cast<ssize_t>(size);
}

// GnuTLS reads: what intake() received, else "again" until more comes.
ssize_t tls_channel::pull(gnutls_transport_ptr_t self, void* data, size_t size) {
    auto& channel = *static_cast<tls_channel*>(self);
    const size_t available = channel.intake_end_ - channel.intake_offset_;
    if (available == 0) {
        gnutls_transport_set_errno(channel.session_, EAGAIN);
        return -1;
    }
    const size_t taken = std::min(size, available);
    std::memcpy(data, channel.intake_.data() + channel.intake_offset_, taken);
    channel.intake_offset_ += taken;
    return static_cast<ssize_t>(taken);
}

} // namespace zmx
