// ZMQ_ZAP_ENFORCE_DOMAIN (draft API in libzmq 4.3): a NULL server with a
// ZAP domain and no handler bound refuses its clients instead of letting
// them in. Checked against libzmq 4.3.4
// (tests/support/check_against_libzmq.sh builds *_draft.cpp with drafts).
#include "plain_fixture.hpp"

#include <cerrno>

namespace {

using tt::transport;

class ZapEnforced : public tt::PlainPair {};

INSTANTIATE_TEST_SUITE_P(Transports, ZapEnforced, ::testing::Values(transport::tcp, transport::ipc),
                         tt::transport_name);

TEST_P(ZapEnforced, ADomainWithoutAHandlerRefusesNullClients) {
    EXPECT_EQ(zt::get_int(server, ZMQ_ZAP_ENFORCE_DOMAIN), 0);
    zt::set_bytes(server, ZMQ_ZAP_DOMAIN, "global");
    zt::set_int(server, ZMQ_ZAP_ENFORCE_DOMAIN, 1);
    EXPECT_EQ(zt::get_int(server, ZMQ_ZAP_ENFORCE_DOMAIN), 1);
    endpoint = tt::bind_any(server, GetParam());
    zt::connect(client, endpoint.c_str());
    const auto refusing = server_events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL);
    ASSERT_TRUE(refusing);
    EXPECT_EQ(refusing->value, static_cast<uint32_t>(EFAULT));
    EXPECT_FALSE(zt::wait_readable(server, 0));
}

// Any int sets it, a value other than 0 turning it on (libzmq's own
// test_security_zap passes what is no 0 or 1).
TEST(ZapEnforceDomain, AnyIntSetsIt) {
    zt::context ctx;
    zt::socket server(ctx, ZMQ_DEALER);
    for (const int value : {2, -1, 0, 1000}) {
        zt::set_int(server, ZMQ_ZAP_ENFORCE_DOMAIN, value);
        EXPECT_EQ(zt::get_int(server, ZMQ_ZAP_ENFORCE_DOMAIN), value != 0 ? 1 : 0) << value;
    }
}

} // namespace
