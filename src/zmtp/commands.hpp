// ZMTP 3.1 command bodies (RFC 37): a command frame's body is a name (one
// length byte, 1-255 letters) followed by command data. These build and
// parse the bodies of the commands the stream engine itself handles;
// framing them is encoder.hpp's job.
//
// Every parser takes peer bytes: truncated or oversized input gives
// std::nullopt, never a read out of bounds. Views returned point into the
// parsed body. Threading: stateless functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zmx {
class msg;
}

namespace zmx::zmtp {

using bytes = std::vector<uint8_t>;
using byte_view = std::span<const uint8_t>;

inline constexpr std::string_view ready_command = "READY";
inline constexpr std::string_view error_command = "ERROR";
inline constexpr std::string_view subscribe_command = "SUBSCRIBE";
inline constexpr std::string_view cancel_command = "CANCEL";
inline constexpr std::string_view ping_command = "PING";
inline constexpr std::string_view pong_command = "PONG";
// The handshake commands of PLAIN (RFC 24) and CURVE (RFC 26).
inline constexpr std::string_view hello_command = "HELLO";
inline constexpr std::string_view welcome_command = "WELCOME";
inline constexpr std::string_view initiate_command = "INITIATE";

inline constexpr size_t max_ping_context = 16;
inline constexpr size_t max_error_reason = 255;
inline constexpr size_t max_property_name = 255;
inline constexpr uint32_t max_property_value = 0x7FFFFFFF;  // INT32_MAX, RFC 37

// Connection metadata in wire order (READY, and later PLAIN/CURVE INITIATE).
using property_list = std::vector<std::pair<std::string, std::string>>;

struct command_view {
    std::string_view name;
    byte_view data;
};

struct ping {
    uint16_t ttl = 0;  // tenths of a second, 0 for none
    // What a PONG echoes: at most 16 bytes. A longer context is cut to its
    // first 16, as libzmq answers it (RFC 37 allows no more than 16).
    byte_view context;
};

// A command body: name then data. Any command, including a mechanism's.
// false if the name is empty or longer than 255 bytes.
bool encode_command(bytes& out, std::string_view name, byte_view data);
// Splits a command body into name and data.
std::optional<command_view> parse_command(byte_view body);

// Metadata: per property a length byte, the name (1-255 bytes), a 4-byte
// big-endian value length (at most INT32_MAX) and the value.
bool encode_properties(bytes& out, const property_list& properties);
std::optional<property_list> parse_properties(byte_view data);

// Whole command bodies. Encoders return false on input the wire cannot
// carry (a name or reason too long, a context over 16 bytes).
bool encode_ready(bytes& out, const property_list& properties);
bool encode_error(bytes& out, std::string_view reason);
bool encode_subscribe(bytes& out, byte_view topic);
bool encode_cancel(bytes& out, byte_view topic);
bool encode_ping(bytes& out, uint16_t ttl, byte_view context);
bool encode_pong(bytes& out, byte_view context);

// Parsers of the data of a command whose name parse_command returned.
// SUBSCRIBE and CANCEL need none: their whole data is the topic.
std::optional<std::string_view> parse_error(byte_view data);  // the reason
std::optional<ping> parse_ping(byte_view data);
std::optional<byte_view> parse_pong(byte_view data);  // the context

// The message form of a subscription (ZMTP 3.0, and how sockets pass them
// internally): \x01 then the topic, or \x00 then the topic for a cancel.
// 0, or -1 with ENOMEM.
int subscription_message(msg& out, bool subscribe, byte_view topic);
// The command form (ZMTP 3.1) of a subscription in message form: the body
// of a SUBSCRIBE or CANCEL with its topic. false if m is empty or its first
// byte is neither \x01 nor \x00.
bool subscription_command(bytes& out, const msg& m);

} // namespace zmx::zmtp
