// zmx and Debian's libzmq 4.3.4 in every socket pairing, over tcp, ipc and ws:
// each pairing runs with zmx binding and libzmq connecting, and the
// reverse. The libzmq side is a separate process (libzmq_peer.py).
#include "interop_fixture.hpp"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ostream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

namespace {

using interop::peer_process;
using interop::transport;
using parts = std::vector<std::string>;

// The messages both sides use: multipart, empty, the short/long frame
// boundary of ZMTP (255/256 bytes) and the 7/16/64-bit length boundaries
// of WebSocket (a ZWS payload is the body and one flags byte), 1 MB.
std::vector<parts> test_messages() {
    return {{"hello", "world"},          {""},
            {std::string(124, 'd')},     {std::string(125, 'e')},
            {std::string(126, 'f')},     {std::string(255, 'a')},
            {std::string(256, 'b')},     {std::string(65534, 'g')},
            {std::string(65535, 'h')},   {std::string(65536, 'i')},
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

// What goes before each payload when the client is not a REQ.
enum class framing {
    none,
    empty,   // a DEALER speaking to a REP/ROUTER-based server: REQ's delimiter
    router,  // ROUTER to ROUTER: the other side's routing id
};

struct pairing {
    const char* name;
    int zmx_type;
    const char* peer_type;
    const char* peer_role;  // what libzmq does; zmx does the mirror role
    framing frames;
};

struct interop_case {
    pairing p;
    transport via;
    bool zmx_binds;
};

// gtest prints the parameter in the test's listing (and ctest's name).
void PrintTo(const interop_case& c, std::ostream* out) {
    *out << "zmx " << (c.zmx_binds ? "binds" : "connects") << ", libzmq " << c.p.peer_type << " "
         << c.p.peer_role;
}

std::string case_name(const ::testing::TestParamInfo<interop_case>& info) {
    return std::string(interop::transport_name(info.param.via)) + "_" + info.param.p.name +
           (info.param.zmx_binds ? "_ZmxBinds" : "_LibzmqBinds");
}

// ROUTER to ROUTER: each side names itself, and the connecting one sets
// ZMQ_PROBE_ROUTER so that its first message (an empty one) tells the
// binder its id. The peer's echo sends zmx's probe back, and zmx echoes
// the peer's, so each side learns the other's id before anything else.
constexpr const char* zmx_router_id = "zmx-router";
constexpr const char* peer_router_id = "libzmq-router";

class Pairings : public ::testing::TestWithParam<interop_case> {
protected:
    static void SetUpTestSuite() { interop::expect_zmx_library(); }
    zt::context ctx;
};

TEST_P(Pairings, Exchange) {
    const auto& c = GetParam();
    const std::string role = c.p.peer_role;
    interop::endpoint_place place(c.via);
    zt::socket s(ctx, c.p.zmx_type);
    std::vector<std::string> options;
    parts framing;
    if (c.p.frames == framing::empty) {
        options.push_back("framing=empty");
        framing = {""};
    } else if (c.p.frames == framing::router) {
        zt::set_bytes(s, ZMQ_ROUTING_ID, zmx_router_id);
        options.push_back(std::string("routing_id=") + peer_router_id);
        if (c.zmx_binds)
            options.push_back("probe_router=1");
        else
            zt::set_int(s, ZMQ_PROBE_ROUTER, 1);
        if (role == "client")
            options.push_back("framing=probe");
        framing = {peer_router_id};
    }
    auto framed = [&framing](parts message) {
        message.insert(message.begin(), framing.begin(), framing.end());
        return message;
    };
    auto peer = interop::meet(s, place, c.zmx_binds, role, c.p.peer_type, options);
    if (!peer)
        return;

    if (role == "echo") {
        // zmx is the client: every message comes back whole.
        if (c.p.frames == framing::router) {
            // The probe: the peer's own (it connected) or ours echoed.
            EXPECT_EQ(zt::recv_multipart(s), (parts{peer_router_id, ""}));
        }
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
        // The peer publishes until told to stop: our subscription reaches
        // it, then only matching messages reach us.
        if (c.p.zmx_type == ZMQ_SUB)
            zt::set_bytes(s, ZMQ_SUBSCRIBE, "t");
        else
            zt::send_str(s, zt::subscription("t"));
        // Receiving is what lets our socket take in the new connection and
        // send the subscription (a socket acts inside its API calls).
        EXPECT_EQ(zt::recv_str(s), "t-kept");
        EXPECT_EQ(zt::recv_str(s), "t-kept");
        if (std::string(c.p.peer_type) == "XPUB") {
            EXPECT_EQ(peer->line(), "SUBSCRIBED 0174");
        }
        peer->close_stdin();
    } else if (role == "subscribe") {
        // An XPUB waits for the peer's subscription; a PUB cannot know.
        // Publish until the peer reports what it got.
        if (c.p.zmx_type == ZMQ_XPUB) {
            EXPECT_EQ(zt::recv_str(s), zt::subscription("t"));
        }
        while (!peer->has_line(10)) {
            zt::send_str(s, "x-dropped");
            zt::send_str(s, "t-kept");
        }
        EXPECT_EQ(peer->line(), "FIRST t-kept");
    }
    EXPECT_EQ(peer->wait(), 0);
}

const pairing pairings[] = {
    {"ReqToRep", ZMQ_REQ, "REP", "echo", framing::none},
    {"ReqToRouter", ZMQ_REQ, "ROUTER", "echo", framing::none},
    {"DealerToRep", ZMQ_DEALER, "REP", "echo", framing::empty},
    {"DealerToRouter", ZMQ_DEALER, "ROUTER", "echo", framing::none},
    {"DealerToDealer", ZMQ_DEALER, "DEALER", "echo", framing::none},
    {"RouterToRouter", ZMQ_ROUTER, "ROUTER", "echo", framing::router},
    {"PairToPair", ZMQ_PAIR, "PAIR", "echo", framing::none},
    {"RepServesReq", ZMQ_REP, "REQ", "client", framing::none},
    {"RouterServesReq", ZMQ_ROUTER, "REQ", "client", framing::none},
    {"RepServesDealer", ZMQ_REP, "DEALER", "client", framing::empty},
    {"RouterServesDealer", ZMQ_ROUTER, "DEALER", "client", framing::none},
    {"DealerServesDealer", ZMQ_DEALER, "DEALER", "client", framing::none},
    {"RouterServesRouter", ZMQ_ROUTER, "ROUTER", "client", framing::router},
    {"PairServesPair", ZMQ_PAIR, "PAIR", "client", framing::none},
    {"PushToPull", ZMQ_PUSH, "PULL", "sink", framing::none},
    {"PullFromPush", ZMQ_PULL, "PUSH", "source", framing::none},
    {"SubFromPub", ZMQ_SUB, "PUB", "publish", framing::none},
    {"SubFromXpub", ZMQ_SUB, "XPUB", "publish", framing::none},
    {"XsubFromPub", ZMQ_XSUB, "PUB", "publish", framing::none},
    {"XsubFromXpub", ZMQ_XSUB, "XPUB", "publish", framing::none},
    {"PubToSub", ZMQ_PUB, "SUB", "subscribe", framing::none},
    {"PubToXsub", ZMQ_PUB, "XSUB", "subscribe", framing::none},
    {"XpubToSub", ZMQ_XPUB, "SUB", "subscribe", framing::none},
    {"XpubToXsub", ZMQ_XPUB, "XSUB", "subscribe", framing::none},
};

std::vector<interop_case> all_cases() {
    std::vector<interop_case> cases;
    for (transport via : {transport::tcp, transport::ipc, transport::ws})
        for (const auto& p : pairings)
            for (bool zmx_binds : {true, false})
                cases.push_back({p, via, zmx_binds});
    return cases;
}

INSTANTIATE_TEST_SUITE_P(interop, Pairings, ::testing::ValuesIn(all_cases()), case_name);

// A slow reader over ws, each way and with either side binding: small
// kernel buffers on both sides cut every large frame into many reads and
// writes, and the reader pauses between messages so the writer's output
// backs up. Every message arrives whole (the decoder's unmasking resumes
// mid-frame at the right key position).
class SlowReaders : public ::testing::TestWithParam<std::tuple<bool, bool>> {
protected:
    static void SetUpTestSuite() { interop::expect_zmx_library(); }
    zt::context ctx;
};

TEST_P(SlowReaders, WsMessagesArriveWhole) {
    const auto [zmx_reads, zmx_binds] = GetParam();
    constexpr int small_buffer = 4096;
    constexpr int rounds = 3;
    interop::endpoint_place place(transport::ws);
    zt::socket s(ctx, zmx_reads ? ZMQ_PULL : ZMQ_PUSH);
    zt::set_int(s, ZMQ_SNDBUF, small_buffer);
    zt::set_int(s, ZMQ_RCVBUF, small_buffer);
    std::vector<std::string> options{"buffers=" + std::to_string(small_buffer)};
    if (!zmx_reads)
        options.push_back("slow=2");
    auto peer = interop::meet(s, place, zmx_binds, zmx_reads ? "source" : "sink", zmx_reads ? "PUSH" : "PULL",
                              options);
    if (!peer)
        return;
    std::vector<parts> sent;
    if (zmx_reads) {
        for (const auto& message : test_messages()) {
            EXPECT_EQ(zt::recv_multipart(s), message);
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        EXPECT_EQ(zt::recv_multipart(s), parts{"STOP"});
    } else {
        for (int round = 0; round < rounds; ++round)
            for (const auto& message : test_messages()) {
                zt::send_multipart(s, message);
                sent.push_back(message);
            }
        zt::send_multipart(s, {"STOP"});
        EXPECT_EQ(peer->line(), "GOT " + digest_of(sent));
    }
    EXPECT_EQ(peer->wait(), 0);
}

INSTANTIATE_TEST_SUITE_P(interop, SlowReaders, ::testing::Combine(::testing::Bool(), ::testing::Bool()),
                         [](const auto& info) {
                             return std::string(std::get<0>(info.param) ? "ZmxReads" : "LibzmqReads") +
                                    (std::get<1>(info.param) ? "_ZmxBinds" : "_LibzmqBinds");
                         });

}  // namespace
