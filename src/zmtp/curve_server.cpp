#include "zmtp/curve_server.hpp"

#include "zmtp/big_endian.hpp"
#include "zmtp/curve_wire.hpp"
#include "zmtp/encoder.hpp"

#include <zmq.h>

#include <algorithm>
#include <cerrno>

namespace zmx::zmtp {

namespace {

std::string as_text(const curve::key& k) { return {reinterpret_cast<const char*>(k.data()), k.size()}; }

bool same(byte_view a, const curve::key& b) {
    return a.size() >= b.size() && std::equal(b.begin(), b.end(), a.begin());
}

}  // namespace

curve_server::curve_server(our_properties us, const security_options& keys)
    : us_(std::move(us)),
      secret_key_(curve::key_from(keys.curve_secret_key)),
      public_key_(curve::public_key_of(secret_key_)),
      short_term_(curve::new_keypair()) {}

curve_server::~curve_server() {
    curve::wipe(secret_key_.data(), secret_key_.size());
    curve::wipe(short_term_.secret_key.data(), short_term_.secret_key.size());
    curve::wipe(cookie_key_.data(), cookie_key_.size());
}

mechanism::outcome curve_server::fail_protocol(uint32_t code) {
    return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, code);
}

mechanism::outcome curve_server::take_command(byte_view body, bytes& out) {
    const auto command = parse_command(body);
    if (!command)
        return fail_protocol(ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_UNSPECIFIED);
    if (state_ == state::expect_hello && command->name == hello_command)
        return take_hello(body, out);
    if (state_ == state::expect_initiate && command->name == initiate_command)
        return take_initiate(body, out);
    return fail_protocol(ZMQ_PROTOCOL_ERROR_ZMTP_UNEXPECTED_COMMAND);
}

mechanism::outcome curve_server::take_hello(byte_view body, bytes& out) {
    if (body.size() != curve::hello_size)
        return fail_protocol(ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_HELLO);
    const byte_view data = body.subspan(hello_command.size() + 1);
    if (data[0] != 1 || data[1] != 0)  // only CurveZMQ 1.0 exists
        return fail_protocol(ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_HELLO);
    const byte_view rest = data.subspan(2 + curve::hello_padding);
    std::copy_n(rest.begin(), curve::key_size, client_short_term_.begin());
    const uint64_t nonce = get_big_endian<uint64_t>(rest.data() + curve::key_size);
    if (!channel_.take_peer_nonce(nonce))
        return fail_protocol(ZMQ_PROTOCOL_ERROR_ZMTP_INVALID_SEQUENCE);
    bytes signature;
    // A HELLO that does not open was sealed for another server's key.
    if (!curve::unbox(signature, rest.subspan(curve::key_size + curve::short_nonce_size),
                      curve::short_nonce(curve::hello_prefix, nonce), client_short_term_, secret_key_))
        return fail_protocol(ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC);
    if (!append_welcome(out))
        return fail_protocol(ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC);
    state_ = state::expect_initiate;
    return outcome::handshaking;
}

bytes curve_server::cookie() {
    curve::random_bytes(cookie_key_.data(), cookie_key_.size());
    uint8_t random[curve::long_nonce_size];
    curve::random_bytes(random, sizeof random);
    bytes plain(client_short_term_.begin(), client_short_term_.end());
    plain.insert(plain.end(), short_term_.secret_key.begin(), short_term_.secret_key.end());
    bytes result(random, random + sizeof random);
    curve::secret_box(result, plain, curve::long_nonce(curve::cookie_prefix, random), cookie_key_);
    curve::wipe(plain.data(), plain.size());  // it held s'
    return result;
}

bool curve_server::append_welcome(bytes& out) {
    bytes plain(short_term_.public_key.begin(), short_term_.public_key.end());
    const bytes sealed_cookie = cookie();
    plain.insert(plain.end(), sealed_cookie.begin(), sealed_cookie.end());
    uint8_t random[curve::long_nonce_size];
    curve::random_bytes(random, sizeof random);
    bytes welcome(random, random + sizeof random);
    const bool sealed =
        curve::box(welcome, plain, curve::long_nonce(curve::welcome_prefix, random), client_short_term_, secret_key_);
    if (!sealed)
        return false;
    bytes body;
    encode_command(body, welcome_command, welcome);
    append_command(out, body);
    return true;
}

bool curve_server::cookie_matches(byte_view cookie) {
    bytes plain;
    const bool opened = curve::secret_unbox(plain, cookie.subspan(curve::long_nonce_size),
                                            curve::long_nonce(curve::cookie_prefix, cookie.data()), cookie_key_);
    // One use only: whatever it held, the key is of no more use.
    curve::wipe(cookie_key_.data(), cookie_key_.size());
    const bool matches = opened && same(plain, client_short_term_) &&
                         same(byte_view(plain).subspan(curve::key_size), short_term_.secret_key);
    curve::wipe(plain.data(), plain.size());
    return matches;
}

mechanism::outcome curve_server::take_initiate(byte_view body, bytes& out) {
    if (body.size() < curve::initiate_min_size)
        return fail_protocol(ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_INITIATE);
    const byte_view data = body.subspan(initiate_command.size() + 1);
    if (!cookie_matches(data.first(curve::cookie_size)))
        return fail_protocol(ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC);
    const byte_view rest = data.subspan(curve::cookie_size);
    const uint64_t nonce = get_big_endian<uint64_t>(rest.data());
    if (!channel_.take_peer_nonce(nonce))
        return fail_protocol(ZMQ_PROTOCOL_ERROR_ZMTP_INVALID_SEQUENCE);
    bytes plain;
    if (!channel_.set_session_key(client_short_term_, short_term_.secret_key) || !channel_.unbox(plain, curve::initiate_prefix, nonce, rest.subspan(curve::short_nonce_size)))
        return fail_protocol(ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC);
    return take_vouch(plain, out);
}

mechanism::outcome curve_server::take_vouch(byte_view plain, bytes& out) {
    std::copy_n(plain.begin(), curve::key_size, client_key_.begin());
    const byte_view vouch_nonce = plain.subspan(curve::key_size, curve::long_nonce_size);
    bytes vouched;
    if (!curve::unbox(vouched, plain.subspan(curve::key_size + curve::long_nonce_size, curve::vouch_size),
                      curve::long_nonce(curve::vouch_prefix, vouch_nonce.data()), client_key_,
                      short_term_.secret_key))
        return fail_protocol(ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC);
    // The client vouches for this connection's key, to this server.
    if (!same(vouched, client_short_term_) || !same(byte_view(vouched).subspan(curve::key_size), public_key_))
        return fail_protocol(ZMQ_PROTOCOL_ERROR_ZMTP_KEY_EXCHANGE);
    const byte_view metadata = plain.subspan(curve::initiate_credentials);
    if (!parse_properties(metadata))
        return fail_protocol(ZMQ_PROTOCOL_ERROR_ZMTP_INVALID_METADATA);
    metadata_.assign(metadata.begin(), metadata.end());
    // libzmq's rule: ZAP is asked unless ZAP_ENFORCE_DOMAIN is on with no
    // domain set (then any client with a valid vouch is in).
    state_ = state::awaiting_zap;
    if (us_.zap_domain.empty() && us_.zap_enforce_domain)
        return zap_approved(out);
    return ask_zap(us_, name(), {as_text(client_key_)});
}

mechanism::outcome curve_server::no_zap_handler(bytes& out) {
    // No handler: encryption without authentication, unless the socket
    // insists on one (libzmq 4.3.4 then fails with EFAULT).
    if (us_.zap_enforce_domain)
        return fail(ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL, EFAULT);
    return zap_approved(out);
}

mechanism::outcome curve_server::zap_approved(bytes& out) {
    const outcome result =
        check_peer_properties(metadata_, us_.socket_type, ZMQ_PROTOCOL_ERROR_ZMTP_INVALID_METADATA, out);
    if (result != outcome::ready)
        return result;
    bytes metadata;
    encode_properties(metadata, announcement(us_));
    bytes ready;
    channel_.box(ready, curve::ready_prefix, metadata);
    bytes body;
    encode_command(body, ready_command, ready);
    append_command(out, body);
    state_ = state::ready;
    return result;
}

} // namespace zmx::zmtp
