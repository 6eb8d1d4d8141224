// The small utilities of zmq.h: atomic counters and the Z85 codec, with
// the results and errno libzmq 4.3.4 gives.
#include "zmq_test.hpp"

#include <cstdint>
#include <cstring>

namespace {

TEST(AtomicCounter, IncReturnsTheOldValue) {
    void* counter = zmq_atomic_counter_new();
    EXPECT_EQ(zmq_atomic_counter_inc(counter), 0);
    EXPECT_EQ(zmq_atomic_counter_inc(counter), 1);
    EXPECT_EQ(zmq_atomic_counter_value(counter), 2);
    zmq_atomic_counter_destroy(&counter);
    EXPECT_EQ(counter, nullptr);
}

// Not the new value: 1 while the counter is not zero, 0 when it reaches zero
// (and 1 again below zero), as zmq_atomic_counter_dec(3) says.
TEST(AtomicCounter, DecSaysWhetherTheCounterIsStillNonZero) {
    void* counter = zmq_atomic_counter_new();
    zmq_atomic_counter_set(counter, 3);
    EXPECT_EQ(zmq_atomic_counter_dec(counter), 1);
    EXPECT_EQ(zmq_atomic_counter_dec(counter), 1);
    EXPECT_EQ(zmq_atomic_counter_dec(counter), 0);
    EXPECT_EQ(zmq_atomic_counter_value(counter), 0);
    EXPECT_EQ(zmq_atomic_counter_dec(counter), 1);
    EXPECT_EQ(zmq_atomic_counter_value(counter), -1);
    zmq_atomic_counter_destroy(&counter);
}

TEST(Z85, EncodesAndDecodesTheSpecExample) {
    const uint8_t bytes[8] = {0x86, 0x4F, 0xD2, 0x6F, 0xB5, 0x59, 0xF7, 0x5B};
    char text[11];
    ASSERT_EQ(zmq_z85_encode(text, bytes, sizeof bytes), text);
    EXPECT_STREQ(text, "HelloWorld");
    uint8_t decoded[8];
    ASSERT_EQ(zmq_z85_decode(decoded, text), decoded);
    EXPECT_EQ(std::memcmp(decoded, bytes, sizeof bytes), 0);
}

TEST(Z85, EncodeRefusesASizeThatIsNotAMultipleOfFour) {
    const uint8_t bytes[5] = {};
    char text[16];
    for (size_t size : {1, 3, 5}) {
        errno = 0;
        EXPECT_EQ(zmq_z85_encode(text, bytes, size), nullptr);
        EXPECT_EQ(errno, EINVAL) << "size " << size;
    }
    // The size is checked first: no data is needed to refuse it.
    errno = 0;
    EXPECT_EQ(zmq_z85_encode(text, nullptr, 3), nullptr);
    EXPECT_EQ(errno, EINVAL);
}

TEST(Z85, EncodingNothingGivesTheEmptyString) {
    char text[4] = "xyz";
    EXPECT_EQ(zmq_z85_encode(text, nullptr, 0), text);
    EXPECT_STREQ(text, "");
}

TEST(Z85, DecodeRefusesEmptyShortAndInvalidText) {
    uint8_t bytes[16];
    for (const char* text : {"", "Hell", "HelloWorl", "Hello World", "\x7f\x7f\x7f\x7f\x7f", "#####"}) {
        errno = 0;
        EXPECT_EQ(zmq_z85_decode(bytes, text), nullptr) << "\"" << text << "\"";
        EXPECT_EQ(errno, EINVAL) << "\"" << text << "\"";
    }
}

} // namespace
