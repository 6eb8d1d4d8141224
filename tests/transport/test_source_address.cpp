// A tcp connect with a source address ("tcp://source;destination"): the
// connection leaves from that address and port, and, as with libzmq,
// several connects may share one source port to different servers.
// Checked against libzmq 4.3.4.
#include "endpoints.hpp"

#include <string>

namespace {

// "tcp://127.0.0.1:5555" -> "127.0.0.1:5555".
std::string host_and_port(const std::string& endpoint) { return endpoint.substr(std::string("tcp://").size()); }

TEST(SourceAddress, TwoConnectsShareOneSourcePortToDifferentServers) {
    zt::context ctx;
    zt::socket first_server(ctx, ZMQ_PULL);
    zt::socket second_server(ctx, ZMQ_PULL);
    const std::string first = tt::bind_any(first_server, tt::transport::tcp);
    const std::string second = tt::bind_any(second_server, tt::transport::tcp);
    const std::string source = host_and_port(tt::endpoint_to_bind_later(tt::transport::tcp));

    zt::socket first_client(ctx, ZMQ_PUSH);
    zt::socket second_client(ctx, ZMQ_PUSH);
    zt::connect(first_client, ("tcp://" + source + ";" + host_and_port(first)).c_str());
    zt::connect(second_client, ("tcp://" + source + ";" + host_and_port(second)).c_str());
    zt::send_str(first_client, "to the first");
    zt::send_str(second_client, "to the second");
    EXPECT_EQ(zt::recv_str(first_server), "to the first");
    EXPECT_EQ(zt::recv_str(second_server), "to the second");
}

} // namespace
