// Fuzz target: ZMTP 3.x command bodies (src/zmtp/commands.*): the command
// name, READY's metadata properties, ERROR, PING, PONG, SUBSCRIBE, CANCEL.
//
// Input: one command body as a decoder hands it over (name length, name,
// data). Every data parser runs on the data whatever the name, so each is
// reached from any input. Each parser must accept exactly what RFC 37
// allows (the rules restated here), return views inside the input, and
// whatever it accepts must encode back to the same bytes.
#include "fuzz_support.hpp"

#include "base/msg.hpp"
#include "zmtp/big_endian.hpp"
#include "zmtp/commands.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

namespace {

using zmx::fuzz::byte_span;
using zmx::fuzz::same_bytes;
namespace zmtp = zmx::zmtp;

bool inside(byte_span part, byte_span whole) {
    return part.empty() ||
           (part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size());
}

bool inside(std::string_view part, byte_span whole) {
    return inside(byte_span(reinterpret_cast<const uint8_t*>(part.data()), part.size()), whole);
}

// A command body with this name and data, as the encoders should write it.
std::vector<uint8_t> body_of(std::string_view name, byte_span data) {
    std::vector<uint8_t> body;
    body.reserve(1 + name.size() + data.size());
    body.push_back(static_cast<uint8_t>(name.size()));
    body.insert(body.end(), name.begin(), name.end());
    body.insert(body.end(), data.begin(), data.end());
    return body;
}

// RFC 37 metadata: (name length 1-255, name, 4-byte value length, value)*.
bool well_formed_properties(byte_span data) {
    while (!data.empty()) {
        const size_t name_size = data[0];
        if (name_size == 0 || data.size() < 1 + name_size + 4)
            return false;
        data = data.subspan(1 + name_size);
        const uint32_t value_size = zmtp::get_big_endian<uint32_t>(data.data());
        if (value_size > data.size() - 4)
            return false;
        data = data.subspan(4 + value_size);
    }
    return true;
}

void check_properties(byte_span data) {
    const auto properties = zmtp::parse_properties(data);
    FUZZ_REQUIRE(properties.has_value() == well_formed_properties(data));
    if (!properties)
        return;
    for (const auto& [name, value] : *properties)
        FUZZ_REQUIRE(!name.empty() && name.size() <= zmtp::max_property_name &&
                     value.size() <= zmtp::max_property_value);
    zmtp::bytes encoded;
    FUZZ_REQUIRE(zmtp::encode_properties(encoded, *properties));
    FUZZ_REQUIRE(same_bytes(encoded, data));
    encoded.clear();
    FUZZ_REQUIRE(zmtp::encode_ready(encoded, *properties));
    FUZZ_REQUIRE(same_bytes(encoded, body_of(zmtp::ready_command, data)));
}

void check_error(byte_span data) {
    const auto reason = zmtp::parse_error(data);
    FUZZ_REQUIRE(reason.has_value() == (!data.empty() && data.size() == 1 + size_t{data[0]}));
    if (!reason)
        return;
    FUZZ_REQUIRE(inside(*reason, data));
    zmtp::bytes encoded;
    FUZZ_REQUIRE(zmtp::encode_error(encoded, *reason));
    FUZZ_REQUIRE(same_bytes(encoded, body_of(zmtp::error_command, data)));
}

void check_ping_and_pong(byte_span data) {
    const auto ping = zmtp::parse_ping(data);
    FUZZ_REQUIRE(ping.has_value() == (data.size() >= 2));
    zmtp::bytes encoded;
    if (ping) {
        // A context over 16 bytes is cut to its first 16.
        const size_t kept = std::min(data.size(), 2 + zmtp::max_ping_context);
        FUZZ_REQUIRE(inside(ping->context, data));
        FUZZ_REQUIRE(zmtp::encode_ping(encoded, ping->ttl, ping->context));
        FUZZ_REQUIRE(same_bytes(encoded, body_of(zmtp::ping_command, data.first(kept))));
        encoded.clear();
    }
    const auto pong = zmtp::parse_pong(data);
    FUZZ_REQUIRE(pong.has_value() == (data.size() <= zmtp::max_ping_context));
    if (pong) {
        FUZZ_REQUIRE(inside(*pong, data));
        FUZZ_REQUIRE(zmtp::encode_pong(encoded, *pong));
        FUZZ_REQUIRE(same_bytes(encoded, body_of(zmtp::pong_command, data)));
    }
}

// SUBSCRIBE and CANCEL: the whole data is the topic, in the command form
// and in the message form (0x01/0x00 then the topic) sockets pass around.
void check_subscriptions(byte_span topic) {
    for (const bool subscribe : {true, false}) {
        zmtp::bytes encoded;
        const bool encoded_ok = subscribe ? zmtp::encode_subscribe(encoded, topic)
                                          : zmtp::encode_cancel(encoded, topic);
        FUZZ_REQUIRE(encoded_ok);
        const auto name = subscribe ? zmtp::subscribe_command : zmtp::cancel_command;
        FUZZ_REQUIRE(same_bytes(encoded, body_of(name, topic)));

        zmx::msg message;
        message.init();
        FUZZ_REQUIRE(zmtp::subscription_message(message, subscribe, topic) == 0);
        const byte_span form(static_cast<const uint8_t*>(message.data()), message.size());
        FUZZ_REQUIRE(form.size() == 1 + topic.size() && form[0] == (subscribe ? 1 : 0) &&
                     same_bytes(form.subspan(1), topic));
        message.close();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const byte_span body(data, size);
    const auto command = zmtp::parse_command(body);
    const bool well_formed = !body.empty() && body[0] != 0 && body.size() > body[0];
    FUZZ_REQUIRE(command.has_value() == well_formed);
    if (!command)
        return 0;
    FUZZ_REQUIRE(inside(command->name, body) && inside(command->data, body));
    FUZZ_REQUIRE(command->name.size() == body[0] && command->data.size() == body.size() - 1 - body[0]);
    zmtp::bytes encoded;
    FUZZ_REQUIRE(zmtp::encode_command(encoded, command->name, command->data));
    FUZZ_REQUIRE(same_bytes(encoded, body));

    check_properties(command->data);
    check_error(command->data);
    check_ping_and_pong(command->data);
    check_subscriptions(command->data);
    return 0;
}
