#include "zmtp/curve_client.hpp"

#include "zmtp/big_endian.hpp"
#include "zmtp/curve_wire.hpp"
#include "zmtp/encoder.hpp"

#include <zmq.h>

#include <algorithm>

namespace zmx::zmtp {

curve_client::curve_client(our_properties us, const security_options& keys)
    : us_(std::move(us)),
      public_key_(curve::key_from(keys.curve_public_key)),
      secret_key_(curve::key_from(keys.curve_secret_key)),
      server_key_(curve::key_from(keys.curve_server_key)),
      short_term_(curve::new_keypair()) {}

curve_client::~curve_client() {
    curve::wipe(secret_key_.data(), secret_key_.size());
    curve::wipe(short_term_.secret_key.data(), short_term_.secret_key.size());
}

mechanism::outcome curve_client::start(bytes& out) {
    bytes hello{1, 0};  // CurveZMQ 1.0
    hello.resize(hello.size() + curve::hello_padding, 0);
    hello.insert(hello.end(), short_term_.public_key.begin(), short_term_.public_key.end());
    const uint64_t nonce = channel_.next_nonce();
    const size_t at = hello.size();
    hello.resize(at + curve::short_nonce_size);
    put_big_endian<uint64_t>(hello.data() + at, nonce);
    const bytes zeros(curve::hello_signature, 0);
    // Only a server key libsodium refuses (unset: all zeros) fails here.
    if (!curve::box(hello, zeros, curve::short_nonce(curve::hello_prefix, nonce), server_key_, short_term_.secret_key))
        return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC);
    bytes body;
    encode_command(body, hello_command, hello);
    append_command(out, body);
    return outcome::handshaking;
}

mechanism::outcome curve_client::take_command(byte_view body, bytes& out) {
    const auto command = parse_command(body);
    if (!command)
        return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_UNSPECIFIED);
    if (command->name == error_command)
        return peer_refused(command->data);
    if (state_ == state::expect_welcome && command->name == welcome_command)
        return take_welcome(body, out);
    if (state_ == state::expect_ready && command->name == ready_command)
        return take_ready(body, out);
    return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, ZMQ_PROTOCOL_ERROR_ZMTP_UNEXPECTED_COMMAND);
}

mechanism::outcome curve_client::take_welcome(byte_view body, bytes& out) {
    // libzmq reports a WELCOME of the wrong size as one that does not open.
    constexpr uint32_t cryptographic = ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC;
    if (body.size() != curve::welcome_size)
        return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, cryptographic);
    const byte_view after_name = body.subspan(welcome_command.size() + 1);
    const curve::nonce nonce = curve::long_nonce(curve::welcome_prefix, after_name.data());
    bytes plain;
    if (!curve::unbox(plain, after_name.subspan(curve::long_nonce_size), nonce, server_key_, short_term_.secret_key))
        return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, cryptographic);
    std::copy_n(plain.begin(), curve::key_size, server_short_term_.begin());
    cookie_.assign(plain.begin() + curve::key_size, plain.end());
    if (!channel_.set_session_key(server_short_term_, short_term_.secret_key) || !append_initiate(out))
        return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, cryptographic);
    state_ = state::expect_ready;
    return outcome::handshaking;
}

bool curve_client::append_vouch(bytes& out) const {
    // The vouch binds our long-term key to this connection's short-term
    // one, for this server: Box[C' + S](C->S').
    uint8_t random[curve::long_nonce_size];
    curve::random_bytes(random, sizeof random);
    bytes plain(short_term_.public_key.begin(), short_term_.public_key.end());
    plain.insert(plain.end(), server_key_.begin(), server_key_.end());
    out.insert(out.end(), random, random + sizeof random);
    return curve::box(out, plain, curve::long_nonce(curve::vouch_prefix, random), server_short_term_, secret_key_);
}

bool curve_client::append_initiate(bytes& out) {
    bytes plain(public_key_.begin(), public_key_.end());
    if (!append_vouch(plain))
        return false;
    encode_properties(plain, announcement(us_));
    bytes initiate(cookie_);
    channel_.box(initiate, curve::initiate_prefix, plain);
    bytes body;
    encode_command(body, initiate_command, initiate);
    append_command(out, body);
    return true;
}

mechanism::outcome curve_client::take_ready(byte_view body, bytes& out) {
    if (body.size() < curve::ready_min_size)
        return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_READY);
    const byte_view after_name = body.subspan(ready_command.size() + 1);
    const uint64_t nonce = get_big_endian<uint64_t>(after_name.data());
    if (!channel_.take_peer_nonce(nonce))
        return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, ZMQ_PROTOCOL_ERROR_ZMTP_INVALID_SEQUENCE);
    bytes metadata;
    if (!channel_.unbox(metadata, curve::ready_prefix, nonce, after_name.subspan(curve::short_nonce_size)))
        return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC);
    const outcome result =
        check_peer_properties(metadata, us_.socket_type, ZMQ_PROTOCOL_ERROR_ZMTP_INVALID_METADATA, out);
    if (result == outcome::ready)
        state_ = state::ready;
    return result;
}

} // namespace zmx::zmtp
