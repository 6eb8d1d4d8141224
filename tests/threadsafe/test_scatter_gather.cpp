// SCATTER and GATHER, the thread-safe pipeline: round-robin down to the
// gatherers, fair-queued in, a send that waits (never drops) in the mute
// state, single-part only. Checked against the reference libzmq 4.3.4 with
// its draft API.
#include "endpoints_all.hpp"

#include <string>

namespace {

using ts::transport;

class ScatterGather : public ::testing::TestWithParam<transport> {
protected:
    zt::context ctx;
};

INSTANTIATE_TEST_SUITE_P(Transports, ScatterGather,
                         ::testing::Values(transport::inproc, transport::ipc, transport::tcp), ts::transport_name);

TEST_P(ScatterGather, MessagesGoRoundRobinToTheGatherers) {
    zt::socket scatter(ctx, ZMQ_SCATTER);
    zt::socket first(ctx, ZMQ_GATHER);
    zt::socket second(ctx, ZMQ_GATHER);
    zt::set_int(scatter, ZMQ_IMMEDIATE, 1);  // sends wait for connected peers
    const std::string endpoint = ts::bind_any(scatter, GetParam());
    zt::connect(first, endpoint.c_str());
    zt::connect(second, endpoint.c_str());
    // Until both are connected, what is sent goes to whoever is there: a
    // probe to each proves both connections, then the counts are exact.
    while (!zt::wait_readable(first, 0) || !zt::wait_readable(second, 0)) {
        zt::send_str(scatter, "probe");
        zt::wait_readable(first, 10);
    }
    for (void* gatherer : {static_cast<void*>(first), static_cast<void*>(second)})
        while (zt::wait_readable(gatherer, 0))
            zt::recv_str(gatherer);
    for (int i = 0; i < 10; ++i)
        zt::send_str(scatter, "work");
    int first_count = 0, second_count = 0;
    while (first_count + second_count < 10) {
        zmq_pollitem_t items[] = {{first, 0, ZMQ_POLLIN, 0}, {second, 0, ZMQ_POLLIN, 0}};
        ASSERT_GT(zmq_poll(items, 2, zt::safety_timeout_ms), 0);
        if (items[0].revents)
            first_count += zt::recv_str(first) == "work";
        if (items[1].revents)
            second_count += zt::recv_str(second) == "work";
    }
    EXPECT_EQ(first_count, 5);
    EXPECT_EQ(second_count, 5);
}

TEST_P(ScatterGather, AGathererFairQueuesItsScatterers) {
    zt::socket gather(ctx, ZMQ_GATHER);
    const std::string endpoint = ts::bind_any(gather, GetParam());
    zt::socket first(ctx, ZMQ_SCATTER);
    zt::socket second(ctx, ZMQ_SCATTER);
    zt::connect(first, endpoint.c_str());
    zt::connect(second, endpoint.c_str());
    zt::send_str(first, "a1");
    zt::send_str(second, "b1");
    EXPECT_NE(zt::recv_str(gather), zt::recv_str(gather));
}

TEST_P(ScatterGather, WithoutAPeerASendWaitsAndDropsNothing) {
    zt::socket scatter(ctx, ZMQ_SCATTER);
    zt::set_int(scatter, ZMQ_IMMEDIATE, 1);
    const std::string endpoint = ts::bind_any(scatter, GetParam());
    ZT_EXPECT_ERRNO(zmq_send(scatter, "early", 5, ZMQ_DONTWAIT), EAGAIN);
    zt::socket gather(ctx, ZMQ_GATHER);
    zt::connect(gather, endpoint.c_str());
    ASSERT_TRUE(zt::wait_writable(scatter));
    zt::send_str(scatter, "late");
    EXPECT_EQ(zt::recv_str(gather), "late");
}

TEST_P(ScatterGather, MultipartIsRefused) {
    zt::socket scatter(ctx, ZMQ_SCATTER);
    ts::bind_any(scatter, GetParam());
    ZT_EXPECT_ERRNO(zmq_send(scatter, "part", 4, ZMQ_SNDMORE), EINVAL);
}

TEST(ScatterGatherDirections, NeitherReceivesNorSendsTheOtherWay) {
    zt::context ctx;
    zt::socket scatter(ctx, ZMQ_SCATTER);
    zt::socket gather(ctx, ZMQ_GATHER);
    char buffer[4];
    ZT_EXPECT_ERRNO(zmq_recv(scatter, buffer, sizeof buffer, ZMQ_DONTWAIT), ENOTSUP);
    ZT_EXPECT_ERRNO(zmq_send(gather, "x", 1, ZMQ_DONTWAIT), ENOTSUP);
    ZT_EXPECT_ERRNO(zmq_send(gather, "x", 1, ZMQ_SNDMORE), ENOTSUP);  // not sending, before not multipart
}

} // namespace
