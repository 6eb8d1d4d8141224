#include "zmtp/socket_type_table.hpp"

#include <zmq.h>

#include <initializer_list>

namespace zmx::zmtp {

std::string_view socket_type_name(int type) {
    switch (type) {
    case ZMQ_PAIR: return "PAIR";
    case ZMQ_PUB: return "PUB";
    case ZMQ_SUB: return "SUB";
    case ZMQ_REQ: return "REQ";
    case ZMQ_REP: return "REP";
    case ZMQ_DEALER: return "DEALER";
    case ZMQ_ROUTER: return "ROUTER";
    case ZMQ_PULL: return "PULL";
    case ZMQ_PUSH: return "PUSH";
    case ZMQ_XPUB: return "XPUB";
    case ZMQ_XSUB: return "XSUB";
    case ZMQ_SERVER: return "SERVER";
    case ZMQ_CLIENT: return "CLIENT";
    case ZMQ_RADIO: return "RADIO";
    case ZMQ_DISH: return "DISH";
    case ZMQ_GATHER: return "GATHER";
    case ZMQ_SCATTER: return "SCATTER";
    case ZMQ_DGRAM: return "DGRAM";
    case ZMQ_PEER: return "PEER";
    case ZMQ_CHANNEL: return "CHANNEL";
    default: return {};
    }
}

bool compatible(int our_type, std::string_view peer) {
    auto one_of = [&peer](std::initializer_list<std::string_view> names) {
        for (auto name : names)
            if (peer == name)
                return true;
        return false;
    };
    switch (our_type) {
    case ZMQ_PAIR: return one_of({"PAIR"});
    case ZMQ_PUB: return one_of({"SUB", "XSUB"});
    case ZMQ_XPUB: return one_of({"SUB", "XSUB"});
    case ZMQ_SUB: return one_of({"PUB", "XPUB"});
    case ZMQ_XSUB: return one_of({"PUB", "XPUB"});
    case ZMQ_REQ: return one_of({"REP", "ROUTER"});
    case ZMQ_REP: return one_of({"REQ", "DEALER"});
    case ZMQ_DEALER: return one_of({"REP", "DEALER", "ROUTER"});
    case ZMQ_ROUTER: return one_of({"REQ", "DEALER", "ROUTER"});
    case ZMQ_PUSH: return one_of({"PULL"});
    case ZMQ_PULL: return one_of({"PUSH"});
    case ZMQ_SERVER: return one_of({"CLIENT"});
    case ZMQ_CLIENT: return one_of({"SERVER"});
    case ZMQ_RADIO: return one_of({"DISH"});
    case ZMQ_DISH: return one_of({"RADIO"});
    case ZMQ_GATHER: return one_of({"SCATTER"});
    case ZMQ_SCATTER: return one_of({"GATHER"});
    case ZMQ_PEER: return one_of({"PEER"});
    case ZMQ_CHANNEL: return one_of({"CHANNEL"});
    default: return false;  // DGRAM speaks no ZMTP
    }
}

}  // namespace zmx::zmtp
