// zmx and Debian's libzmq 4.3.4 talking over tcp: every pairing below runs
// with zmx binding and libzmq connecting, and the reverse. The libzmq side
// is a separate process (libzmq_peer.py); this process checks first that it
// runs on zmx's library.
#include "peer_process.hpp"
#include "zmq_test.hpp"

#include <dlfcn.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace {

using interop::peer_process;
using parts = std::vector<std::string>;

// The messages both sides use: multipart, empty, the short/long frame
// boundary (255/256 bytes), 1 MB.
std::vector<parts> test_messages() {
    return {{"hello", "world"},     {""}, {std::string(255, 'a')}, {std::string(256, 'b')},
            {std::string(1000000, 'c')}, {"x", "", std::string(300, 'y')}};
}

uint64_t fnv1a(uint64_t h, const std::string& data) {
    for (unsigned char byte : data)
        h = (h ^ byte) * 0x100000001B3ull;
    return h;
}

std::string digest_of(const std::vector<parts>& messages) {
    uint64_t h = 0xCBF29CE484222325ull;
    for (const auto& message : messages)
        for (const auto& part : message) {
            const uint32_t n = static_cast<uint32_t>(part.size());
            const std::string length{char(n >> 24), char(n >> 16), char(n >> 8), char(n)};
            h = fnv1a(fnv1a(h, length), part);
        }
    char text[32];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
    return std::to_string(messages.size()) + " " + text;
}

struct pairing {
    const char* name;
    int zmx_type;
    const char* peer_type;
    const char* peer_role;   // what libzmq does; zmx does the mirror role
    bool req_framing;        // a DEALER speaking to a REP/ROUTER-based server
};

struct interop_case {
    pairing p;
    bool zmx_binds;
};

std::string case_name(const ::testing::TestParamInfo<interop_case>& info) {
    return std::string(info.param.p.name) + (info.param.zmx_binds ? "_ZmxBinds" : "_LibzmqBinds");
}

class TcpInterop : public ::testing::TestWithParam<interop_case> {
protected:
    static void SetUpTestSuite() {
        Dl_info where{};
        ASSERT_NE(dladdr(reinterpret_cast<void*>(&zmq_version), &where), 0);
        ASSERT_NE(std::string(where.dli_fname).find(ZMX_LIBRARY_DIR), std::string::npos)
            << "this test must run on zmx, not " << where.dli_fname;
    }

    // Starts the peer and connects or binds our socket to meet it.
    void meet(peer_process*& peer, void* s) {
        const auto& c = GetParam();
        std::vector<std::string> args{c.p.peer_role, c.p.peer_type};
        if (c.zmx_binds) {
            zt::bind(s, "tcp://127.0.0.1:*");
            char endpoint[256];
            size_t size = sizeof endpoint;
            ASSERT_EQ(zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, endpoint, &size), 0);
            args.insert(args.end(), {"connect", endpoint});
        } else {
            args.insert(args.end(), {"bind", "tcp://127.0.0.1"});
        }
        if (c.p.req_framing)
            args.push_back("req-framing");
        peer = new peer_process(args);
        const std::string hello = peer->line();
        ASSERT_EQ(hello.rfind("PEER ", 0), 0u) << hello;
        if (!c.zmx_binds)
            zt::connect(s, ("tcp://127.0.0.1:" + hello.substr(5)).c_str());
    }

    zt::context ctx;
};

TEST_P(TcpInterop, Exchange) {
    const auto& c = GetParam();
    zt::socket s(ctx, c.p.zmx_type);
    peer_process* raw = nullptr;
    meet(raw, s);
    std::unique_ptr<peer_process> peer(raw);
    if (!peer)
        return;
    const std::string role = c.p.peer_role;
    const parts framing = c.p.req_framing ? parts{""} : parts{};
    auto framed = [&framing](parts message) {
        message.insert(message.begin(), framing.begin(), framing.end());
        return message;
    };

    if (role == "echo") {
        // zmx is the client: every message comes back whole.
        for (const auto& message : test_messages()) {
            zt::send_multipart(s, framed(message));
            EXPECT_EQ(zt::recv_multipart(s), framed(message));
        }
        zt::send_multipart(s, framed({"STOP"}));
        EXPECT_EQ(zt::recv_multipart(s), framed({"STOP"}));
    } else if (role == "client") {
        // zmx serves: echo until the client's STOP.
        for (;;) {
            const auto message = zt::recv_multipart(s);
            zt::send_multipart(s, message);
            if (message.back() == "STOP" || message.back().rfind("<", 0) == 0)
                break;
        }
        EXPECT_EQ(peer->line(), "OK");
    } else if (role == "sink") {
        for (const auto& message : test_messages())
            zt::send_multipart(s, message);
        zt::send_multipart(s, {"STOP"});
        EXPECT_EQ(peer->line(), "GOT " + digest_of(test_messages()));
    } else if (role == "source") {
        for (const auto& message : test_messages())
            EXPECT_EQ(zt::recv_multipart(s), message);
        EXPECT_EQ(zt::recv_multipart(s), parts{"STOP"});
    } else if (role == "publish") {
        // The peer is an XPUB: our subscription reaches it, then only
        // matching messages reach us.
        if (c.p.zmx_type == ZMQ_SUB)
            zt::set_bytes(s, ZMQ_SUBSCRIBE, "t");
        else
            zt::send_str(s, std::string("\x01t", 2));
        // Receiving is what lets our socket take in the new connection and
        // send the subscription (a socket acts inside its API calls).
        EXPECT_EQ(zt::recv_str(s), "t-kept");
        EXPECT_EQ(zt::recv_str(s), "t-kept");
        EXPECT_EQ(peer->line(), "SUBSCRIBED 0174");
        peer->close_stdin();
    } else if (role == "subscribe") {
        // We are an XPUB: wait for the peer's subscription, then publish
        // until it reports what it got.
        EXPECT_EQ(zt::recv_str(s), std::string("\x01t", 2));
        while (!peer->has_line(10)) {
            zt::send_str(s, "x-dropped");
            zt::send_str(s, "t-kept");
        }
        EXPECT_EQ(peer->line(), "FIRST t-kept");
    }
    EXPECT_EQ(peer->wait(), 0);
}

const pairing pairings[] = {
    {"ReqToRep", ZMQ_REQ, "REP", "echo", false},
    {"ReqToRouter", ZMQ_REQ, "ROUTER", "echo", false},
    {"DealerToRep", ZMQ_DEALER, "REP", "echo", true},
    {"DealerToRouter", ZMQ_DEALER, "ROUTER", "echo", false},
    {"DealerToDealer", ZMQ_DEALER, "DEALER", "echo", false},
    {"PairToPair", ZMQ_PAIR, "PAIR", "echo", false},
    {"RepServesReq", ZMQ_REP, "REQ", "client", false},
    {"RouterServesReq", ZMQ_ROUTER, "REQ", "client", false},
    {"RepServesDealer", ZMQ_REP, "DEALER", "client", true},
    {"RouterServesDealer", ZMQ_ROUTER, "DEALER", "client", false},
    {"DealerServesDealer", ZMQ_DEALER, "DEALER", "client", false},
    {"PairServesPair", ZMQ_PAIR, "PAIR", "client", false},
    {"PushToPull", ZMQ_PUSH, "PULL", "sink", false},
    {"PullFromPush", ZMQ_PULL, "PUSH", "source", false},
    {"SubFromXpub", ZMQ_SUB, "XPUB", "publish", false},
    {"XsubFromXpub", ZMQ_XSUB, "XPUB", "publish", false},
    {"XpubToSub", ZMQ_XPUB, "SUB", "subscribe", false},
};

std::vector<interop_case> all_cases() {
    std::vector<interop_case> cases;
    for (const auto& p : pairings)
        for (bool zmx_binds : {true, false})
            cases.push_back({p, zmx_binds});
    return cases;
}

INSTANTIATE_TEST_SUITE_P(Pairs, TcpInterop, ::testing::ValuesIn(all_cases()), case_name);

} // namespace
