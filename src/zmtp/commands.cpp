#include "zmtp/commands.hpp"

#include "base/msg.hpp"
#include "zmtp/big_endian.hpp"

#include <algorithm>
#include <cstring>

namespace zmx::zmtp {

namespace {

void append(bytes& out, const void* data, size_t size) {
    const auto* begin = static_cast<const uint8_t*>(data);
    out.insert(out.end(), begin, begin + size);
}

// A length byte then up to 255 bytes: command names, property names and
// the ERROR reason share this shape.
bool append_short_string(bytes& out, std::string_view text) {
    if (text.size() > 255)
        return false;
    out.push_back(static_cast<uint8_t>(text.size()));
    append(out, text.data(), text.size());
    return true;
}

std::string_view as_text(byte_view data) {
    return {reinterpret_cast<const char*>(data.data()), data.size()};
}

// Reads a short string at the front of `data`, advancing past it.
std::optional<std::string_view> take_short_string(byte_view& data) {
    if (data.empty() || data.size() - 1 < data[0])
        return std::nullopt;
    const size_t length = data[0];
    std::string_view text = as_text(data.subspan(1, length));
    data = data.subspan(1 + length);
    return text;
}

// Runs an encoding step and, if it fails, removes what it had appended so a
// refused encoding leaves `out` as it was.
template <typename Step>
bool all_or_nothing(bytes& out, Step step) {
    const size_t start = out.size();
    if (step())
        return true;
    out.resize(start);
    return false;
}

} // namespace

bool encode_command(bytes& out, std::string_view name, byte_view data) {
    if (name.empty() || !append_short_string(out, name))
        return false;
    append(out, data.data(), data.size());
    return true;
}

std::optional<command_view> parse_command(byte_view body) {
    auto name = take_short_string(body);
    if (!name || name->empty())
        return std::nullopt;
    return command_view{*name, body};
}

bool encode_properties(bytes& out, const property_list& properties) {
    return all_or_nothing(out, [&] {
        for (const auto& [name, value] : properties) {
            if (name.empty() || value.size() > max_property_value ||
                !append_short_string(out, name))
                return false;
            uint8_t length[4];
            put_big_endian<uint32_t>(length, static_cast<uint32_t>(value.size()));
            append(out, length, sizeof length);
            append(out, value.data(), value.size());
        }
        return true;
    });
}

std::optional<property_list> parse_properties(byte_view data) {
    property_list properties;
    while (!data.empty()) {
        auto name = take_short_string(data);
        if (!name || name->empty() || data.size() < 4)
            return std::nullopt;
        const uint32_t length = get_big_endian<uint32_t>(data.data());
        data = data.subspan(4);
        if (length > max_property_value || length > data.size())
            return std::nullopt;
        properties.emplace_back(*name, as_text(data.first(length)));
        data = data.subspan(length);
    }
    return properties;
}

bool encode_ready(bytes& out, const property_list& properties) {
    return all_or_nothing(out, [&] {
        return encode_command(out, ready_command, {}) && encode_properties(out, properties);
    });
}

bool encode_error(bytes& out, std::string_view reason) {
    return all_or_nothing(out, [&] {
        return encode_command(out, error_command, {}) && append_short_string(out, reason);
    });
}

bool encode_subscribe(bytes& out, byte_view topic) {
    return encode_command(out, subscribe_command, topic);
}

bool encode_cancel(bytes& out, byte_view topic) {
    return encode_command(out, cancel_command, topic);
}

bool encode_ping(bytes& out, uint16_t ttl, byte_view context) {
    if (context.size() > max_ping_context)
        return false;
    uint8_t data[2 + max_ping_context];
    put_big_endian<uint16_t>(data, ttl);
    std::copy(context.begin(), context.end(), data + 2);
    return encode_command(out, ping_command, byte_view(data, 2 + context.size()));
}

bool encode_pong(bytes& out, byte_view context) {
    return context.size() <= max_ping_context && encode_command(out, pong_command, context);
}

std::optional<std::string_view> parse_error(byte_view data) {
    auto reason = take_short_string(data);
    if (!reason || !data.empty())
        return std::nullopt;
    return reason;
}

std::optional<ping> parse_ping(byte_view data) {
    if (data.size() < 2)
        return std::nullopt;
    const byte_view context = data.subspan(2);
    return ping{get_big_endian<uint16_t>(data.data()), context.first(std::min(context.size(), max_ping_context))};
}

std::optional<byte_view> parse_pong(byte_view data) {
    if (data.size() > max_ping_context)
        return std::nullopt;
    return data;
}

int subscription_message(msg& out, bool subscribe, byte_view topic) {
    if (out.init_size(topic.size() + 1) < 0)
        return -1;
    auto* bytes = static_cast<uint8_t*>(out.data());
    bytes[0] = subscribe ? 1 : 0;
    if (!topic.empty())
        std::memcpy(bytes + 1, topic.data(), topic.size());
    return 0;
}

bool subscription_command(bytes& out, const msg& m) {
    const byte_view form(static_cast<const uint8_t*>(m.data()), m.size());
    if (form.empty() || form[0] > 1)
        return false;
    return form[0] == 1 ? encode_subscribe(out, form.subspan(1)) : encode_cancel(out, form.subspan(1));
}

} // namespace zmx::zmtp
