#include "socket_kinds.hpp"

#include <zmq.h>

namespace zmx_cat {

const std::vector<socket_kind>& socket_kinds() {
    static const std::vector<socket_kind> kinds{
        {"push", ZMQ_PUSH, socket_kind::sends},       {"pull", ZMQ_PULL, socket_kind::receives},
        {"pub", ZMQ_PUB, socket_kind::sends},         {"sub", ZMQ_SUB, socket_kind::receives},
        {"req", ZMQ_REQ, socket_kind::requests},      {"rep", ZMQ_REP, socket_kind::replies},
        {"pair", ZMQ_PAIR, socket_kind::either},      {"dealer", ZMQ_DEALER, socket_kind::either},
        {"router", ZMQ_ROUTER, socket_kind::either},  {"xpub", ZMQ_XPUB, socket_kind::either},
        {"xsub", ZMQ_XSUB, socket_kind::either},      {"stream", ZMQ_STREAM, socket_kind::either},
    };
    return kinds;
}

const socket_kind* find_socket_kind(const std::string& name) {
    for (const auto& kind : socket_kinds())
        if (name == kind.name)
            return &kind;
    return nullptr;
}

}  // namespace zmx_cat
