// Bad input to the sp API: -1 with a clear errno, never a crash.
#include "sp_test.hpp"

namespace {

TEST(XioSpErrors, UnknownFamilyOrType) {
    XT_EXPECT_ERRNO(sp_endpoint(99, SP_REQ), EINVAL);
    XT_EXPECT_ERRNO(sp_endpoint(SP_REQREP, 7), EINVAL);
    XT_EXPECT_ERRNO(sp_endpoint(SP_PUBSUB, SP_BUS + 1), EINVAL);
    XT_EXPECT_ERRNO(sp_endpoint(SP_BUS, SP_REQ), EINVAL);
    XT_EXPECT_ERRNO(sp_endpoint(SP_REQREP, -1), EINVAL);
}

TEST(XioSpErrors, BadEndpointIds) {
    char* u = xt::ubuf_of("x");
    char* out = nullptr;
    int value = 0, size = sizeof value;
    XT_EXPECT_ERRNO(sp_send(12345, u), EBADF);
    XT_EXPECT_ERRNO(sp_recv(-1, &out), EBADF);
    XT_EXPECT_ERRNO(sp_add(12345, 0), EBADF);
    XT_EXPECT_ERRNO(sp_rm(12345, 0), EBADF);
    XT_EXPECT_ERRNO(sp_setopt(12345, SP_REQ_LBS, &value, size), EBADF);
    XT_EXPECT_ERRNO(sp_getopt(12345, SP_REQ_LBS, &value, &size), EBADF);
    XT_EXPECT_ERRNO(sp_close(12345), EBADF);
    const int eid = sp_endpoint(SP_REQREP, SP_REQ);
    ASSERT_EQ(sp_close(eid), 0);
    XT_EXPECT_ERRNO(sp_close(eid), EBADF);
    XT_EXPECT_ERRNO(sp_send(eid, u), EBADF);
    ufree(u);
}

TEST(XioSpErrors, UnknownOptions) {
    for (int family_type : {0, 1, 2, 3, 4}) {
        const int families[] = {SP_REQREP, SP_REQREP, SP_PUBSUB, SP_PUBSUB, SP_BUS};
        const int types[] = {SP_REQ, SP_REP, SP_PUB, SP_SUB, SP_BUS};
        const int eid = sp_endpoint(families[family_type], types[family_type]);
        int value = 1, size = sizeof value;
        XT_EXPECT_ERRNO(sp_setopt(eid, 42, &value, size), EINVAL);
        XT_EXPECT_ERRNO(sp_getopt(eid, 42, &value, &size), EINVAL);
        XT_EXPECT_ERRNO(sp_setopt(eid, SP_RCVTIMEO, nullptr, size), EINVAL);
        XT_EXPECT_ERRNO(sp_setopt(eid, SP_RCVTIMEO, &value, 1), EINVAL);
        sp_close(eid);
    }
    const int rep = sp_endpoint(SP_REQREP, SP_REP);
    int strategy = SP_REQ_RRBIN;
    XT_EXPECT_ERRNO(sp_setopt(rep, SP_REQ_LBS, &strategy, sizeof strategy), EINVAL);  // SP_REQ's only
    sp_close(rep);
}

TEST(XioSpErrors, BadHandles) {
    const int eid = sp_endpoint(SP_REQREP, SP_REQ);
    XT_EXPECT_ERRNO(sp_add(eid, 12345), EBADF);
    XT_EXPECT_ERRNO(sp_rm(eid, 12345), EBADF);
    const int fd = xconnect("inproc://sp-errors");
    XT_EXPECT_ERRNO(sp_rm(eid, fd), ENOENT);  // not this endpoint's
    ASSERT_EQ(sp_add(eid, fd), 0);
    XT_EXPECT_ERRNO(sp_add(eid, fd), EBUSY);
    const int other = sp_endpoint(SP_REQREP, SP_REQ);
    XT_EXPECT_ERRNO(sp_add(other, fd), EBUSY);
    XT_EXPECT_ERRNO(xclose(fd), EBUSY);  // the endpoint has it
    char* out = nullptr;
    XT_EXPECT_ERRNO(xrecv(fd, &out), EBUSY);
    ASSERT_EQ(sp_rm(eid, fd), 0);  // and closes it
    XT_EXPECT_ERRNO(xclose(fd), EBADF);

    // A handle in direct use cannot join an endpoint, nor can a connection
    // a listener accepted (it lives on the listener's socket).
    const std::string a = xt::address("inproc");
    const int listener = xlisten(a.c_str());
    const int client = xconnect(a.c_str());
    xt::set_safety_timeouts(listener);
    ASSERT_EQ(xsend(client, xt::ubuf_of("hi")), 0);
    XT_EXPECT_ERRNO(sp_add(eid, client), EBUSY);
    const int conn = xaccept(listener);
    ASSERT_GE(conn, 0);
    XT_EXPECT_ERRNO(sp_add(eid, conn), EINVAL);
    XT_EXPECT_ERRNO(sp_add(eid, listener), EBUSY);
    xclose(conn);
    xclose(client);
    xclose(listener);
    sp_close(other);
    sp_close(eid);
}

TEST(XioSpErrors, ForeignAndFreedUbufs) {
    const int eid = sp_endpoint(SP_PUBSUB, SP_PUB);
    char foreign[32] = {};
    XT_EXPECT_ERRNO(sp_send(eid, foreign + 16), EINVAL);
    XT_EXPECT_ERRNO(sp_send(eid, nullptr), EINVAL);
    char* u = xt::ubuf_of("once");
    ufree(u);
    XT_EXPECT_ERRNO(sp_send(eid, u), EINVAL);
    char* sent = xt::ubuf_of("sent");
    ASSERT_EQ(sp_send(eid, sent), 0);  // a PUB with no subscriber drops it
    XT_EXPECT_ERRNO(sp_send(eid, sent), EINVAL);  // sp_send took it
    XT_EXPECT_ERRNO(sp_recv(eid, nullptr), EINVAL);
    sp_close(eid);
}

TEST(XioSpErrors, AReplyWithNoRoute) {
    const int rep = xt::endpoint(SP_REQREP, SP_REP);
    char* u = xt::ubuf_of("no route");
    XT_EXPECT_ERRNO(sp_send(rep, u), EHOSTUNREACH);
    EXPECT_EQ(usize(u), 8);  // still the caller's
    ufree(u);
    sp_close(rep);
}

TEST(XioSpErrors, AReplyWhoseClientIsGone) {
    const std::string a = xt::address("inproc");
    const int rep = xt::endpoint(SP_REQREP, SP_REP);
    ASSERT_GE(sp_listen(rep, a.c_str()), 0);
    const int req = xt::endpoint(SP_REQREP, SP_REQ);
    ASSERT_GE(sp_connect(req, a.c_str()), 0);
    ASSERT_EQ(sp_send(req, xt::ubuf_of("hello")), 0);
    char* request = nullptr;
    ASSERT_EQ(sp_recv(rep, &request), 0);
    sp_close(req);
    // inproc: the client's pipe is gone once sp_close returns.
    XT_EXPECT_ERRNO(sp_send(rep, request), EHOSTUNREACH);
    ufree(request);
    sp_close(rep);
}

TEST(XioSpErrors, RequestsWithNowhereToGo) {
    const int req = xt::endpoint(SP_REQREP, SP_REQ);
    XT_EXPECT_ERRNO(sp_send(req, xt::ubuf_of("lost")), ENOTCONN);
    const int bus = xt::endpoint(SP_BUS, SP_BUS);
    XT_EXPECT_ERRNO(sp_send(bus, xt::ubuf_of("lost")), ENOTCONN);
    // With a peer that never comes (tcp: nobody listens), the send times
    // out (SP_SNDTIMEO). An inproc connect would take it: messages wait
    // there for a bind, as in zmq.
    const int brief = 20;
    sp_setopt(req, SP_SNDTIMEO, const_cast<int*>(&brief), sizeof brief);
    ASSERT_GE(sp_connect(req, xt::address("tcp").c_str()), 0);
    char* u = xt::ubuf_of("waits");
    XT_EXPECT_ERRNO(sp_send(req, u), EAGAIN);
    ufree(u);
    sp_close(bus);
    sp_close(req);
}

TEST(XioSpErrors, ProxyMisuse) {
    const int req = sp_endpoint(SP_REQREP, SP_REQ);
    const int req2 = sp_endpoint(SP_REQREP, SP_REQ);
    const int rep = sp_endpoint(SP_REQREP, SP_REP);
    const int pub = sp_endpoint(SP_PUBSUB, SP_PUB);
    XT_EXPECT_ERRNO(sp_setopt(req, SP_PROXY, const_cast<int*>(&req2), sizeof req2), EINVAL);
    XT_EXPECT_ERRNO(sp_setopt(req, SP_PROXY, const_cast<int*>(&pub), sizeof pub), EINVAL);
    XT_EXPECT_ERRNO(sp_setopt(pub, SP_PROXY, const_cast<int*>(&rep), sizeof rep), EINVAL);
    const int missing = 12345;
    XT_EXPECT_ERRNO(sp_setopt(req, SP_PROXY, const_cast<int*>(&missing), sizeof missing), EBADF);
    XT_EXPECT_ERRNO(sp_setopt(req, SP_PROXY, const_cast<int*>(&rep), 2), EINVAL);
    ASSERT_EQ(sp_setopt(req, SP_PROXY, const_cast<int*>(&rep), sizeof rep), 0);
    XT_EXPECT_ERRNO(sp_setopt(req2, SP_PROXY, const_cast<int*>(&rep), sizeof rep), EINVAL);  // taken
    char* u = xt::ubuf_of("x");
    char* out = nullptr;
    XT_EXPECT_ERRNO(sp_send(req, u), EBUSY);
    XT_EXPECT_ERRNO(sp_recv(rep, &out), EBUSY);
    // Closing one side ends the proxy: the other is free again.
    ASSERT_EQ(sp_close(req), 0);
    XT_EXPECT_ERRNO(sp_send(rep, u), EHOSTUNREACH);
    ufree(u);
    for (int eid : {req2, rep, pub})
        sp_close(eid);
}

TEST(XioSpErrors, CloseWakesAWaitingReceive) {
    const int rep = sp_endpoint(SP_REQREP, SP_REP);
    xt::expect_close_ends_wait(
        [rep] {
            char* out = nullptr;
            return sp_recv(rep, &out);
        },
        [rep] { return sp_close(rep); });
}

} // namespace
