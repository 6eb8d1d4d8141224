#include "zmtp/curve_channel.hpp"

#include "base/msg.hpp"
#include "zmtp/big_endian.hpp"
#include "zmtp/encoder.hpp"

#include <sodium.h>
#include <zmq.h>

#include <algorithm>

namespace zmx::zmtp {

namespace {

constexpr std::string_view message_name = "\x07MESSAGE";
// Name, short nonce, MAC and the flags byte: the smallest MESSAGE.
constexpr size_t message_header_size = message_name.size() + curve::short_nonce_size;
constexpr size_t smallest_message = message_header_size + curve::mac_size + 1;

// The flags byte inside the box is libzmq's message flags, not a frame's:
// COMMAND is bit 1 there (bit 2 in a frame header).
constexpr uint8_t boxed_more = 0x01;
constexpr uint8_t boxed_command = 0x02;

uint8_t boxed_flags(uint8_t frame_flags) {
    return static_cast<uint8_t>(((frame_flags & more_flag) ? boxed_more : 0) |
                                ((frame_flags & command_flag) ? boxed_command : 0));
}

}  // namespace

bool curve_channel::set_session_key(const curve::key& peer_public, const curve::key& our_secret) {
    return crypto_box_beforenm(session_key_.data(), peer_public.data(), our_secret.data()) == 0;
}

bool curve_channel::take_peer_nonce(uint64_t nonce) {
    if (nonce <= peer_nonce_)
        return false;
    peer_nonce_ = nonce;
    return true;
}

void curve_channel::box(bytes& out, std::string_view prefix, byte_view plain) {
    const uint64_t nonce = next_nonce();
    const size_t at = out.size();
    out.resize(at + curve::short_nonce_size + curve::mac_size + plain.size());
    put_big_endian<uint64_t>(out.data() + at, nonce);
    const curve::nonce full = curve::short_nonce(prefix, nonce);
    // Cannot fail once the session key is set.
    (void)crypto_box_easy_afternm(out.data() + at + curve::short_nonce_size, plain.data(), plain.size(), full.data(),
                            session_key_.data());
}

bool curve_channel::unbox(bytes& out, std::string_view prefix, uint64_t nonce, byte_view boxed) const {
    if (boxed.size() < curve::mac_size)
        return false;
    out.resize(boxed.size() - curve::mac_size);
    const curve::nonce full = curve::short_nonce(prefix, nonce);
    return crypto_box_open_easy_afternm(out.data(), boxed.data(), boxed.size(), full.data(), session_key_.data()) ==
           0;
}

void curve_channel::seal(uint8_t flags, byte_view body, bytes& out) {
    plain_.assign(1, boxed_flags(flags));
    plain_.insert(plain_.end(), body.begin(), body.end());
    uint8_t header[max_frame_header_size];
    const size_t header_size =
        encode_frame_header(header, message_header_size + curve::mac_size + plain_.size(), false, false);
    out.insert(out.end(), header, header + header_size);
    out.insert(out.end(), message_name.begin(), message_name.end());
    box(out, our_prefix_, plain_);
}

frame_sealer::opened curve_channel::open(msg& frame) {
    uint8_t* const data = static_cast<uint8_t*>(frame.data());
    const size_t size = frame.size();
    if (size < message_name.size() || !std::equal(message_name.begin(), message_name.end(), data))
        return refuse(ZMQ_PROTOCOL_ERROR_ZMTP_UNEXPECTED_COMMAND);
    if (size < smallest_message)
        return refuse(ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_MESSAGE);
    const uint64_t nonce = get_big_endian<uint64_t>(data + message_name.size());
    if (nonce <= peer_nonce_)
        return refuse(ZMQ_PROTOCOL_ERROR_ZMTP_INVALID_SEQUENCE);
    // Opened where it lies (libsodium allows it): the plain text then
    // starts at the MAC's place.
    uint8_t* const boxed = data + message_header_size;
    const curve::nonce full = curve::short_nonce(peer_prefix_, nonce);
    if (crypto_box_open_easy_afternm(boxed, boxed, size - message_header_size, full.data(), session_key_.data()) != 0)
        return refuse(ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC);
    peer_nonce_ = nonce;
    const uint8_t flags = boxed[0];
    msg plain;
    if (plain.init_copy_of(boxed + 1, size - smallest_message) < 0)
        return refuse(ZMQ_PROTOCOL_ERROR_ZMTP_UNSPECIFIED);
    if (flags & boxed_more)
        plain.set(msg::more);
    plain.move_to(frame);
    return (flags & boxed_command) ? opened::command : opened::message;
}

} // namespace zmx::zmtp
