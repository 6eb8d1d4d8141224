// The on/off socket options and the values libzmq 4.3.4 takes for each:
// some want exactly 0 or 1, some any value >= 0, one any int at all. A
// value other than 0 means on.
#include "zmq_test.hpp"

#include <vector>

namespace {

enum class accepts { zero_or_one, non_negative, any_int };

struct boolean_option {
    int type;
    int option;
    accepts values;
};

const std::vector<boolean_option> boolean_options = {
    {ZMQ_DEALER, ZMQ_IMMEDIATE, accepts::zero_or_one},
    {ZMQ_DEALER, ZMQ_CONFLATE, accepts::zero_or_one},
    {ZMQ_DEALER, ZMQ_IPV6, accepts::zero_or_one},
    {ZMQ_DEALER, ZMQ_IPV4ONLY, accepts::zero_or_one},
    {ZMQ_STREAM, ZMQ_STREAM_NOTIFY, accepts::zero_or_one},
    {ZMQ_SUB, ZMQ_INVERT_MATCHING, accepts::any_int},
    {ZMQ_ROUTER, ZMQ_ROUTER_MANDATORY, accepts::non_negative},
    {ZMQ_ROUTER, ZMQ_ROUTER_HANDOVER, accepts::non_negative},
    {ZMQ_ROUTER, ZMQ_PROBE_ROUTER, accepts::non_negative},
    {ZMQ_DEALER, ZMQ_PROBE_ROUTER, accepts::non_negative},
    {ZMQ_REQ, ZMQ_PROBE_ROUTER, accepts::non_negative},
    {ZMQ_REQ, ZMQ_REQ_CORRELATE, accepts::non_negative},
    {ZMQ_REQ, ZMQ_REQ_RELAXED, accepts::non_negative},
    {ZMQ_XPUB, ZMQ_XPUB_VERBOSE, accepts::non_negative},
    {ZMQ_XPUB, ZMQ_XPUB_VERBOSER, accepts::non_negative},
    {ZMQ_XPUB, ZMQ_XPUB_NODROP, accepts::non_negative},
    {ZMQ_XPUB, ZMQ_XPUB_MANUAL, accepts::non_negative},
    {ZMQ_PUB, ZMQ_XPUB_NODROP, accepts::non_negative},
};

bool takes(accepts values, int value) {
    switch (values) {
    case accepts::zero_or_one: return value == 0 || value == 1;
    case accepts::non_negative: return value >= 0;
    case accepts::any_int: return true;
    }
    return false;
}

TEST(BooleanOptions, EachTakesTheValuesLibzmqTakes) {
    zt::context ctx;
    for (const auto& [type, option, values] : boolean_options) {
        zt::socket s(ctx, type);
        for (int value : {0, 1, 2, 7, -1, -2}) {
            errno = 0;
            const int rc = zmq_setsockopt(s, option, &value, sizeof value);
            if (takes(values, value)) {
                EXPECT_EQ(rc, 0) << "type " << type << " option " << option << " value " << value;
            } else {
                EXPECT_EQ(rc, -1) << "type " << type << " option " << option << " value " << value;
                EXPECT_EQ(errno, EINVAL) << "type " << type << " option " << option << " value " << value;
            }
        }
    }
}

// Readable ones report any value taken as on as 1.
TEST(BooleanOptions, AnyOtherValueReadsBackAsOne) {
    zt::context ctx;
    zt::socket sub(ctx, ZMQ_SUB);
    zt::set_int(sub, ZMQ_INVERT_MATCHING, -5);
    EXPECT_EQ(zt::get_int(sub, ZMQ_INVERT_MATCHING), 1);
}

// IPV4ONLY is the old name of IPV6, inverted.
TEST(BooleanOptions, Ipv4OnlyIsTheInverseOfIpv6) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    EXPECT_EQ(zt::get_int(s, ZMQ_IPV4ONLY), 1);
    zt::set_int(s, ZMQ_IPV4ONLY, 0);
    EXPECT_EQ(zt::get_int(s, ZMQ_IPV6), 1);
    zt::set_int(s, ZMQ_IPV6, 0);
    EXPECT_EQ(zt::get_int(s, ZMQ_IPV4ONLY), 1);
}

// A value other than 1 turns an option on: ROUTER_MANDATORY 2 refuses an
// unknown peer as 1 does.
TEST(BooleanOptions, TwoMeansOn) {
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::set_int(router, ZMQ_ROUTER_MANDATORY, 2);
    ZT_EXPECT_ERRNO(zmq_send(router, "nobody", 6, ZMQ_SNDMORE | ZMQ_DONTWAIT), EHOSTUNREACH);
}

} // namespace
