#include <gtest/gtest.h>

#include <vector>

#include "base/msg.hpp"
#include "zmtp/encoder.hpp"

using namespace zmx::zmtp;

TEST(zmtp_encoder, ShortHeaderUpTo255) {
    uint8_t h[max_frame_header_size];
    ASSERT_EQ(encode_frame_header(h, 0, false, false), 2u);
    EXPECT_EQ(h[0], 0x00);
    EXPECT_EQ(h[1], 0);
    ASSERT_EQ(encode_frame_header(h, 255, true, false), 2u);
    EXPECT_EQ(h[0], 0x01);
    EXPECT_EQ(h[1], 255);
    ASSERT_EQ(encode_frame_header(h, 5, false, true), 2u);
    EXPECT_EQ(h[0], 0x04);
}

TEST(zmtp_encoder, LongHeaderFrom256) {
    uint8_t h[max_frame_header_size];
    ASSERT_EQ(encode_frame_header(h, 256, false, false), 9u);
    const uint8_t expected256[] = {0x02, 0, 0, 0, 0, 0, 0, 1, 0};
    EXPECT_EQ(std::vector<uint8_t>(h, h + 9), std::vector<uint8_t>(expected256, expected256 + 9));
    ASSERT_EQ(encode_frame_header(h, uint64_t{1} << 32, true, false), 9u);
    const uint8_t expected4g[] = {0x03, 0, 0, 0, 1, 0, 0, 0, 0};
    EXPECT_EQ(std::vector<uint8_t>(h, h + 9), std::vector<uint8_t>(expected4g, expected4g + 9));
    ASSERT_EQ(encode_frame_header(h, 300, false, true), 9u);
    EXPECT_EQ(h[0], 0x06);
}

TEST(zmtp_encoder, AppendsFramesForBatching) {
    zmx::msg first, second;
    ASSERT_EQ(first.init_copy_of("ab", 2), 0);
    first.set(zmx::msg::more);
    std::vector<uint8_t> big(256, 0x5A);
    ASSERT_EQ(second.init_copy_of(big.data(), big.size()), 0);
    std::vector<uint8_t> out;
    append_frame(out, first);
    append_frame(out, second);
    ASSERT_EQ(out.size(), 4u + 9u + 256u);
    EXPECT_EQ(out[0], 0x01);
    EXPECT_EQ(out[1], 2);
    EXPECT_EQ(out[2], 'a');
    EXPECT_EQ(out[4], 0x02);
    EXPECT_EQ(out[11], 1);
    EXPECT_EQ(out[12], 0);
    EXPECT_EQ(out.back(), 0x5A);
    first.close();
    second.close();
}

TEST(zmtp_encoder, AppendsCommands) {
    const uint8_t body[] = {4, 'P', 'I', 'N', 'G', 0, 0};
    std::vector<uint8_t> out;
    append_command(out, body);
    ASSERT_EQ(out.size(), 9u);
    EXPECT_EQ(out[0], 0x04);
    EXPECT_EQ(out[1], 7);
    EXPECT_EQ(out[3], 'P');
}
