// RADIO and DISH over udp multicast (zmq_udp(7)): a DISH binds the group's
// address, alone or after an interface ("IFACE;GROUP:PORT", the interface
// a name or one of its addresses); a RADIO connects to the group, alone or
// after the interface to send from. Run by in_multicast_namespace.sh in a
// network namespace whose loopback carries multicast.
#include "endpoints_all.hpp"
#include "group_messages.hpp"

#include <string>

namespace {

// The group address with a port free on loopback now.
std::string group_endpoint(const std::string& interface) {
    const std::string unicast = ts::free_udp_endpoint();
    const std::string port = unicast.substr(unicast.rfind(':') + 1);
    return "udp://" + interface + "239.192.0.7:" + port;
}

class UdpMulticast : public ::testing::TestWithParam<std::pair<const char*, const char*>> {
protected:
    zt::context ctx;
};

INSTANTIATE_TEST_SUITE_P(Forms, UdpMulticast,
                         ::testing::Values(std::pair{"", ""}, std::pair{"lo;", "lo;"},
                                           std::pair{"127.0.0.1;", "127.0.0.1;"}, std::pair{"*;", ""}),
                         [](const auto& info) { return "form" + std::to_string(info.index); });

TEST_P(UdpMulticast, EveryDishOfTheGroupHearsTheRadio) {
    const std::string endpoint = group_endpoint(GetParam().first);
    const std::string radio_endpoint = "udp://" + std::string(GetParam().second) +
                                       endpoint.substr(endpoint.find("239."));
    zt::socket first(ctx, ZMQ_DISH);
    zt::socket second(ctx, ZMQ_DISH);
    for (void* dish : {static_cast<void*>(first), static_cast<void*>(second)}) {
        ASSERT_EQ(zmq_join(dish, "g"), 0);
        zt::bind(dish, endpoint.c_str());
    }
    zt::socket radio(ctx, ZMQ_RADIO);
    zt::connect(radio, radio_endpoint.c_str());
    EXPECT_TRUE(gm::send_until_received(radio, first, "g"));
    EXPECT_TRUE(gm::send_until_received(radio, second, "g"));
}

} // namespace
