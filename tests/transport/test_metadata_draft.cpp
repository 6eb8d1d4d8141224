// ZMQ_METADATA (95): application properties ("X-key:value") a socket sends
// in its READY command, read by the peer with zmq_msg_gets. The option is
// draft API, so this file is built with ZMQ_BUILD_DRAFT_API. Debian's
// libzmq 4.3.4 hides the name behind the draft API in its header but its
// library accepts the option, so these expectations were checked against it
// too (tests/support/check_against_libzmq.sh).
#include "endpoints.hpp"
#include "received_message.hpp"

#include <cerrno>
#include <cstring>
#include <string>

namespace {

using tt::transport;

void add_metadata(void* s, const char* property) {
    ASSERT_EQ(zmq_setsockopt(s, ZMQ_METADATA, property, std::strlen(property)), 0)
        << property << ": " << zmq_strerror(zmq_errno());
}

class MetadataOption : public ::testing::TestWithParam<transport> {};

INSTANTIATE_TEST_SUITE_P(Transports, MetadataOption, ::testing::Values(transport::tcp, transport::ipc),
                         tt::transport_name);

TEST_P(MetadataOption, PropertiesReachThePeer) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    const std::string endpoint = tt::bind_any(pull, GetParam());
    zt::socket push(ctx, ZMQ_PUSH);
    add_metadata(push, "X-key:value");
    add_metadata(push, "X-Other:with:colons");
    zt::connect(push, endpoint.c_str());
    zt::send_str(push, "m");
    tt::received_message msg(pull);
    ASSERT_TRUE(msg.ok());
    EXPECT_EQ(msg.property("X-key"), "value");
    EXPECT_EQ(msg.property("X-Other"), "with:colons");
    EXPECT_EQ(msg.property("Socket-Type"), "PUSH");
}

// A property must be "X-" (that case) + name, a colon and a non-empty value.
TEST(MetadataOptionSyntax, MalformedPropertiesAreRefused) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PUSH);
    for (const char* bad : {"key:value", "x-lower:value", "X-no-colon", "X-empty:", ":value"}) {
        errno = 0;
        EXPECT_EQ(zmq_setsockopt(s, ZMQ_METADATA, bad, std::strlen(bad)), -1) << bad;
        EXPECT_EQ(zmq_errno(), EINVAL) << bad;
    }
}

TEST(MetadataOptionSyntax, TheOptionCannotBeRead) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PUSH);
    add_metadata(s, "X-key:value");
    char buffer[64];
    size_t size = sizeof buffer;
    ZT_EXPECT_ERRNO(zmq_getsockopt(s, ZMQ_METADATA, buffer, &size), EINVAL);
}

} // namespace
