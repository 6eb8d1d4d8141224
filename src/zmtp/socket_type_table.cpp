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
    default: return false;
    }
}

}  // namespace zmx::zmtp
