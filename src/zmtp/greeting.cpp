#include "zmtp/greeting.hpp"

#include "zmtp/big_endian.hpp"

#include <algorithm>
#include <cstring>

namespace zmx::zmtp {

namespace {
constexpr size_t padding_offset = 1;
constexpr size_t signature_end_offset = 9;
constexpr size_t major_offset = 10;
constexpr size_t minor_offset = 11;
constexpr size_t socket_type_offset = 11;
constexpr size_t mechanism_offset = 12;
constexpr size_t as_server_offset = 32;
constexpr uint8_t signature_start = 0xFF;
constexpr uint8_t signature_end = 0x7F;
// libzmq's revision numbers: 0 and 1 are the 12-byte greetings of 1.0 and
// 2.0; anything else gets a 3.x greeting.
constexpr uint8_t zmtp1_revision = 0;
constexpr uint8_t zmtp2_revision = 1;

peer_version version_of_revision(uint8_t revision) {
    switch (revision) {
    case zmtp1_revision: return peer_version::zmtp1;
    case zmtp2_revision: return peer_version::zmtp2;
    default: return peer_version::zmtp3;
    }
}
} // namespace

bool encode_greeting(std::span<uint8_t, greeting_size> out, std::string_view mechanism,
                     bool as_server) {
    if (mechanism.size() > mechanism_name_size)
        return false;
    std::fill(out.begin(), out.end(), uint8_t{0});  // padding, NUL-padding and filler
    out[0] = signature_start;
    out[signature_end_offset] = signature_end;
    out[major_offset] = our_version_major;
    out[minor_offset] = our_version_minor;
    std::memcpy(out.data() + mechanism_offset, mechanism.data(), mechanism.size());
    out[as_server_offset] = as_server ? 1 : 0;
    return true;
}

void encode_signature(std::span<uint8_t, signature_size> out, size_t routing_id_size) {
    out[0] = signature_start;
    put_big_endian<uint64_t>(out.data() + padding_offset, uint64_t{routing_id_size} + 1);
    out[signature_end_offset] = signature_end;
}

greeting_parser::status greeting_parser::feed(std::span<const uint8_t> in, size_t& consumed) {
    if (status_ != status::need_more)
        return status_;
    // Byte by byte up to the version so each check runs the moment its byte
    // arrives, then the rest in one copy.
    size_t taken = 0;
    while (taken < in.size() && status_ == status::need_more) {
        size_t chunk = received_ < greeting_version_size ? 1 : expected_ - received_;
        chunk = std::min(chunk, in.size() - taken);
        std::memcpy(bytes_ + received_, in.data() + taken, chunk);
        received_ += chunk;
        taken += chunk;
        status_ = check_received();
    }
    consumed += taken;
    return status_;
}

greeting_parser::status greeting_parser::check_received() {
    const bool unversioned = (received_ == 1 && bytes_[0] != signature_start) ||
                             (received_ == signature_size && !(bytes_[signature_end_offset] & 1));
    if (unversioned) {
        peer_.version = peer_version::zmtp1_unversioned;
        return status::complete;
    }
    // The padding carries no meaning (RFC 37) and is never checked.
    if (received_ == greeting_version_size) {
        peer_.major = bytes_[major_offset];
        peer_.version = version_of_revision(peer_.major);
        if (peer_.version != peer_version::zmtp3)
            expected_ = legacy_greeting_size;
    }
    if (received_ < expected_)
        return status::need_more;
    if (peer_.version != peer_version::zmtp3) {
        peer_.socket_type = bytes_[socket_type_offset];
        return status::complete;
    }
    peer_.minor = bytes_[minor_offset];
    const auto* name = reinterpret_cast<const char*>(bytes_ + mechanism_offset);
    peer_.mechanism.assign(name, strnlen(name, mechanism_name_size));
    peer_.as_server = bytes_[as_server_offset] != 0;
    return status::complete;
}

} // namespace zmx::zmtp
