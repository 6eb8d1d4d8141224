// User metadata across the wire: "X-" properties set with ZMQ_METADATA on
// one side travel in the handshake and come out of zmq_msg_gets on the
// other, next to the peer's Socket-Type. zmx REQ sets them and libzmq REP
// reads them, and the reverse, over tcp and ipc, each side binding in turn.
// A value keeps any colon after the first (the name ends at the first).
#define ZMQ_BUILD_DRAFT_API  // ZMQ_METADATA is a draft option in libzmq 4.3
#include "interop_fixture.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace {

using interop::transport;

struct metadata_case {
    bool zmx_sets;  // zmx announces the properties, libzmq reads them
    transport via;
    bool zmx_binds;
};

void PrintTo(const metadata_case& c, std::ostream* out) {
    *out << (c.zmx_sets ? "zmx sets, libzmq reads" : "libzmq sets, zmx reads")
         << (c.zmx_binds ? ", zmx binds" : ", zmx connects");
}

std::string case_name(const ::testing::TestParamInfo<metadata_case>& info) {
    const auto& c = info.param;
    return std::string(interop::transport_name(c.via)) + (c.zmx_sets ? "_ZmxSets" : "_LibzmqSets") +
           (c.zmx_binds ? "_ZmxBinds" : "_LibzmqBinds");
}

// A property of a received message, or "<none>".
std::string property_of(zmq_msg_t* msg, const char* name) {
    const char* value = zmq_msg_gets(msg, name);
    return value ? value : "<none>";
}

class Metadata : public ::testing::TestWithParam<metadata_case> {
protected:
    static void SetUpTestSuite() { interop::expect_zmx_library(); }
    zt::context ctx;
};

TEST_P(Metadata, TravelsInTheHandshake) {
    const auto& c = GetParam();
    interop::endpoint_place place(c.via);
    zt::socket s(ctx, ZMQ_REQ);
    if (c.zmx_sets) {
        zt::set_bytes(s, ZMQ_METADATA, "X-key:value");
        zt::set_bytes(s, ZMQ_METADATA, "X-Colon:a:b");
        auto peer = interop::meet(s, place, c.zmx_binds, "metadata-report", "REP");
        if (!peer)
            return;
        zt::send_str(s, "hello");
        EXPECT_EQ(zt::recv_str(s), "hello");
        EXPECT_EQ(peer->line(), "META value a:b REQ");
        EXPECT_EQ(peer->wait(), 0);
    } else {
        auto peer = interop::meet(s, place, c.zmx_binds, "echo", "REP", {"metadata=X-key:value,X-Colon:a:b"});
        if (!peer)
            return;
        zt::send_str(s, "STOP");
        zmq_msg_t reply;
        zmq_msg_init(&reply);
        ASSERT_EQ(zmq_msg_recv(&reply, s, 0), 4) << zmq_strerror(zmq_errno());
        EXPECT_EQ(property_of(&reply, "X-key"), "value");
        EXPECT_EQ(property_of(&reply, "X-Colon"), "a:b");
        EXPECT_EQ(property_of(&reply, "Socket-Type"), "REP");
        EXPECT_EQ(property_of(&reply, "X-absent"), "<none>");
        zmq_msg_close(&reply);
        EXPECT_EQ(peer->wait(), 0);
    }
}

std::vector<metadata_case> all_cases() {
    std::vector<metadata_case> cases;
    for (transport via : {transport::tcp, transport::ipc, transport::ws})
        for (bool zmx_sets : {true, false})
            for (bool zmx_binds : {true, false})
                cases.push_back({zmx_sets, via, zmx_binds});
    return cases;
}

INSTANTIATE_TEST_SUITE_P(interop, Metadata, ::testing::ValuesIn(all_cases()), case_name);

}  // namespace
