// RADIO and DISH over udp multicast (zmq_udp(7)): a DISH binds the group's
// address, alone or after an interface ("IFACE;GROUP:PORT", the interface
// a name or one of its addresses); a RADIO connects to the group, alone or
// after the interface to send from. Run by in_multicast_namespace.sh in a
// network namespace whose loopback carries multicast.
#include "endpoints_all.hpp"
#include "group_messages.hpp"

#include <net/if.h>

#include <string>

namespace {

// The group address with a port free on loopback now.
std::string group_endpoint(const std::string& interface, const std::string& group = "239.192.0.7") {
    const std::string unicast = ts::free_udp_endpoint();
    const std::string port = unicast.substr(unicast.rfind(':') + 1);
    return "udp://" + interface + group + ":" + port;
}

// IPv6 multicast is not carried by lo, even in the namespace: its tests
// send over zmxmc0, a veth of the namespace.
bool has_veth() { return if_nametoindex("zmxmc0") != 0; }

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

// ZMQ_MULTICAST_LOOP 0: what the RADIO sends is not looped back to this
// machine, so its DISH hears only the other RADIO, which loops as by
// default (libzmq's own test_radio_dish checks this). Over zmxmc0, a veth
// of the namespace: over lo every member hears every datagram.
TEST(UdpMulticastLoop, ARadioWithoutItIsNotHeardOnThisMachine) {
    if (!has_veth())
        GTEST_SKIP() << "no veth zmxmc0 in this namespace (in_multicast_namespace.sh)";
    zt::context ctx;
    const std::string endpoint = group_endpoint("zmxmc0;");
    zt::socket dish(ctx, ZMQ_DISH);
    ASSERT_EQ(zmq_join(dish, "g"), 0);
    zt::bind(dish, endpoint.c_str());
    zt::socket quiet(ctx, ZMQ_RADIO), looping(ctx, ZMQ_RADIO);
    zt::set_int(quiet, ZMQ_MULTICAST_LOOP, 0);
    zt::connect(quiet, endpoint.c_str());
    zt::connect(looping, endpoint.c_str());
    ASSERT_TRUE(gm::send_until_received(looping, dish, "g"));
    ASSERT_GE(gm::send_to_group(quiet, "g", "not looped"), 0);
    ASSERT_GE(gm::send_to_group(looping, "g", "looped"), 0);
    EXPECT_EQ(gm::bodies_until(dish, "looped"), std::vector<std::string>{"g:looped"});
}

// A link-local IPv6 group with no interface named (libzmq's own
// test_radio_dish), and with one named whose first address is IPv4
// (zmxmc0's, 10.200.0.1): the kernel refuses to connect a datagram socket
// to such a group without an interface, so the RADIO sends to it instead.
class UdpMulticastIpv6 : public ::testing::TestWithParam<const char*> {};

INSTANTIATE_TEST_SUITE_P(Interfaces, UdpMulticastIpv6, ::testing::Values("", "zmxmc0;"),
                         [](const auto& info) { return info.index == 0 ? "none" : "named"; });

TEST_P(UdpMulticastIpv6, ALinkLocalGroupIsHeard) {
    if (!has_veth())
        GTEST_SKIP() << "no veth zmxmc0 in this namespace (in_multicast_namespace.sh)";
    zt::context ctx;
    const std::string endpoint = group_endpoint(GetParam(), "[ff02::7a65:726f:6df1:a01]");
    zt::socket dish(ctx, ZMQ_DISH), radio(ctx, ZMQ_RADIO);
    zt::set_int(dish, ZMQ_IPV6, 1);
    zt::set_int(radio, ZMQ_IPV6, 1);
    ASSERT_EQ(zmq_join(dish, "g"), 0);
    zt::bind(dish, endpoint.c_str());
    zt::connect(radio, endpoint.c_str());
    EXPECT_TRUE(gm::send_until_received(radio, dish, "g"));
}

} // namespace
