#include "device_kinds.hpp"

#include <zmq.h>

namespace zmx_broker {

namespace {

const device_shape shapes[] = {
    {"queue", ZMQ_ROUTER, ZMQ_DEALER, true},
    {"forwarder", ZMQ_XSUB, ZMQ_XPUB, true},
    {"streamer", ZMQ_PULL, ZMQ_PUSH, false},
};

}  // namespace

const device_shape& shape_of(device_kind kind) { return shapes[static_cast<int>(kind)]; }

std::optional<device_kind> device_kind_named(std::string_view name) {
    for (int i = 0; i < 3; ++i)
        if (name == shapes[i].name)
            return static_cast<device_kind>(i);
    return std::nullopt;
}

const char* socket_type_name(int type) {
    switch (type) {
    case ZMQ_ROUTER: return "ROUTER";
    case ZMQ_DEALER: return "DEALER";
    case ZMQ_XSUB: return "XSUB";
    case ZMQ_XPUB: return "XPUB";
    case ZMQ_PULL: return "PULL";
    case ZMQ_PUSH: return "PUSH";
    default: return "?";
    }
}

}  // namespace zmx_broker
