// zmq_ctx_set_ext and zmq_ctx_get_ext: every zmq_ctx_set setting by its
// int size, and ZMQ_THREAD_NAME_PREFIX as a string of up to 16 bytes. Every
// expectation also holds for the reference libzmq 4.3.4 with drafts
// (reference.draft_ctx_ext), except the ZmxOnly ones.
#include "zmq_test.hpp"

#include <cstring>
#include <string>

namespace {

// The draft API is there once every draft function of zmq.h is.
TEST(DraftApi, ZmqHasSaysSo) { EXPECT_EQ(zmq_has("draft"), 1); }

int set_by_size(void* ctx, int option, int value) { return zmq_ctx_set_ext(ctx, option, &value, sizeof value); }

TEST(ContextExt, AnIntSettingGoesByItsSize) {
    zt::context ctx;
    ASSERT_EQ(set_by_size(ctx, ZMQ_IO_THREADS, 3), 0);
    EXPECT_EQ(zmq_ctx_get(ctx, ZMQ_IO_THREADS), 3);
    int value = 0;
    size_t size = sizeof value;
    ASSERT_EQ(zmq_ctx_get_ext(ctx, ZMQ_IO_THREADS, &value, &size), 0);
    EXPECT_EQ(value, 3);
    EXPECT_EQ(size, sizeof value);
    ZT_EXPECT_ERRNO(set_by_size(ctx, ZMQ_IO_THREADS, -1), EINVAL);
}

TEST(ContextExt, ASettingThatHoldsMinusOneIsReadAsSuch) {
    zt::context ctx;
    int value = 0;
    size_t size = sizeof value;
    ASSERT_EQ(zmq_ctx_get_ext(ctx, ZMQ_THREAD_SCHED_POLICY, &value, &size), 0);
    EXPECT_EQ(value, -1);
}

TEST(ContextExt, UnknownSettingsAndWrongSizesAreRefused) {
    zt::context ctx;
    ZT_EXPECT_ERRNO(set_by_size(ctx, 12345, 1), EINVAL);
    const long long wide = 2;
    ZT_EXPECT_ERRNO(zmq_ctx_set_ext(ctx, ZMQ_IO_THREADS, &wide, sizeof wide), EINVAL);
    int value = 0;
    size_t size = sizeof value;
    ZT_EXPECT_ERRNO(zmq_ctx_get_ext(ctx, 12345, &value, &size), EINVAL);
    size = 2;
    ZT_EXPECT_ERRNO(zmq_ctx_get_ext(ctx, ZMQ_IO_THREADS, &value, &size), EINVAL);
}

TEST(ContextExt, ANamePrefixStringIsReadBack) {
    zt::context ctx;
    const char prefix[] = "MyApp";
    ASSERT_EQ(zmq_ctx_set_ext(ctx, ZMQ_THREAD_NAME_PREFIX, prefix, std::strlen(prefix)), 0);
    char buffer[64] = {};
    size_t size = sizeof buffer;
    ASSERT_EQ(zmq_ctx_get_ext(ctx, ZMQ_THREAD_NAME_PREFIX, buffer, &size), 0);
    EXPECT_STREQ(buffer, "MyApp");
    size = 3;  // too small for the prefix
    ZT_EXPECT_ERRNO(zmq_ctx_get_ext(ctx, ZMQ_THREAD_NAME_PREFIX, buffer, &size), EINVAL);
}

TEST(ContextExt, ANamePrefixIsOneToSixteenBytes) {
    zt::context ctx;
    const std::string seventeen(17, 'x');
    ZT_EXPECT_ERRNO(zmq_ctx_set_ext(ctx, ZMQ_THREAD_NAME_PREFIX, seventeen.data(), seventeen.size()), EINVAL);
    ZT_EXPECT_ERRNO(zmq_ctx_set_ext(ctx, ZMQ_THREAD_NAME_PREFIX, "", 0), EINVAL);
    EXPECT_EQ(zmq_ctx_set_ext(ctx, ZMQ_THREAD_NAME_PREFIX, seventeen.data(), 16), 0);
}

TEST(ContextExt, ANumericPrefixReadsAsANumber) {
    zt::context ctx;
    ASSERT_EQ(zmq_ctx_set_ext(ctx, ZMQ_THREAD_NAME_PREFIX, "42", 2), 0);
    EXPECT_EQ(zmq_ctx_get(ctx, ZMQ_THREAD_NAME_PREFIX), 42);
}

// libzmq leaves the length as it was; zmx gives the prefix's.
TEST(ContextExt, ZmxOnlyTheLengthOfAPrefixReadIsWrittenBack) {
    zt::context ctx;
    const char prefix[] = "MyApp";
    ASSERT_EQ(zmq_ctx_set_ext(ctx, ZMQ_THREAD_NAME_PREFIX, prefix, sizeof prefix), 0);
    char buffer[256];
    size_t size = sizeof buffer;
    ASSERT_EQ(zmq_ctx_get_ext(ctx, ZMQ_THREAD_NAME_PREFIX, buffer, &size), 0);
    EXPECT_EQ(size, sizeof prefix);
}

TEST(ContextExt, ZmxOnlyNullPointersAreRefused) {
    zt::context ctx;
    ZT_EXPECT_ERRNO(zmq_ctx_set_ext(nullptr, ZMQ_IO_THREADS, nullptr, 0), EFAULT);
    ZT_EXPECT_ERRNO(zmq_ctx_set_ext(ctx, ZMQ_IO_THREADS, nullptr, sizeof(int)), EFAULT);
    int value = 0;
    ZT_EXPECT_ERRNO(zmq_ctx_get_ext(ctx, ZMQ_IO_THREADS, &value, nullptr), EFAULT);
}

} // namespace
