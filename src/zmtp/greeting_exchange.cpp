#include "zmtp/greeting_exchange.hpp"

#include "zmtp/encoder.hpp"

#include <array>

namespace zmx::zmtp {

namespace {
constexpr std::string_view null_mechanism = "NULL";

bool is_legacy(peer_version version) { return version != peer_version::zmtp3; }
} // namespace

bool accepts_legacy_peers(std::string_view mechanism, bool asks_zap) {
    return mechanism == null_mechanism && !asks_zap;
}

void greeting_exchange::start(bytes& out) const {
    std::array<uint8_t, signature_size> signature;
    encode_signature(signature, us_.routing_id.size());
    out.insert(out.end(), signature.begin(), signature.end());
}

greeting_exchange::status greeting_exchange::feed(byte_view in, size_t& consumed, bytes& out) {
    if (status_ != status::need_more)
        return status_;
    const bool complete = parser_.feed(in, consumed) == greeting_parser::status::complete;
    const bool version_known = complete || parser_.received().size() >= greeting_version_size;
    if (version_known && is_legacy(peer().version) && !accepts_legacy_peers(us_.mechanism, us_.asks_zap))
        return status_ = status::refused;
    send_version_stages(out);
    if (!complete)
        return status_;
    if (is_legacy(peer().version))
        send_identity(out);
    return status_ = status::complete;
}

// Steps 2 and 3: each as soon as the peer's bytes allow it, and only once.
void greeting_exchange::send_version_stages(bytes& out) {
    if (peer().version == peer_version::zmtp1_unversioned)
        return;
    const size_t received = parser_.received().size();
    if (received >= signature_size && !sent_major_) {
        out.push_back(our_version_major);
        sent_major_ = true;
    }
    if (received < greeting_version_size || sent_rest_)
        return;
    sent_rest_ = true;
    if (is_legacy(peer().version)) {
        out.push_back(us_.socket_type);
        return;
    }
    std::array<uint8_t, greeting_size> greeting;
    encode_greeting(greeting, us_.mechanism, us_.as_server);
    out.insert(out.end(), greeting.begin() + greeting_version_size, greeting.end());
}

void greeting_exchange::send_identity(bytes& out) const {
    static_assert(max_zmtp1_header_size >= max_frame_header_size);
    std::array<uint8_t, max_zmtp1_header_size> header;
    size_t header_size = 0;
    switch (peer().version) {
    case peer_version::zmtp1_unversioned: break;  // our signature was the header
    case peer_version::zmtp1: header_size = encode_zmtp1_frame_header(header.data(), us_.routing_id.size(), false); break;
    case peer_version::zmtp2: header_size = encode_frame_header(header.data(), us_.routing_id.size(), false, false); break;
    case peer_version::zmtp3: return;
    }
    out.insert(out.end(), header.begin(), header.begin() + header_size);
    out.insert(out.end(), us_.routing_id.begin(), us_.routing_id.end());
}

} // namespace zmx::zmtp
