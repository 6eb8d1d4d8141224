// Socket options through zmq_setsockopt/zmq_getsockopt: defaults, value
// types and sizes, round trips, and the EINVAL cases, as libzmq 4.3.4 has them.
#include "zmq_test.hpp"

#include <cstdint>
#include <cstring>
#include <string>

namespace {

using zt::raw_socket;


int try_set_int(void* s, int option, int value) {
    return zmq_setsockopt(s, option, &value, sizeof value);
}

int try_set_bytes(void* s, int option, std::string_view bytes) {
    return zmq_setsockopt(s, option, bytes.data(), bytes.size());
}

// Reads a binary option; returns its size, or -1 on error.
long get_bytes(void* s, int option, std::string& out) {
    char buffer[512];
    size_t size = sizeof buffer;
    if (zmq_getsockopt(s, option, buffer, &size) != 0)
        return -1;
    out.assign(buffer, size);
    return static_cast<long>(size);
}

class Options : public ::testing::Test {
protected:
    zt::context ctx;
};

TEST_F(Options, DefaultsOfAClassicSocket) {
    raw_socket s(ctx, ZMQ_DEALER);
    EXPECT_EQ(zt::get_int(s, ZMQ_TYPE), ZMQ_DEALER);
    EXPECT_EQ(zt::get_int(s, ZMQ_SNDHWM), 1000);
    EXPECT_EQ(zt::get_int(s, ZMQ_RCVHWM), 1000);
    EXPECT_EQ(zt::get_int(s, ZMQ_LINGER), -1);
    EXPECT_EQ(zt::get_int(s, ZMQ_RCVMORE), 0);
    EXPECT_EQ(zt::get_int(s, ZMQ_SNDTIMEO), -1);
    EXPECT_EQ(zt::get_int(s, ZMQ_RCVTIMEO), -1);
    EXPECT_EQ(zt::get_int(s, ZMQ_EVENTS), 0);
    EXPECT_EQ(zt::get_int(s, ZMQ_IMMEDIATE), 0);
    EXPECT_EQ(zt::get_int(s, ZMQ_CONFLATE), 0);
    EXPECT_EQ(zt::get_int(s, ZMQ_INVERT_MATCHING), 0);
    EXPECT_EQ(zt::get_int(s, ZMQ_THREAD_SAFE), 0);

    int64_t max_size = 0;
    size_t size = sizeof max_size;
    ASSERT_EQ(zmq_getsockopt(s, ZMQ_MAXMSGSIZE, &max_size, &size), 0);
    EXPECT_EQ(size, sizeof(int64_t));
    EXPECT_EQ(max_size, -1);
}

TEST_F(Options, TypeIsReportedForEveryClassicType) {
    for (int type : {ZMQ_PAIR, ZMQ_PUB, ZMQ_SUB, ZMQ_REQ, ZMQ_REP, ZMQ_DEALER, ZMQ_ROUTER,
                     ZMQ_PULL, ZMQ_PUSH, ZMQ_XPUB, ZMQ_XSUB, ZMQ_STREAM}) {
        raw_socket s(ctx, type);
        EXPECT_EQ(zt::get_int(s, ZMQ_TYPE), type);
        EXPECT_EQ(zt::get_int(s, ZMQ_THREAD_SAFE), 0) << "type " << type;
    }
}

TEST_F(Options, IntOptionsRoundTrip) {
    raw_socket s(ctx, ZMQ_DEALER);
    const std::pair<int, int> settings[] = {
        {ZMQ_SNDHWM, 7},    {ZMQ_RCVHWM, 0},   {ZMQ_LINGER, 250},   {ZMQ_SNDTIMEO, 12},
        {ZMQ_RCVTIMEO, 0},  {ZMQ_IMMEDIATE, 1}, {ZMQ_CONFLATE, 1},
    };
    for (auto [option, value] : settings) {
        ASSERT_EQ(try_set_int(s, option, value), 0) << "option " << option;
        EXPECT_EQ(zt::get_int(s, option), value) << "option " << option;
    }
    ASSERT_EQ(try_set_int(s, ZMQ_LINGER, -1), 0);
    EXPECT_EQ(zt::get_int(s, ZMQ_LINGER), -1);
    ASSERT_EQ(try_set_int(s, ZMQ_RCVTIMEO, -1), 0);
    EXPECT_EQ(zt::get_int(s, ZMQ_RCVTIMEO), -1);
}

TEST_F(Options, IntOptionsRejectOutOfRangeValues) {
    raw_socket s(ctx, ZMQ_DEALER);
    ZT_EXPECT_ERRNO(try_set_int(s, ZMQ_SNDHWM, -1), EINVAL);
    ZT_EXPECT_ERRNO(try_set_int(s, ZMQ_RCVHWM, -1), EINVAL);
    ZT_EXPECT_ERRNO(try_set_int(s, ZMQ_LINGER, -2), EINVAL);
    ZT_EXPECT_ERRNO(try_set_int(s, ZMQ_RCVTIMEO, -2), EINVAL);
    ZT_EXPECT_ERRNO(try_set_int(s, ZMQ_SNDTIMEO, -2), EINVAL);
    // Boolean options take exactly 0 or 1.
    ZT_EXPECT_ERRNO(try_set_int(s, ZMQ_IMMEDIATE, 2), EINVAL);
    ZT_EXPECT_ERRNO(try_set_int(s, ZMQ_IMMEDIATE, -1), EINVAL);
    ZT_EXPECT_ERRNO(try_set_int(s, ZMQ_CONFLATE, 2), EINVAL);
    EXPECT_EQ(zt::get_int(s, ZMQ_SNDHWM), 1000);
    EXPECT_EQ(zt::get_int(s, ZMQ_LINGER), -1);
}

// The multicast options exist on every socket, whatever its transports.
TEST_F(Options, MulticastRateAndRecoveryIntervalAreKept) {
    raw_socket s(ctx, ZMQ_PUB);
    EXPECT_EQ(zt::get_int(s, ZMQ_RATE), 100);
    EXPECT_EQ(zt::get_int(s, ZMQ_RECOVERY_IVL), 10000);
    ASSERT_EQ(try_set_int(s, ZMQ_RATE, 500), 0);
    EXPECT_EQ(zt::get_int(s, ZMQ_RATE), 500);
    ASSERT_EQ(try_set_int(s, ZMQ_RECOVERY_IVL, 0), 0);
    EXPECT_EQ(zt::get_int(s, ZMQ_RECOVERY_IVL), 0);
    ZT_EXPECT_ERRNO(try_set_int(s, ZMQ_RATE, 0), EINVAL);
    ZT_EXPECT_ERRNO(try_set_int(s, ZMQ_RECOVERY_IVL, -1), EINVAL);
}

TEST_F(Options, MulticastHopsAndMaxTpduAreKept) {
    raw_socket s(ctx, ZMQ_PUB);
    EXPECT_EQ(zt::get_int(s, ZMQ_MULTICAST_HOPS), 1);
    EXPECT_EQ(zt::get_int(s, ZMQ_MULTICAST_MAXTPDU), 1500);
    ASSERT_EQ(try_set_int(s, ZMQ_MULTICAST_HOPS, 8), 0);
    EXPECT_EQ(zt::get_int(s, ZMQ_MULTICAST_HOPS), 8);
    ASSERT_EQ(try_set_int(s, ZMQ_MULTICAST_MAXTPDU, 9000), 0);
    EXPECT_EQ(zt::get_int(s, ZMQ_MULTICAST_MAXTPDU), 9000);
    ZT_EXPECT_ERRNO(try_set_int(s, ZMQ_MULTICAST_HOPS, 0), EINVAL);
    ZT_EXPECT_ERRNO(try_set_int(s, ZMQ_MULTICAST_MAXTPDU, 0), EINVAL);
}

// Which I/O threads may serve the socket's connections: a bit mask, kept
// and reported (zmx spreads connections over its threads in turn).
TEST_F(Options, AffinityIsAnUint64) {
    raw_socket s(ctx, ZMQ_DEALER);
    uint64_t mask = 0;
    size_t size = sizeof mask;
    ASSERT_EQ(zmq_getsockopt(s, ZMQ_AFFINITY, &mask, &size), 0);
    EXPECT_EQ(mask, 0u);
    mask = 0x8000000000000003u;
    ASSERT_EQ(zmq_setsockopt(s, ZMQ_AFFINITY, &mask, sizeof mask), 0);
    uint64_t read_back = 0;
    ASSERT_EQ(zmq_getsockopt(s, ZMQ_AFFINITY, &read_back, &size), 0);
    EXPECT_EQ(read_back, mask);
    int as_int = 1;
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_AFFINITY, &as_int, sizeof as_int), EINVAL);
    size = sizeof as_int;
    ZT_EXPECT_ERRNO(zmq_getsockopt(s, ZMQ_AFFINITY, &as_int, &size), EINVAL);
}

TEST_F(Options, MaxMsgSizeIsAnInt64) {
    raw_socket s(ctx, ZMQ_DEALER);
    int64_t limit = 1 << 20;
    ASSERT_EQ(zmq_setsockopt(s, ZMQ_MAXMSGSIZE, &limit, sizeof limit), 0);
    int64_t read_back = 0;
    size_t size = sizeof read_back;
    ASSERT_EQ(zmq_getsockopt(s, ZMQ_MAXMSGSIZE, &read_back, &size), 0);
    EXPECT_EQ(read_back, limit);

    int as_int = 5;
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_MAXMSGSIZE, &as_int, sizeof as_int), EINVAL);
    size = sizeof as_int;
    ZT_EXPECT_ERRNO(zmq_getsockopt(s, ZMQ_MAXMSGSIZE, &as_int, &size), EINVAL);
}

TEST_F(Options, WrongValueSizeIsRejected) {
    raw_socket s(ctx, ZMQ_DEALER);
    int64_t wide = 5;
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_SNDHWM, &wide, sizeof wide), EINVAL);
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_SNDHWM, &wide, 2), EINVAL);
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_SNDHWM, &wide, 0), EINVAL);
    EXPECT_EQ(zt::get_int(s, ZMQ_SNDHWM), 1000);
}

TEST_F(Options, GetWithTooSmallBufferIsRejected) {
    raw_socket s(ctx, ZMQ_DEALER);
    char small = 0;
    size_t size = sizeof small;
    ZT_EXPECT_ERRNO(zmq_getsockopt(s, ZMQ_SNDHWM, &small, &size), EINVAL);
    size = sizeof small;
    ZT_EXPECT_ERRNO(zmq_getsockopt(s, ZMQ_RCVMORE, &small, &size), EINVAL);
    size = sizeof small;
    ZT_EXPECT_ERRNO(zmq_getsockopt(s, ZMQ_FD, &small, &size), EINVAL);
}

// Most int options want exactly sizeof(int); RCVMORE, EVENTS, FD and
// THREAD_SAFE accept a larger buffer and report the size they wrote.
TEST_F(Options, IntGetSizeRules) {
    raw_socket s(ctx, ZMQ_DEALER);
    int64_t wide = 0;
    size_t size = sizeof wide;
    ZT_EXPECT_ERRNO(zmq_getsockopt(s, ZMQ_SNDHWM, &wide, &size), EINVAL);
    for (int option : {ZMQ_RCVMORE, ZMQ_EVENTS, ZMQ_FD, ZMQ_THREAD_SAFE}) {
        size = sizeof wide;
        EXPECT_EQ(zmq_getsockopt(s, option, &wide, &size), 0) << "option " << option;
        EXPECT_EQ(size, sizeof(int)) << "option " << option;
    }
}

// Where a larger buffer is taken, libzmq zero-fills the bytes past the value:
// a program reading ZMQ_RCVMORE into an int64_t gets 0 or 1, not garbage.
TEST_F(Options, LargerBuffersAreZeroFilledPastTheValue) {
    zt::socket a(ctx, ZMQ_PAIR), b(ctx, ZMQ_PAIR);
    zt::bind(a, "inproc://zero-fill");
    zt::connect(b, "inproc://zero-fill");
    zt::send_multipart(a, {"first", "last"});
    ASSERT_EQ(zt::recv_str(b), "first");
    for (int option : {ZMQ_RCVMORE, ZMQ_EVENTS, ZMQ_THREAD_SAFE}) {
        int64_t wide = -1;
        size_t size = sizeof wide;
        ASSERT_EQ(zmq_getsockopt(b, option, &wide, &size), 0) << "option " << option;
        EXPECT_EQ(size, sizeof(int)) << "option " << option;
        EXPECT_EQ(wide, zt::get_int(b, option)) << "option " << option;
    }
    zt::set_bytes(b, ZMQ_ROUTING_ID, "id");
    char id[8] = "zzzzzzz";
    size_t id_size = sizeof id;
    ASSERT_EQ(zmq_getsockopt(b, ZMQ_ROUTING_ID, id, &id_size), 0);
    EXPECT_EQ(id_size, 2u);
    EXPECT_EQ(std::string(id, sizeof id), std::string("id").append(6, '\0'));
    char endpoint[64];
    std::memset(endpoint, 'z', sizeof endpoint);
    size_t size = sizeof endpoint;
    ASSERT_EQ(zmq_getsockopt(b, ZMQ_LAST_ENDPOINT, endpoint, &size), 0);
    EXPECT_EQ(size, sizeof "inproc://zero-fill");
    EXPECT_EQ(std::string(endpoint, sizeof endpoint), std::string("inproc://zero-fill").append(64 - 18, '\0'));
}

TEST_F(Options, ReadOnlyOptionsCannotBeSet) {
    raw_socket s(ctx, ZMQ_DEALER);
    for (int option : {ZMQ_TYPE, ZMQ_RCVMORE, ZMQ_EVENTS, ZMQ_FD, ZMQ_THREAD_SAFE,
                       ZMQ_LAST_ENDPOINT, ZMQ_MECHANISM}) {
        ZT_EXPECT_ERRNO(try_set_int(s, option, 1), EINVAL);
    }
}

TEST_F(Options, UnknownOptionIsRejected) {
    raw_socket s(ctx, ZMQ_DEALER);
    for (int option : {-1, 0, 9999}) {
        ZT_EXPECT_ERRNO(try_set_int(s, option, 1), EINVAL);
        int value = 0;
        size_t size = sizeof value;
        ZT_EXPECT_ERRNO(zmq_getsockopt(s, option, &value, &size), EINVAL);
    }
}

TEST_F(Options, FdIsAPollableDescriptor) {
    raw_socket s(ctx, ZMQ_PULL);
    zmq_fd_t fd = -1;
    size_t size = sizeof fd;
    ASSERT_EQ(zmq_getsockopt(s, ZMQ_FD, &fd, &size), 0);
    EXPECT_EQ(size, sizeof(zmq_fd_t));
    EXPECT_GE(fd, 0);
}

TEST_F(Options, EventsReflectsPipes) {
    raw_socket push(ctx, ZMQ_PUSH);
    raw_socket pull(ctx, ZMQ_PULL);
    EXPECT_EQ(zt::get_int(push, ZMQ_EVENTS), 0);  // no peer yet: cannot send
    EXPECT_EQ(zt::get_int(pull, ZMQ_EVENTS), 0);
    zt::bind(pull, "inproc://events");
    zt::connect(push, "inproc://events");
    EXPECT_EQ(zt::get_int(push, ZMQ_EVENTS), ZMQ_POLLOUT);
    zt::send_str(push, "x");
    zmq_pollitem_t item = {pull, 0, ZMQ_POLLIN, 0};
    ASSERT_EQ(zmq_poll(&item, 1, zt::safety_timeout_ms), 1);
    EXPECT_EQ(zt::get_int(pull, ZMQ_EVENTS), ZMQ_POLLIN);
}

TEST_F(Options, SocketsWithoutPeersThatAlwaysAcceptSendsReportPollout) {
    raw_socket router(ctx, ZMQ_ROUTER);
    raw_socket xpub(ctx, ZMQ_XPUB);
    raw_socket pub(ctx, ZMQ_PUB);
    EXPECT_EQ(zt::get_int(router, ZMQ_EVENTS), ZMQ_POLLOUT);
    EXPECT_EQ(zt::get_int(xpub, ZMQ_EVENTS), ZMQ_POLLOUT);
    EXPECT_EQ(zt::get_int(pub, ZMQ_EVENTS), ZMQ_POLLOUT);
}

TEST_F(Options, RoutingIdIsOneTo255Bytes) {
    raw_socket s(ctx, ZMQ_DEALER);
    std::string id;
    EXPECT_EQ(get_bytes(s, ZMQ_ROUTING_ID, id), 0);  // default: empty

    const std::string longest(255, 'r');
    ASSERT_EQ(try_set_bytes(s, ZMQ_ROUTING_ID, longest), 0);
    EXPECT_EQ(get_bytes(s, ZMQ_ROUTING_ID, id), 255);
    EXPECT_EQ(id, longest);

    ZT_EXPECT_ERRNO(try_set_bytes(s, ZMQ_ROUTING_ID, std::string(256, 'r')), EINVAL);
    ZT_EXPECT_ERRNO(try_set_bytes(s, ZMQ_ROUTING_ID, ""), EINVAL);
    EXPECT_EQ(get_bytes(s, ZMQ_ROUTING_ID, id), 255);

    // A leading zero byte is accepted (4.3 no longer reserves it at set time).
    const std::string binary("\0abc", 4);
    ASSERT_EQ(try_set_bytes(s, ZMQ_ROUTING_ID, binary), 0);
    EXPECT_EQ(get_bytes(s, ZMQ_ROUTING_ID, id), 4);
    EXPECT_EQ(id, binary);

    char small[2];
    size_t size = sizeof small;
    ZT_EXPECT_ERRNO(zmq_getsockopt(s, ZMQ_ROUTING_ID, small, &size), EINVAL);
}

TEST_F(Options, RoutingIdIsSeenByTheRouter) {
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::socket dealer(ctx, ZMQ_DEALER);
    ASSERT_EQ(try_set_bytes(dealer, ZMQ_ROUTING_ID, "dealer-7"), 0);
    zt::bind(router, "inproc://routing-id");
    zt::connect(dealer, "inproc://routing-id");
    zt::send_str(dealer, "hello");
    EXPECT_EQ(zt::recv_multipart(router), (std::vector<std::string>{"dealer-7", "hello"}));
}

TEST_F(Options, ConnectRoutingIdNamesThePeerOfTheNextConnect) {
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::socket peer(ctx, ZMQ_ROUTER);
    zt::bind(peer, "inproc://connect-routing-id");
    ZT_EXPECT_ERRNO(try_set_bytes(router, ZMQ_CONNECT_ROUTING_ID, ""), EINVAL);
    ASSERT_EQ(try_set_bytes(router, ZMQ_CONNECT_ROUTING_ID, "alias"), 0);
    zt::connect(router, "inproc://connect-routing-id");
    // Sent to the alias, ROUTER_MANDATORY proves the name is known at once.
    zt::set_int(router, ZMQ_ROUTER_MANDATORY, 1);
    zt::send_multipart(router, {"alias", "ping"});
    std::vector<std::string> got = zt::recv_multipart(peer);
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[1], "ping");
}

TEST_F(Options, ConnectRoutingIdIsOnlyForRouterAndStream) {
    raw_socket stream(ctx, ZMQ_STREAM);
    EXPECT_EQ(try_set_bytes(stream, ZMQ_CONNECT_ROUTING_ID, "ab"), 0);
    for (int type : {ZMQ_DEALER, ZMQ_PUSH, ZMQ_REQ, ZMQ_SUB, ZMQ_XPUB}) {
        raw_socket s(ctx, type);
        ZT_EXPECT_ERRNO(try_set_bytes(s, ZMQ_CONNECT_ROUTING_ID, "ab"), EINVAL);
    }
    raw_socket router(ctx, ZMQ_ROUTER);
    char value[8];
    size_t size = sizeof value;
    ZT_EXPECT_ERRNO(zmq_getsockopt(router, ZMQ_CONNECT_ROUTING_ID, value, &size), EINVAL);
}

TEST_F(Options, LastEndpointIsANulTerminatedString) {
    raw_socket s(ctx, ZMQ_PULL);
    char buffer[256];
    size_t size = sizeof buffer;
    ASSERT_EQ(zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, buffer, &size), 0);
    EXPECT_EQ(size, 1u);  // no endpoint yet: just the NUL
    EXPECT_EQ(buffer[0], '\0');

    zt::bind(s, "tcp://127.0.0.1:*");
    size = sizeof buffer;
    ASSERT_EQ(zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, buffer, &size), 0);
    const std::string endpoint(buffer);
    EXPECT_EQ(size, endpoint.size() + 1);
    EXPECT_EQ(endpoint.rfind("tcp://127.0.0.1:", 0), 0u) << endpoint;
    EXPECT_NE(endpoint.back(), '*');  // the wildcard port is resolved

    size_t exact = endpoint.size() + 1;
    size_t too_small = endpoint.size();
    ZT_EXPECT_ERRNO(zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, buffer, &too_small), EINVAL);
    EXPECT_EQ(zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, buffer, &exact), 0);

    zt::bind(s, "inproc://last-endpoint");
    size = sizeof buffer;
    ASSERT_EQ(zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, buffer, &size), 0);
    EXPECT_STREQ(buffer, "inproc://last-endpoint");
    EXPECT_EQ(size, std::strlen("inproc://last-endpoint") + 1);
}

TEST_F(Options, ConflatedPullKeepsOnlyTheLastMessage) {
    zt::socket push(ctx, ZMQ_PUSH);
    zt::socket pull(ctx, ZMQ_PULL);
    // Over inproc the connecting side's options shape the pipe, so the
    // conflating PULL is the one that connects.
    zt::set_int(pull, ZMQ_CONFLATE, 1);
    zt::bind(push, "inproc://conflate");
    zt::connect(pull, "inproc://conflate");
    zmq_pollitem_t writable = {push, 0, ZMQ_POLLOUT, 0};
    ASSERT_EQ(zmq_poll(&writable, 1, zt::safety_timeout_ms), 1);
    for (const char* text : {"1", "2", "3"})
        zt::send_str(push, text);
    EXPECT_EQ(zt::recv_str(pull), "3");
    char buffer[8];
    ZT_EXPECT_ERRNO(zmq_recv(pull, buffer, sizeof buffer, ZMQ_DONTWAIT), EAGAIN);
}

TEST_F(Options, RouterOptionsAreWriteOnlyAndTypeSpecific) {
    raw_socket router(ctx, ZMQ_ROUTER);
    for (int option : {ZMQ_ROUTER_MANDATORY, ZMQ_ROUTER_HANDOVER, ZMQ_PROBE_ROUTER}) {
        EXPECT_EQ(try_set_int(router, option, 1), 0) << "option " << option;
        EXPECT_EQ(try_set_int(router, option, 0), 0) << "option " << option;
        ZT_EXPECT_ERRNO(try_set_int(router, option, -1), EINVAL);
        int value = 0;
        size_t size = sizeof value;
        ZT_EXPECT_ERRNO(zmq_getsockopt(router, option, &value, &size), EINVAL);
    }
    int64_t wide = 1;
    ZT_EXPECT_ERRNO(zmq_setsockopt(router, ZMQ_ROUTER_MANDATORY, &wide, sizeof wide), EINVAL);

    raw_socket push(ctx, ZMQ_PUSH);
    ZT_EXPECT_ERRNO(try_set_int(push, ZMQ_ROUTER_MANDATORY, 1), EINVAL);
    ZT_EXPECT_ERRNO(try_set_int(push, ZMQ_ROUTER_HANDOVER, 1), EINVAL);
    ZT_EXPECT_ERRNO(try_set_int(push, ZMQ_PROBE_ROUTER, 1), EINVAL);
    raw_socket dealer(ctx, ZMQ_DEALER);
    EXPECT_EQ(try_set_int(dealer, ZMQ_PROBE_ROUTER, 1), 0);
    raw_socket req(ctx, ZMQ_REQ);
    EXPECT_EQ(try_set_int(req, ZMQ_PROBE_ROUTER, 1), 0);
}

TEST_F(Options, RouterMandatoryReportsUnknownPeers) {
    raw_socket router(ctx, ZMQ_ROUTER);
    EXPECT_EQ(zmq_send(router, "nobody", 6, ZMQ_SNDMORE), 6);  // silently dropped
    EXPECT_EQ(zmq_send(router, "body", 4, 0), 4);
    ASSERT_EQ(try_set_int(router, ZMQ_ROUTER_MANDATORY, 1), 0);
    ZT_EXPECT_ERRNO(zmq_send(router, "nobody", 6, ZMQ_SNDMORE), EHOSTUNREACH);
    ZT_EXPECT_ERRNO(zmq_send(router, "nobody", 6, ZMQ_SNDMORE | ZMQ_DONTWAIT), EHOSTUNREACH);
}

TEST_F(Options, ReqOptionsAreWriteOnlyAndReqOnly) {
    raw_socket req(ctx, ZMQ_REQ);
    for (int option : {ZMQ_REQ_CORRELATE, ZMQ_REQ_RELAXED}) {
        EXPECT_EQ(try_set_int(req, option, 1), 0);
        int value = 0;
        size_t size = sizeof value;
        ZT_EXPECT_ERRNO(zmq_getsockopt(req, option, &value, &size), EINVAL);
    }
    for (int type : {ZMQ_DEALER, ZMQ_REP, ZMQ_ROUTER}) {
        raw_socket s(ctx, type);
        ZT_EXPECT_ERRNO(try_set_int(s, ZMQ_REQ_CORRELATE, 1), EINVAL);
        ZT_EXPECT_ERRNO(try_set_int(s, ZMQ_REQ_RELAXED, 1), EINVAL);
    }
}

TEST_F(Options, XpubOptionsAreWriteOnlyAndXpubOnly) {
    raw_socket xpub(ctx, ZMQ_XPUB);
    for (int option : {ZMQ_XPUB_VERBOSE, ZMQ_XPUB_VERBOSER, ZMQ_XPUB_NODROP, ZMQ_XPUB_MANUAL}) {
        EXPECT_EQ(try_set_int(xpub, option, 1), 0) << "option " << option;
        EXPECT_EQ(try_set_int(xpub, option, 0), 0) << "option " << option;
        int value = 0;
        size_t size = sizeof value;
        ZT_EXPECT_ERRNO(zmq_getsockopt(xpub, option, &value, &size), EINVAL);
    }
    EXPECT_EQ(try_set_bytes(xpub, ZMQ_XPUB_WELCOME_MSG, "welcome"), 0);
    EXPECT_EQ(try_set_bytes(xpub, ZMQ_XPUB_WELCOME_MSG, ""), 0);

    // PUB is an XPUB that drops subscriptions: it takes the XPUB options.
    raw_socket pub(ctx, ZMQ_PUB);
    EXPECT_EQ(try_set_int(pub, ZMQ_XPUB_NODROP, 1), 0);
    for (int type : {ZMQ_SUB, ZMQ_DEALER}) {
        raw_socket s(ctx, type);
        ZT_EXPECT_ERRNO(try_set_int(s, ZMQ_XPUB_VERBOSE, 1), EINVAL);
        ZT_EXPECT_ERRNO(try_set_int(s, ZMQ_XPUB_NODROP, 1), EINVAL);
        ZT_EXPECT_ERRNO(try_set_bytes(s, ZMQ_XPUB_WELCOME_MSG, "hi"), EINVAL);
    }
}

TEST_F(Options, XpubWelcomeMessageReachesANewSubscriber) {
    zt::socket xpub(ctx, ZMQ_XPUB);
    zt::socket sub(ctx, ZMQ_SUB);
    ASSERT_EQ(try_set_bytes(xpub, ZMQ_XPUB_WELCOME_MSG, "W"), 0);
    zt::bind(xpub, "inproc://welcome");
    ASSERT_EQ(try_set_bytes(sub, ZMQ_SUBSCRIBE, "W"), 0);
    zt::connect(sub, "inproc://welcome");
    // The XPUB greets the pipe when it takes it in, which its recv does.
    EXPECT_EQ(zt::recv_str(xpub), std::string("\1W", 2));  // the subscription
    EXPECT_EQ(zt::recv_str(sub), "W");
}

TEST_F(Options, SubscribeIsOnlyForSubscribers) {
    raw_socket sub(ctx, ZMQ_SUB);
    EXPECT_EQ(try_set_bytes(sub, ZMQ_SUBSCRIBE, ""), 0);
    EXPECT_EQ(try_set_bytes(sub, ZMQ_SUBSCRIBE, "topic"), 0);
    EXPECT_EQ(try_set_bytes(sub, ZMQ_UNSUBSCRIBE, "never-subscribed"), 0);
    char value[8];
    size_t size = sizeof value;
    ZT_EXPECT_ERRNO(zmq_getsockopt(sub, ZMQ_SUBSCRIBE, value, &size), EINVAL);

    for (int type : {ZMQ_PUSH, ZMQ_PUB, ZMQ_DEALER, ZMQ_XPUB}) {
        raw_socket s(ctx, type);
        ZT_EXPECT_ERRNO(try_set_bytes(s, ZMQ_SUBSCRIBE, "a"), EINVAL);
        ZT_EXPECT_ERRNO(try_set_bytes(s, ZMQ_UNSUBSCRIBE, "a"), EINVAL);
    }
}

TEST_F(Options, InvertMatchingRoundTrips) {
    raw_socket sub(ctx, ZMQ_SUB);
    ASSERT_EQ(try_set_int(sub, ZMQ_INVERT_MATCHING, 1), 0);
    EXPECT_EQ(zt::get_int(sub, ZMQ_INVERT_MATCHING), 1);
}

TEST_F(Options, RcvmoreFollowsMultipartMessages) {
    zt::socket a(ctx, ZMQ_PAIR);
    zt::socket b(ctx, ZMQ_PAIR);
    zt::bind(a, "inproc://rcvmore");
    zt::connect(b, "inproc://rcvmore");
    zt::send_multipart(a, {"one", "two"});
    EXPECT_EQ(zt::recv_str(b), "one");
    EXPECT_EQ(zt::get_int(b, ZMQ_RCVMORE), 1);
    EXPECT_EQ(zt::recv_str(b), "two");
    EXPECT_EQ(zt::get_int(b, ZMQ_RCVMORE), 0);
}

} // namespace
