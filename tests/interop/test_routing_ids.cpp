// Routing ids across the wire: a DEALER that names itself with
// ZMQ_ROUTING_ID shows up under that name as the first frame at the ROUTER
// on the other side, which addresses its reply with it. zmx ROUTER with a
// libzmq DEALER and the reverse, over tcp and ipc, each side binding in
// turn; a short id and one of the longest allowed (255 bytes).
#include "interop_fixture.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace {

using interop::transport;
using parts = std::vector<std::string>;

struct routing_case {
    bool zmx_is_router;
    bool long_id;
    transport via;
    bool zmx_binds;
};

void PrintTo(const routing_case& c, std::ostream* out) {
    *out << "zmx " << (c.zmx_is_router ? "ROUTER" : "DEALER") << (c.zmx_binds ? " binds" : " connects")
         << (c.long_id ? ", a 255-byte id" : "");
}

std::string case_name(const ::testing::TestParamInfo<routing_case>& info) {
    const auto& c = info.param;
    return std::string(interop::transport_name(c.via)) + (c.zmx_is_router ? "_ZmxRouter" : "_ZmxDealer") +
           (c.long_id ? "LongId" : "") + (c.zmx_binds ? "_ZmxBinds" : "_LibzmqBinds");
}

class RoutingIds : public ::testing::TestWithParam<routing_case> {
protected:
    static void SetUpTestSuite() { interop::expect_zmx_library(); }
    zt::context ctx;
};

TEST_P(RoutingIds, NameTheDealer) {
    const auto& c = GetParam();
    interop::endpoint_place place(c.via);
    const std::string id = c.long_id ? std::string(255, 'i')
                                     : (c.zmx_is_router ? "libzmq-dealer" : "zmx-dealer");
    if (c.zmx_is_router) {
        zt::socket s(ctx, ZMQ_ROUTER);
        auto peer = interop::meet(s, place, c.zmx_binds, "dealer-hello", "DEALER", {"routing_id=" + id});
        if (!peer)
            return;
        EXPECT_EQ(zt::recv_multipart(s), (parts{id, "hello"}));
        zt::send_multipart(s, {id, "welcome"});
        EXPECT_EQ(peer->line(), "OK");
        EXPECT_EQ(peer->wait(), 0);
    } else {
        zt::socket s(ctx, ZMQ_DEALER);
        zt::set_bytes(s, ZMQ_ROUTING_ID, id);
        auto peer = interop::meet(s, place, c.zmx_binds, "router-hello", "ROUTER");
        if (!peer)
            return;
        zt::send_str(s, "hello");
        EXPECT_EQ(zt::recv_multipart(s), parts{"welcome"});
        EXPECT_EQ(peer->line(), "ID " + id + " hello");
        EXPECT_EQ(peer->wait(), 0);
    }
}

std::vector<routing_case> all_cases() {
    std::vector<routing_case> cases;
    for (transport via : {transport::tcp, transport::ipc, transport::ws})
        for (bool zmx_is_router : {true, false})
            for (bool long_id : {false, true})
                for (bool zmx_binds : {true, false})
                    cases.push_back({zmx_is_router, long_id, via, zmx_binds});
    return cases;
}

INSTANTIATE_TEST_SUITE_P(interop, RoutingIds, ::testing::ValuesIn(all_cases()), case_name);

}  // namespace
