// zmq_has answers for what the library offers. Both libraries have ipc and
// neither vmci; Debian's libzmq has pgm, tipc, norm and GSSAPI, which zmx
// does not have yet (ZmxOnly: left out of the reference run). Whatever it
// says is missing is refused where it would be used.
#include "zmq_test.hpp"

namespace {

TEST(Capabilities, IpcIsThereAndVmciIsNot) {
    EXPECT_EQ(zmq_has("ipc"), 1);
    EXPECT_EQ(zmq_has("vmci"), 0);
}

TEST(Capabilities, ZmxOnlyLacksPgmTipcNormAndGssapi) {
    for (const char* missing : {"pgm", "tipc", "norm", "gssapi"})
        EXPECT_EQ(zmq_has(missing), 0) << missing;
}

TEST(Capabilities, WithoutGssapiItsOptionsAreRefused) {
    if (zmq_has("gssapi"))
        GTEST_SKIP() << "this library has GSSAPI";
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    const int on = 1;
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_GSSAPI_SERVER, &on, sizeof on), EINVAL);
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_GSSAPI_PRINCIPAL, "p", 1), EINVAL);
}

TEST(Capabilities, WithoutVmciItsEndpointsAreRefused) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    ZT_EXPECT_ERRNO(zmq_bind(s, "vmci://1:5555"), EPROTONOSUPPORT);
}

} // namespace
