// ws_mask against the definition, byte by byte: every length 0..70 (the
// 8-byte loop, its tail and lengths shorter than a word), every starting
// key position, and a payload split in two at every point, as reads split it.
#include "transport/ws_mask.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace {

using zmx::ws::mask_key;

constexpr mask_key key = {0x37, 0xfa, 0x21, 0x3d};

std::vector<uint8_t> payload(size_t size) {
    std::vector<uint8_t> bytes(size);
    for (size_t i = 0; i < size; ++i)
        bytes[i] = static_cast<uint8_t>(i * 7 + 3);
    return bytes;
}

std::vector<uint8_t> reference(std::vector<uint8_t> bytes, size_t phase) {
    for (size_t i = 0; i < bytes.size(); ++i)
        bytes[i] ^= key[(phase + i) % 4];
    return bytes;
}

TEST(WsMask, CopyMatchesTheDefinitionAtEveryLengthAndPhase) {
    for (size_t size = 0; size <= 70; ++size) {
        for (size_t phase = 0; phase < 4; ++phase) {
            const auto plain = payload(size);
            // One spare byte each side: nothing outside [0, size) is written.
            std::vector<uint8_t> out(size + 2, 0xAA);
            const size_t next = zmx::ws::mask_copy(out.data() + 1, plain.data(), size, key, phase);
            EXPECT_EQ(next, (phase + size) % 4);
            EXPECT_EQ(std::vector<uint8_t>(out.begin() + 1, out.end() - 1), reference(plain, phase))
                << "size " << size << " phase " << phase;
            EXPECT_EQ(out.front(), 0xAA);
            EXPECT_EQ(out.back(), 0xAA);
        }
    }
}

TEST(WsMask, InPlaceAtAnUnalignedAddressMatchesTheDefinition) {
    for (size_t size = 0; size <= 70; ++size) {
        for (size_t phase = 0; phase < 4; ++phase) {
            std::vector<uint8_t> buffer(size + 3);
            const auto plain = payload(size);
            std::copy(plain.begin(), plain.end(), buffer.begin() + 3);
            zmx::ws::apply_mask(buffer.data() + 3, size, key, phase);
            EXPECT_EQ(std::vector<uint8_t>(buffer.begin() + 3, buffer.end()), reference(plain, phase));
        }
    }
}

TEST(WsMask, APayloadSplitAnywhereContinuesTheKey) {
    for (size_t size = 0; size <= 70; ++size) {
        for (size_t phase = 0; phase < 4; ++phase) {
            for (size_t split = 0; split <= size; ++split) {
                const auto plain = payload(size);
                std::vector<uint8_t> out(size);
                const size_t middle = zmx::ws::mask_copy(out.data(), plain.data(), split, key, phase);
                zmx::ws::mask_copy(out.data() + split, plain.data() + split, size - split, key, middle);
                ASSERT_EQ(out, reference(plain, phase)) << "size " << size << " phase " << phase << " split " << split;
            }
        }
    }
}

TEST(WsMask, MaskingTwiceGivesThePayloadBack) {
    const auto plain = payload(1000);
    auto bytes = plain;
    zmx::ws::apply_mask(bytes.data(), bytes.size(), key, 2);
    EXPECT_NE(bytes, plain);
    zmx::ws::apply_mask(bytes.data(), bytes.size(), key, 2);
    EXPECT_EQ(bytes, plain);
}

} // namespace
