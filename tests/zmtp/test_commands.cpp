#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "zmtp/commands.hpp"

using namespace zmx::zmtp;

namespace {

byte_view view(std::string_view text) {
    return {reinterpret_cast<const uint8_t*>(text.data()), text.size()};
}

bytes of(std::string_view text) {
    auto v = view(text);
    return {v.begin(), v.end()};
}

std::string text(byte_view data) {
    return {reinterpret_cast<const char*>(data.data()), data.size()};
}

} // namespace

TEST(zmtp_commands, ReadyMatchesTheRfcExample) {
    bytes body;
    ASSERT_TRUE(encode_ready(body, {{"Socket-Type", "DEALER"}, {"Identity", ""}}));
    // RFC 37 "Worked Example": the 41-byte body of the client's READY.
    const std::string expected = std::string("\x05READY\x0bSocket-Type\0\0\0\x06" "DEALER", 28) +
                                 std::string("\x08Identity\0\0\0\0", 13);
    EXPECT_EQ(body, of(expected));
    EXPECT_EQ(body.size(), 41u);
}

TEST(zmtp_commands, ReadyRoundTrip) {
    const property_list props = {{"Socket-Type", "ROUTER"},
                                 {"X-Big", std::string(300, 'v')},
                                 {std::string(255, 'N'), ""}};
    bytes body;
    ASSERT_TRUE(encode_ready(body, props));
    auto command = parse_command(body);
    ASSERT_TRUE(command);
    EXPECT_EQ(command->name, ready_command);
    auto parsed = parse_properties(command->data);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(*parsed, props);
    EXPECT_EQ(parse_properties({})->size(), 0u);
}

TEST(zmtp_commands, RefusesToEncodeWhatTheWireCannotCarry) {
    bytes body = of("keep");
    EXPECT_FALSE(encode_ready(body, {{"ok", "1"}, {std::string(256, 'N'), "v"}}));
    EXPECT_FALSE(encode_ready(body, {{"", "v"}}));
    EXPECT_FALSE(encode_error(body, std::string(256, 'r')));
    EXPECT_FALSE(encode_ping(body, 1, view(std::string(17, 'c'))));
    EXPECT_FALSE(encode_pong(body, view(std::string(17, 'c'))));
    EXPECT_FALSE(encode_command(body, "", {}));
    EXPECT_FALSE(encode_command(body, std::string(256, 'A'), {}));
    EXPECT_EQ(body, of("keep"));  // a refused encoding appends nothing
}

TEST(zmtp_commands, MalformedPropertiesAreRejected) {
    const std::vector<std::string> bad = {
        std::string("\x00", 1),                            // empty name
        std::string("\x05" "abc", 4),                      // name runs past the end
        std::string("\x01" "a\0\0\0", 5),                  // value length truncated
        std::string("\x01" "a\0\0\0\x05" "abcd", 10),      // value runs past the end
        std::string("\x01" "a\x80\0\0\0", 6),              // value length above INT32_MAX
        std::string("\x01" "a\xff\xff\xff\xff" "x", 7),    // huge value length
        std::string("\x01" "a\0\0\0\0\x02", 7),            // a second, truncated property
    };
    for (const auto& data : bad)
        EXPECT_FALSE(parse_properties(view(data))) << testing::PrintToString(data);
}

TEST(zmtp_commands, MalformedCommandNamesAreRejected) {
    EXPECT_FALSE(parse_command({}));
    EXPECT_FALSE(parse_command(view(std::string("\x00", 1))));
    EXPECT_FALSE(parse_command(view("\x05REA")));
    auto empty_data = parse_command(view("\x04PING"));
    ASSERT_TRUE(empty_data);
    EXPECT_EQ(empty_data->name, "PING");
    EXPECT_TRUE(empty_data->data.empty());
}

TEST(zmtp_commands, ErrorRoundTripAndTruncation) {
    for (std::string reason : {std::string(), std::string("Invalid"), std::string(255, 'r')}) {
        bytes body;
        ASSERT_TRUE(encode_error(body, reason));
        auto command = parse_command(body);
        ASSERT_TRUE(command);
        EXPECT_EQ(command->name, error_command);
        auto parsed = parse_error(command->data);
        ASSERT_TRUE(parsed);
        EXPECT_EQ(*parsed, reason);
    }
    EXPECT_FALSE(parse_error({}));
    EXPECT_FALSE(parse_error(view("\x05" "abc")));
    EXPECT_FALSE(parse_error(view("\x01" "ab")));  // trailing byte
}

TEST(zmtp_commands, SubscribeAndCancelUseTheRfc37Form) {
    bytes body;
    ASSERT_TRUE(encode_subscribe(body, view("topic")));
    EXPECT_EQ(body, of("\x09SUBSCRIBEtopic"));
    body.clear();
    ASSERT_TRUE(encode_cancel(body, {}));
    EXPECT_EQ(body, of("\x06" "CANCEL"));
    const std::string binary_topic("\0\xff\x01", 3);
    body.clear();
    ASSERT_TRUE(encode_subscribe(body, view(binary_topic)));
    auto command = parse_command(body);
    ASSERT_TRUE(command);
    EXPECT_EQ(command->name, subscribe_command);
    EXPECT_EQ(text(command->data), binary_topic);
}

TEST(zmtp_commands, PingAndPongRoundTrip) {
    bytes body;
    ASSERT_TRUE(encode_ping(body, 0x1234, view(std::string(16, 'c'))));
    EXPECT_EQ(body.size(), 1u + 4u + 2u + 16u);
    auto command = parse_command(body);
    ASSERT_TRUE(command);
    EXPECT_EQ(command->name, ping_command);
    EXPECT_EQ(command->data[0], 0x12);
    auto ping_data = parse_ping(command->data);
    ASSERT_TRUE(ping_data);
    EXPECT_EQ(ping_data->ttl, 0x1234);
    EXPECT_EQ(text(ping_data->context), std::string(16, 'c'));

    body.clear();
    ASSERT_TRUE(encode_pong(body, ping_data->context));
    command = parse_command(body);
    ASSERT_TRUE(command);
    EXPECT_EQ(command->name, pong_command);
    auto context = parse_pong(command->data);
    ASSERT_TRUE(context);
    EXPECT_EQ(text(*context), std::string(16, 'c'));
}

TEST(zmtp_commands, PingAndPongRejectTruncatedOrOversizedInput) {
    EXPECT_FALSE(parse_ping({}));
    EXPECT_FALSE(parse_ping(view("\x01")));
    auto bare = parse_ping(view(std::string("\0\x0a", 2)));
    ASSERT_TRUE(bare);
    EXPECT_EQ(bare->ttl, 10);
    EXPECT_TRUE(bare->context.empty());
    EXPECT_FALSE(parse_pong(view(std::string(17, 'c'))));
    EXPECT_TRUE(parse_pong({}));
}

// libzmq answers a longer context with its first 16 bytes; so do we.
TEST(zmtp_commands, APingContextOver16BytesIsCutTo16) {
    const std::string data = std::string("\0\x0a", 2) + "0123456789abcdefXYZ";
    const auto ping = parse_ping(view(data));
    ASSERT_TRUE(ping);
    EXPECT_EQ(ping->ttl, 10);
    EXPECT_EQ(text(ping->context), "0123456789abcdef");
}
