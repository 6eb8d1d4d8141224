// XPUB_VERBOSE and XPUB_VERBOSER are one setting in libzmq 4.3.4: VERBOSE
// passes duplicate subscriptions on and turns the passing of every
// unsubscription (VERBOSER's addition) off, whatever was set before.
#include "zmq_test.hpp"

namespace {

using zt::subscription;

TEST(XpubVerbose, VerboseAfterVerboserPassesDuplicateUnsubscriptionsNoMore) {
    zt::context ctx;
    zt::socket xpub(ctx, ZMQ_XPUB), a(ctx, ZMQ_SUB), b(ctx, ZMQ_SUB);
    zt::set_int(xpub, ZMQ_XPUB_VERBOSER, 1);
    zt::set_int(xpub, ZMQ_XPUB_VERBOSE, 1);
    zt::bind(xpub, "inproc://verbose");
    zt::connect(a, "inproc://verbose");
    zt::connect(b, "inproc://verbose");
    zt::set_bytes(a, ZMQ_SUBSCRIBE, "t");
    zt::set_bytes(b, ZMQ_SUBSCRIBE, "t");
    EXPECT_EQ(zt::recv_str(xpub), subscription("t"));
    EXPECT_EQ(zt::recv_str(xpub), subscription("t"));  // duplicates pass: VERBOSE
    zt::set_bytes(a, ZMQ_UNSUBSCRIBE, "t");             // b still wants it
    zt::set_bytes(b, ZMQ_SUBSCRIBE, "marker");
    EXPECT_EQ(zt::recv_str(xpub), subscription("marker"));
}

} // namespace
