// The three devices of the guide, and the socket pair each is made of.
#pragma once

#include <optional>
#include <string_view>

namespace zmx_broker {

enum class device_kind {
    queue,      // ROUTER frontend (clients), DEALER backend (workers)
    forwarder,  // XSUB frontend (publishers), XPUB backend (subscribers)
    streamer,   // PULL frontend (producers), PUSH backend (consumers)
};

struct device_shape {
    const char* name;
    int frontend_type;
    int backend_type;
    // Queue replies and forwarder subscriptions travel backend to frontend;
    // a streamer is one-way.
    bool two_way;
};

const device_shape& shape_of(device_kind kind);
std::optional<device_kind> device_kind_named(std::string_view name);
// "ROUTER", "XPUB", ... for messages a person reads.
const char* socket_type_name(int type);

}  // namespace zmx_broker
