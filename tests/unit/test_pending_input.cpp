// An engine's unprocessed input (transport/pending_input.hpp): bytes read
// into a buffer shared by every connection of an I/O thread survive the
// next connection's read once kept, the engine's own copy is freed when
// used up, and bytes put back come first.
#include "transport/pending_input.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

namespace {

std::string text_of(std::span<const uint8_t> bytes) { return {reinterpret_cast<const char*>(bytes.data()), bytes.size()}; }

// Reads `text` into the shared buffer as a descriptor would.
void read_into(zmx::pending_input& in, std::vector<uint8_t>& shared, const std::string& text) {
    const std::span<uint8_t> room = in.room(shared, shared.size());
    ASSERT_GE(room.size(), text.size());
    std::memcpy(room.data(), text.data(), text.size());
    in.arrived(text.size());
}

TEST(PendingInput, ReadsLandInTheSharedBufferUpToTheLimitAsked) {
    std::vector<uint8_t> shared(64);
    zmx::pending_input in;
    const std::span<uint8_t> room = in.room(shared, 16);
    EXPECT_EQ(room.data(), shared.data());
    EXPECT_EQ(room.size(), 16u);
    EXPECT_EQ(in.room(shared, 1000).size(), 64u);
}

TEST(PendingInput, ConsumedBytesLeaveTheRestInOrder) {
    std::vector<uint8_t> shared(64);
    zmx::pending_input in;
    read_into(in, shared, "abcdef");
    in.consume(2);
    EXPECT_EQ(text_of(in.bytes()), "cdef");
    in.consume(4);
    EXPECT_TRUE(in.empty());
}

TEST(PendingInput, KeptBytesSurviveAnotherConnectionsRead) {
    std::vector<uint8_t> shared(64);
    zmx::pending_input first;
    zmx::pending_input second;
    read_into(first, shared, "held back by a full pipe");
    first.consume(10);
    first.keep();
    EXPECT_NE(first.bytes().data(), shared.data() + 10);  // moved out
    read_into(second, shared, "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX");
    EXPECT_EQ(text_of(first.bytes()), "by a full pipe");
    first.consume(3);
    first.keep();  // already its own: stays where it is
    EXPECT_EQ(text_of(first.bytes()), "a full pipe");
    first.consume(first.bytes().size());
    EXPECT_TRUE(first.empty());
    EXPECT_EQ(first.bytes().size(), 0u);
}

TEST(PendingInput, KeepingNothingHoldsNothing) {
    std::vector<uint8_t> shared(64);
    zmx::pending_input in;
    read_into(in, shared, "abc");
    in.consume(3);
    in.keep();
    EXPECT_TRUE(in.empty());
}

TEST(PendingInput, BytesPutBackComeFirst) {
    std::vector<uint8_t> shared(64);
    zmx::pending_input in;
    read_into(in, shared, "--rest");
    in.consume(2);
    const std::string front = "front ";
    in.put_back(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(front.data()), front.size()));
    std::memset(shared.data(), 'X', shared.size());  // the next connection's read
    EXPECT_EQ(text_of(in.bytes()), "front rest");
}

TEST(PendingInput, ClearForgetsEverything) {
    std::vector<uint8_t> shared(64);
    zmx::pending_input in;
    read_into(in, shared, "abc");
    in.keep();
    in.clear();
    EXPECT_TRUE(in.empty());
}

}  // namespace
