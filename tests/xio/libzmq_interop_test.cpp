// sp endpoints against Debian's libzmq 4.3.4 (pyzmq in a process of its
// own): a libzmq REQ and DEALER call an SP_REP; an SP_REQ calls a libzmq
// REP and ROUTER. Over tcp and ipc.
#include "sp_test.hpp"

#include "../interop/peer_process.hpp"

namespace {

using xt::echo_server;

constexpr int count = 20;

class XioLibzmqInterop : public ::testing::TestWithParam<std::string> {
protected:
    // Where a libzmq peer binds: tcp lets it pick the port.
    std::string peer_bind_address() {
        return GetParam() == "tcp" ? "tcp://127.0.0.1:*" : xt::address("ipc");
    }
};

INSTANTIATE_TEST_SUITE_P(Transports, XioLibzmqInterop, ::testing::Values("tcp", "ipc"),
                         [](const auto& info) { return info.param; });

void libzmq_client_calls_sp_rep(const std::string& transport, const char* role) {
    const std::string a = xt::address(transport);
    echo_server server;
    ASSERT_GE(sp_listen(server.eid(), a.c_str()), 0);
    server.start();
    interop::peer_process peer({role, a, std::to_string(count)});
    EXPECT_EQ(peer.line(), "PEER -");
    EXPECT_EQ(peer.line(), "OK");
    EXPECT_EQ(server.served(), count);
}

TEST_P(XioLibzmqInterop, LibzmqReqCallsSpRep) { libzmq_client_calls_sp_rep(GetParam(), "req"); }
TEST_P(XioLibzmqInterop, LibzmqDealerCallsSpRep) { libzmq_client_calls_sp_rep(GetParam(), "dealer"); }

void sp_req_calls_libzmq(const std::string& bind_address, const char* role) {
    interop::peer_process peer({role, bind_address, std::to_string(count)});
    const std::string first = peer.line();
    ASSERT_EQ(first.rfind("PEER ", 0), 0u) << first;
    const int client = xt::endpoint(SP_REQREP, SP_REQ);
    ASSERT_GE(sp_connect(client, first.substr(5).c_str()), 0) << strerror(errno);
    for (int i = 0; i < count; ++i)
        xt::round_trip(client, std::string(role) + " " + std::to_string(i));
    EXPECT_EQ(peer.wait(), 0);
    sp_close(client);
}

TEST_P(XioLibzmqInterop, SpReqCallsLibzmqRep) { sp_req_calls_libzmq(peer_bind_address(), "rep"); }
TEST_P(XioLibzmqInterop, SpReqCallsLibzmqRouter) { sp_req_calls_libzmq(peer_bind_address(), "router"); }

} // namespace
