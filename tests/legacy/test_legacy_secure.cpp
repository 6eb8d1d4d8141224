// A socket that authenticates its peers refuses ZMTP 1.0 and 2.0 peers, as
// libzmq 4.3 does: those versions have no mechanism, so a peer could skip
// PLAIN, CURVE or the ZAP handler by claiming an old version
// (CVE-2014-9721). Each kind is checked: a PLAIN server, a CURVE server,
// and a NULL socket with a ZAP domain. Checked against Debian's libzmq 4.3.4 (check_against_libzmq.sh).
#include "legacy_client.hpp"
#include "monitor_events.hpp"
#include "zap_handler.hpp"

#include <sstream>
#include <string>

namespace {

using lt::legacy_client;
using lt::version;

using zt::bind_tcp;

class LegacyPeerOfASecureSocket : public ::testing::TestWithParam<version> {
protected:
    // The legacy peer greets, announces itself and sends a message: the
    // socket drops the connection, and neither the message nor a ZAP
    // request comes of it.
    void expect_refused(void* pull) {
        tt::event_monitor monitor(ctx_, pull, ZMQ_EVENT_DISCONNECTED);
        legacy_client client(bind_tcp(pull), GetParam());
        // In one write: the socket may hang up as soon as it has the greeting.
        client.send_raw(lt::hello(GetParam(), ZMQ_PUSH, "") + lt::message(GetParam(), {"let me in"}));
        EXPECT_TRUE(monitor.wait_for(ZMQ_EVENT_DISCONNECTED));
        EXPECT_FALSE(zt::wait_readable(pull, 0));
        EXPECT_TRUE(zap_.requests().empty());
    }

    zt::context ctx_;
    tt::zap_handler zap_{ctx_, [](const tt::zap_request&) { return tt::zap_answer{"200", "", ""}; }};
};

TEST_P(LegacyPeerOfASecureSocket, APlainServerRefusesIt) {
    zt::socket pull(ctx_, ZMQ_PULL);
    zt::set_int(pull, ZMQ_PLAIN_SERVER, 1);
    expect_refused(pull);
}

TEST_P(LegacyPeerOfASecureSocket, ACurveServerRefusesIt) {
    char public_key[41], secret_key[41];
    ASSERT_EQ(zmq_curve_keypair(public_key, secret_key), 0);
    zt::socket pull(ctx_, ZMQ_PULL);
    zt::set_int(pull, ZMQ_CURVE_SERVER, 1);
    zt::set_bytes(pull, ZMQ_CURVE_SECRETKEY, secret_key);
    expect_refused(pull);
}

TEST_P(LegacyPeerOfASecureSocket, ANullSocketWithAZapDomainRefusesIt) {
    zt::socket pull(ctx_, ZMQ_PULL);
    zt::set_bytes(pull, ZMQ_ZAP_DOMAIN, "global");
    expect_refused(pull);
}

INSTANTIATE_TEST_SUITE_P(Versions, LegacyPeerOfASecureSocket,
                         ::testing::Values(version::zmtp1, version::zmtp1_revision0, version::zmtp2),
                         [](const auto& info) {
                             std::ostringstream name;
                             lt::PrintTo(info.param, &name);
                             return name.str();
                         });

} // namespace
