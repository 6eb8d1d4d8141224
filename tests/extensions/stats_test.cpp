// zmx_socket_stats and zmx_peer_stats: each counter driven by the event it
// counts, over inproc, ipc, tcp and ws, and the struct's size rules.
#include "monitor_events_v2.hpp"
#include "stats_support.hpp"

#include <cstring>
#include <set>
#include <string>
#include <vector>

namespace {

class Stats : public ::testing::TestWithParam<std::string> {
protected:
    zt::context ctx;
    std::string transport() const { return GetParam(); }
    bool networked() const { return GetParam() != "inproc"; }
};

INSTANTIATE_TEST_SUITE_P(Transports, Stats, ::testing::Values("inproc", "ipc", "tcp", "ws"));

TEST_P(Stats, CountsMessagesAndBytesEachWay) {
    zt::socket pull(ctx, ZMQ_PULL);
    zt::socket push(ctx, ZMQ_PUSH);
    zt::connect(push, st::bind_any(pull, transport()).c_str());
    const std::string body(100, 'x');
    for (int i = 0; i < 50; ++i)
        zt::send_str(push, body);
    for (int i = 0; i < 50; ++i)
        ASSERT_EQ(zt::recv_str(pull), body);
    const struct zmx_socket_stats sent = st::stats_of(push);
    const struct zmx_socket_stats got = st::stats_of(pull);
    EXPECT_EQ(sent.msgs_sent, 50u);
    EXPECT_EQ(sent.bytes_sent, 5000u);
    EXPECT_EQ(got.msgs_received, 50u);
    EXPECT_EQ(got.bytes_received, 5000u);
    EXPECT_EQ(sent.peers_now, 1u);
    EXPECT_EQ(got.peers_total, 1u);
}

// The publisher counts exactly the messages its slow subscriber missed.
TEST_P(Stats, PubDropsExactlyWhatTheSlowSubDidNotGet) {
    zt::socket pub(ctx, ZMQ_PUB);
    zt::socket sub(ctx, ZMQ_SUB);
    for (void* s : {static_cast<void*>(pub), static_cast<void*>(sub)}) {
        zt::set_int(s, ZMQ_SNDHWM, 20);
        zt::set_int(s, ZMQ_RCVHWM, 20);
        zt::set_int(s, ZMQ_SNDBUF, 8192);
        zt::set_int(s, ZMQ_RCVBUF, 8192);
    }
    zt::set_bytes(sub, ZMQ_SUBSCRIBE, "");
    zt::connect(sub, st::bind_any(pub, transport()).c_str());
    ASSERT_TRUE(zt::publish_until_received(pub, sub, "probe"));
    const uint64_t before = st::stats_of(pub).dropped_hwm;
    constexpr int sent = 2000;
    const std::string body(1000, 'd');
    for (int i = 0; i < sent; ++i)
        zt::send_str(pub, body);
    // An end marker, sent again until it is not dropped itself: everything
    // before it is then received or dropped.
    int received = 0;
    uint64_t end_drops = 0;
    for (;;) {
        const uint64_t dropped = st::stats_of(pub).dropped_hwm;
        zt::send_str(pub, "end");
        if (st::stats_of(pub).dropped_hwm == dropped)
            break;
        ++end_drops;
        for (const std::string& m : zt::recv_all_now(sub))
            received += m == body ? 1 : 0;  // a late probe is no data
        zt::wait_readable(sub, 10);
    }
    for (std::string m = zt::recv_str(sub); m != "end"; m = zt::recv_str(sub)) {
        if (m == "probe")
            continue;  // one sent while the first was on its way
        ASSERT_EQ(m, body);
        ++received;
    }
    const uint64_t data_drops = st::stats_of(pub).dropped_hwm - before - end_drops;
    EXPECT_GT(data_drops, 0u);
    EXPECT_EQ(data_drops, static_cast<uint64_t>(sent - received));
}

TEST_P(Stats, RouterCountsOneUnroutable) {
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::socket dealer(ctx, ZMQ_DEALER);
    zmq_setsockopt(dealer, ZMQ_ROUTING_ID, "known", 5);
    zt::connect(dealer, st::bind_any(router, transport()).c_str());
    zt::send_str(dealer, "hello");
    ASSERT_EQ(zt::recv_multipart(router).size(), 2u);
    zt::send_multipart(router, {"unknown", "lost"});
    zt::send_multipart(router, {"known", "kept"});
    EXPECT_EQ(zt::recv_str(dealer), "kept");
    EXPECT_EQ(st::stats_of(router).dropped_unroutable, 1u);
    EXPECT_EQ(st::stats_of(router).dropped_hwm, 0u);
}

// A peer that goes with messages still queued for it: they are counted
// lost. Over inproc the count is exact; over a network the session may
// have taken some off the queue into its connection before it broke.
// Over the network the messages the puller's side can still take in after
// the sender's queue filled (its queue, its engine's one held message and
// the kernel's few KiB: a handful) leave the pusher's pipe and are not
// counted; a queue of 50 against a reader's 1 keeps most of them in it.
TEST_P(Stats, PeerKilledWithQueuedMessagesCountsThemLost) {
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_SNDHWM, 50);
    zt::set_int(push, ZMQ_SNDBUF, 4096);  // the connection holds little: the pipe the rest
    const std::string endpoint = st::bind_any(push, transport());
    int queued = 0;
    {
        zt::socket pull(ctx, ZMQ_PULL);
        zt::set_int(pull, ZMQ_RCVHWM, 1);
        zt::set_int(pull, ZMQ_RCVBUF, 4096);
        zt::connect(pull, endpoint.c_str());
        zt::send_str(push, "first");
        ASSERT_EQ(zt::recv_str(pull), "first");
        const std::string body(networked() ? 100000 : 10, 'q');
        while (zmq_send(push, body.data(), body.size(), ZMQ_DONTWAIT) >= 0)
            ++queued;
        ASSERT_GT(queued, 0);
    }
    ASSERT_TRUE(st::wait_stats(push, [](const struct zmx_socket_stats& s) { return s.peers_now == 0; }));
    const struct zmx_socket_stats after = st::stats_of(push);
    if (networked()) {
        EXPECT_GT(after.dropped_peer_lost, 0u);
        EXPECT_LE(after.dropped_peer_lost, static_cast<uint64_t>(queued));
    } else {
        EXPECT_EQ(after.dropped_peer_lost, static_cast<uint64_t>(queued));
    }
    EXPECT_EQ(after.peers_total, 1u);
    EXPECT_EQ(after.queued_out, 0u);
}

TEST_P(Stats, ConflateCountsTheReplacedMessages) {
    zt::socket pull(ctx, ZMQ_PULL);
    zt::set_int(pull, ZMQ_CONFLATE, 1);
    zt::socket push(ctx, ZMQ_PUSH);
    zt::connect(push, st::bind_any(pull, transport()).c_str());
    constexpr int sent = 10;
    for (int i = 1; i < sent; ++i)
        zt::send_str(push, "old");
    zt::send_str(push, "last");
    int received = 1;
    while (zt::recv_str(pull) != "last")
        ++received;
    EXPECT_EQ(st::stats_of(pull).dropped_conflated, static_cast<uint64_t>(sent - received));
    EXPECT_EQ(st::stats_of(push).dropped_conflated, 0u);  // it does not conflate
}

TEST_P(Stats, OversizeFramesAreCounted) {
    if (!networked())
        GTEST_SKIP() << "inproc has no decoder: ZMQ_MAXMSGSIZE applies to connections";
    zt::socket pull(ctx, ZMQ_PULL);
    const int64_t limit = 10;
    zmq_setsockopt(pull, ZMQ_MAXMSGSIZE, &limit, sizeof limit);
    tt::monitor_v2 watch(ctx, pull, ZMQ_EVENT_DISCONNECTED);
    zt::socket push(ctx, ZMQ_PUSH);
    zt::connect(push, st::bind_any(pull, transport()).c_str());
    zt::send_str(push, std::string(100, 'o'));
    ASSERT_TRUE(watch.wait_for(ZMQ_EVENT_DISCONNECTED).has_value());
    EXPECT_EQ(st::stats_of(pull).dropped_oversize, 1u);
}

TEST_P(Stats, ReconnectsAreCounted) {
    if (!networked())
        GTEST_SKIP() << "inproc connects at once";
    std::string endpoint;
    {
        zt::socket placeholder(ctx, ZMQ_PULL);
        endpoint = st::bind_any(placeholder, transport());
    }  // closed: nothing listens there now
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_RECONNECT_IVL, 10);
    tt::monitor_v2 watch(ctx, push, ZMQ_EVENT_CONNECT_RETRIED);
    zt::connect(push, endpoint.c_str());
    ASSERT_TRUE(watch.wait_for(ZMQ_EVENT_CONNECT_RETRIED).has_value());
    ASSERT_TRUE(watch.wait_for(ZMQ_EVENT_CONNECT_RETRIED).has_value());
    EXPECT_GE(st::stats_of(push).reconnects, 2u);
}

TEST_P(Stats, HandshakeFailuresAreCounted) {
    if (!networked())
        GTEST_SKIP() << "inproc has no handshake";
    zt::socket server(ctx, ZMQ_PULL);
    zt::set_int(server, ZMQ_PLAIN_SERVER, 1);  // a NULL client is refused
    constexpr uint64_t failed =
        ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL | ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL | ZMQ_EVENT_HANDSHAKE_FAILED_AUTH;
    tt::monitor_v2 watch(ctx, server, failed);
    zt::socket client(ctx, ZMQ_PUSH);
    zt::connect(client, st::bind_any(server, transport()).c_str());
    ASSERT_TRUE(watch.next().has_value());
    EXPECT_GE(st::stats_of(server).handshake_failures, 1u);
}

TEST_P(Stats, PeersComeAndGo) {
    zt::socket router(ctx, ZMQ_ROUTER);
    const std::string endpoint = st::bind_any(router, transport());
    zt::socket stays(ctx, ZMQ_DEALER);
    zmq_setsockopt(stays, ZMQ_ROUTING_ID, "a", 1);
    zt::connect(stays, endpoint.c_str());
    zt::send_str(stays, "one");
    {
        zt::socket leaves(ctx, ZMQ_DEALER);
        zmq_setsockopt(leaves, ZMQ_ROUTING_ID, "b", 1);
        zt::connect(leaves, endpoint.c_str());
        zt::send_str(leaves, "two");
        ASSERT_EQ(zt::recv_multipart(router).size(), 2u);
        ASSERT_EQ(zt::recv_multipart(router).size(), 2u);
        EXPECT_EQ(st::stats_of(router).peers_now, 2u);

        std::set<std::string> ids;
        struct zmx_peer_stats peer{};
        int count = 0;
        for (size_t i = 0; (count = zmx_peer_stats(router, i, &peer, sizeof peer)) > static_cast<int>(i); ++i) {
            ids.insert(std::string(reinterpret_cast<const char*>(peer.routing_id), peer.routing_id_size));
            EXPECT_EQ(peer.msgs_received, 1u);
            EXPECT_EQ(peer.bytes_received, 3u);
            if (networked()) {  // an inproc binder's pipes have no endpoint
                EXPECT_EQ(std::string(peer.endpoint), endpoint);
                EXPECT_NE(std::string(peer.remote_address), "");
            }
        }
        EXPECT_EQ(count, 2);
        EXPECT_EQ(ids, (std::set<std::string>{"a", "b"}));
    }
    ASSERT_TRUE(st::wait_stats(router, [](const struct zmx_socket_stats& s) { return s.peers_now == 1; }));
    const struct zmx_socket_stats after = st::stats_of(router);
    EXPECT_EQ(after.peers_total, 2u);
    EXPECT_EQ(after.msgs_received, 2u);  // the gone peer's message still counts
}

class StatsStruct : public ::testing::Test {
protected:
    zt::context ctx;
};

TEST_F(StatsStruct, BadSizesGiveEinval) {
    zt::socket s(ctx, ZMQ_PUB);
    struct zmx_socket_stats st{};
    ZT_EXPECT_ERRNO(zmx_socket_stats(s, &st, 0), EINVAL);
    ZT_EXPECT_ERRNO(zmx_socket_stats(s, &st, ZMX_SOCKET_STATS_MIN_SIZE - 1), EINVAL);
    ZT_EXPECT_ERRNO(zmx_socket_stats(s, &st, sizeof st + 1), EINVAL);
    ZT_EXPECT_ERRNO(zmx_socket_stats(s, nullptr, sizeof st), EFAULT);
    int not_a_socket = 0;
    ZT_EXPECT_ERRNO(zmx_socket_stats(&not_a_socket, &st, sizeof st), ENOTSOCK);
    struct zmx_peer_stats peer{};
    ZT_EXPECT_ERRNO(zmx_peer_stats(s, 0, &peer, ZMX_PEER_STATS_MIN_SIZE - 1), EINVAL);
    ZT_EXPECT_ERRNO(zmx_peer_stats(s, 0, &peer, sizeof peer + 1), EINVAL);
    EXPECT_EQ(zmx_peer_stats(s, 0, &peer, sizeof peer), 0);  // no peers
}

// A program built with the first zmx.h passes its smaller struct: it gets
// its fields, and nothing is written past them.
TEST_F(StatsStruct, SmallerStructGetsOnlyItsFields) {
    struct first_version {
        uint64_t msgs_sent, bytes_sent, msgs_received, bytes_received;
    };
    static_assert(sizeof(first_version) == ZMX_SOCKET_STATS_MIN_SIZE);
    struct {
        first_version fields;
        unsigned char beyond[64];
    } buffer;
    std::memset(&buffer, 0xab, sizeof buffer);
    zt::socket pull(ctx, ZMQ_PULL);
    zt::socket push(ctx, ZMQ_PUSH);
    zt::bind(pull, "inproc://stats-small");
    zt::connect(push, "inproc://stats-small");
    zt::send_str(push, "four");
    ASSERT_EQ(zt::recv_str(pull), "four");
    ASSERT_EQ(zmx_socket_stats(push, reinterpret_cast<struct zmx_socket_stats*>(&buffer), sizeof(first_version)), 0);
    EXPECT_EQ(buffer.fields.msgs_sent, 1u);
    EXPECT_EQ(buffer.fields.bytes_sent, 4u);
    EXPECT_EQ(buffer.fields.msgs_received, 0u);
    for (unsigned char byte : buffer.beyond)
        ASSERT_EQ(byte, 0xab);
}

}  // namespace
