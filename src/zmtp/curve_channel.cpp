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

// The MESSAGE is written straight into `out` and encrypted where it lies:
// the body is copied once, from the message into the output buffer.
void curve_channel::seal(uint8_t flags, byte_view body, bytes& out) {
    const size_t boxed_size = curve::mac_size + 1 + body.size();
    // Frame header, name, short nonce, room for the MAC, the flags byte.
    uint8_t head[max_frame_header_size + message_header_size + curve::mac_size + 1];
    size_t used = encode_frame_header(head, message_header_size + boxed_size, false, false);
    std::copy(message_name.begin(), message_name.end(), head + used);
    used += message_name.size();
    const uint64_t nonce = next_nonce();
    put_big_endian<uint64_t>(head + used, nonce);
    used += curve::short_nonce_size + curve::mac_size;
    head[used++] = boxed_flags(flags);
    const size_t mac_at = out.size() + used - curve::mac_size - 1;
    out.insert(out.end(), head, head + used);
    out.insert(out.end(), body.begin(), body.end());
    uint8_t* const mac = out.data() + mac_at;
    const curve::nonce full = curve::short_nonce(our_prefix_, nonce);
    // Cannot fail once the session key is set.
    (void)crypto_box_detached_afternm(mac + curve::mac_size, mac, mac + curve::mac_size, 1 + body.size(),
                                      full.data(), session_key_.data());
}

// Decrypted where it lies (MAC, then the flags byte and the body), and the
// frame narrowed to the body: no copy for a body larger than a msg keeps
// inline.
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
    uint8_t* const mac = data + message_header_size;
    uint8_t* const boxed = mac + curve::mac_size;
    const curve::nonce full = curve::short_nonce(peer_prefix_, nonce);
    if (crypto_box_open_detached_afternm(boxed, boxed, mac, size - message_header_size - curve::mac_size, full.data(),
                                         session_key_.data()) != 0)
        return refuse(ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC);
    peer_nonce_ = nonce;
    const uint8_t flags = boxed[0];
    if (!take_body(frame, smallest_message, size - smallest_message))
        return refuse(ZMQ_PROTOCOL_ERROR_ZMTP_UNSPECIFIED);
    frame.clear(msg::more);  // the outer frame's flags are not the message's
    if (flags & boxed_more)
        frame.set(msg::more);
    return (flags & boxed_command) ? opened::command : opened::message;
}

// Leaves only the plain body in frame: narrowed in place, or copied when
// small enough to live inline (or when the frame cannot be narrowed).
bool curve_channel::take_body(msg& frame, size_t offset, size_t size) {
    if (size > msg::small_capacity && frame.narrow(offset, size))
        return true;
    msg plain;
    if (plain.init_copy_of(static_cast<const uint8_t*>(frame.data()) + offset, size) < 0)
        return false;
    plain.move_to(frame);
    return true;
}

} // namespace zmx::zmtp
