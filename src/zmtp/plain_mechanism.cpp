#include "zmtp/plain_mechanism.hpp"

#include "zmtp/encoder.hpp"

#include <zmq.h>

#include <algorithm>
#include <cerrno>

namespace zmx::zmtp {

namespace {

// A command with no more than its name.
void append_bare(bytes& out, std::string_view name) {
    bytes body;
    encode_command(body, name, {});
    append_command(out, body);
}

void append_announcement(bytes& out, std::string_view name, const our_properties& us) {
    bytes data, body;
    encode_properties(data, announcement(us));
    encode_command(body, name, data);
    append_command(out, body);
}

// One length-prefixed field of a HELLO; false when it runs past the end.
bool take_short_string(byte_view& data, std::string& out) {
    if (data.empty() || data.size() < 1u + data[0])
        return false;
    out.assign(reinterpret_cast<const char*>(data.data()) + 1, data[0]);
    data = data.subspan(1u + data[0]);
    return true;
}

constexpr uint32_t unexpected = ZMQ_PROTOCOL_ERROR_ZMTP_UNEXPECTED_COMMAND;

// libzmq 4.3's PLAIN writes its ERROR's name as the C literal "\x05ERROR",
// which the compiler reads as the byte 0x5e then "RROR": a PLAIN server
// sends that, and a PLAIN client knows an ERROR by it alone (a well-formed
// one is an unexpected command to it). We send that form so that libzmq's
// clients hear why they were refused, and take either.
constexpr std::string_view libzmq_plain_error_prefix = "\x5e" "RROR";

bool is_libzmq_plain_error(byte_view body) {
    return body.size() >= libzmq_plain_error_prefix.size() &&
           std::equal(libzmq_plain_error_prefix.begin(), libzmq_plain_error_prefix.end(), body.begin());
}

}  // namespace

bool encode_plain_hello(bytes& out, std::string_view username, std::string_view password) {
    if (username.size() > 255 || password.size() > 255)
        return false;
    bytes data;
    data.push_back(static_cast<uint8_t>(username.size()));
    data.insert(data.end(), username.begin(), username.end());
    data.push_back(static_cast<uint8_t>(password.size()));
    data.insert(data.end(), password.begin(), password.end());
    return encode_command(out, hello_command, data);
}

// ---------------------------------------------------------------- client

mechanism::outcome plain_client::start(bytes& out) {
    bytes hello;
    encode_plain_hello(hello, username_, password_);  // the options keep both under 256 bytes
    append_command(out, hello);
    return outcome::handshaking;
}

mechanism::outcome plain_client::take_command(byte_view body, bytes& out) {
    if (is_libzmq_plain_error(body))
        return peer_refused(body.subspan(libzmq_plain_error_prefix.size()));
    const auto command = parse_command(body);
    if (!command)
        return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_UNSPECIFIED);
    if (command->name == error_command)
        return peer_refused(command->data);
    if (state_ == state::expect_welcome && command->name == welcome_command) {
        if (!command->data.empty())
            return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_WELCOME);
        append_announcement(out, initiate_command, us_);
        state_ = state::expect_ready;
        return outcome::handshaking;
    }
    if (state_ == state::expect_ready && command->name == ready_command)
        return check_peer_properties(command->data, us_.socket_type, ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_READY,
                                     out);
    return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, unexpected);
}

// ---------------------------------------------------------------- server

mechanism::outcome plain_server::take_command(byte_view body, bytes& out) {
    const auto command = parse_command(body);
    if (!command)
        return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_UNSPECIFIED);
    if (state_ == state::expect_hello && command->name == hello_command)
        return take_hello(command->data);
    if (state_ == state::expect_initiate && command->name == initiate_command) {
        const auto result = check_peer_properties(command->data, us_.socket_type,
                                                  ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_INITIATE, out);
        if (result == outcome::ready)
            append_announcement(out, ready_command, us_);
        return result;
    }
    return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, unexpected);
}

mechanism::outcome plain_server::take_hello(byte_view data) {
    std::string username, password;
    // Exactly the two strings: anything after the password is malformed.
    if (!take_short_string(data, username) || !take_short_string(data, password) || !data.empty())
        return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_HELLO);
    state_ = state::awaiting_zap;
    return ask_zap(us_, name(), {std::move(username), std::move(password)});
}

mechanism::outcome plain_server::no_zap_handler(bytes&) {
    // PLAIN without a handler to check the password protects nothing:
    // libzmq 4.3.4 fails the handshake, and so do we.
    return fail(ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL, EFAULT);
}

void plain_server::append_refusal(bytes& out, std::string_view status) const {
    bytes error(libzmq_plain_error_prefix.begin(), libzmq_plain_error_prefix.end());
    error.push_back(static_cast<uint8_t>(status.size()));  // a status code: 3 bytes
    error.insert(error.end(), status.begin(), status.end());
    append_command(out, error);
}

mechanism::outcome plain_server::zap_approved(bytes& out) {
    append_bare(out, welcome_command);
    state_ = state::expect_initiate;
    return outcome::handshaking;
}

} // namespace zmx::zmtp
